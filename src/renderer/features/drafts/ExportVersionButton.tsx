// "Export…" on a published version: main asks where (the native folder dialog) and writes a folder that
// validates and imports back to byte-identical files.
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';

export function ExportVersionButton({ name, version }: { name: string; version: string }) {
  const run = useMutation<string | null, AppError>({ mutationFn: () => call('drafts.exportVersion', { name, version }) });
  const title = run.isError ? run.error.info.message : run.data ? `Exported to ${run.data}` : `Write ${name}@${version} to a folder you choose`;
  return (
    <button type="button" className="title-action" disabled={run.isPending} title={title} onClick={() => run.mutate()}>
      {run.data ? 'Exported ✓' : 'Export…'}
    </button>
  );
}
