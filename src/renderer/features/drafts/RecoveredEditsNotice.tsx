// On start: drafts holding text a crash or a quit left unsaved. Opening one offers to restore it in the editor.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { navigate, useRoute } from '../../app/router';

const folderName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

export function RecoveredEditsNotice() {
  const route = useRoute();
  const [dismissed, setDismissed] = useState(false);
  // Asked once per start: what the editor restores or discards is its own business afterwards.
  const recovered = useQuery({ queryKey: ['drafts.recover', 'on start'], queryFn: () => call('drafts.recover'), staleTime: Infinity });
  const drafts = [...new Set((recovered.data ?? []).map((edit) => edit.draft))];
  if (dismissed || drafts.length === 0 || route.page === 'draft') return null;
  return (
    <div className="banner">
      <div className="notice" role="alert" aria-label="Unsaved changes recovered">
        Changes from the last session were never saved in {drafts.length === 1 ? 'a draft' : `${drafts.length} drafts`}:{' '}
        {drafts.map((draft) => (
          <button key={draft} type="button" onClick={() => navigate({ page: 'draft', path: draft })}>
            Open {folderName(draft)}
          </button>
        ))}{' '}
        <button type="button" onClick={() => setDismissed(true)}>
          Later
        </button>
      </div>
    </div>
  );
}
