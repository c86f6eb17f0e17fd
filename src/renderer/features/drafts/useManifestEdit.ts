// The forms beside the YAML change it through main (core/module/yaml-edit.ts keeps comments, order and
// spacing): `apply` sends the edits and hands the new text to the editor, or keeps the reason it failed.
import { useState } from 'react';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { toAppError } from '../../api/errors';

export type ManifestEdit = ChannelArgs<'drafts.editManifest'>[0]['edits'][number];

export function useManifestEdit(text: string, onEdited: (text: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const apply = async (edits: ManifestEdit[]): Promise<boolean> => {
    setError(null);
    try {
      onEdited(await call('drafts.editManifest', { text, edits }));
      return true;
    } catch (e) {
      setError(toAppError(e).info.message);
      return false;
    }
  };
  return { apply, error };
}
