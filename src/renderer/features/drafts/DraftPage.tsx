// One draft: its name and version, Export… and Publish, and the editor (its code, CodeMirror included, loads
// only when a draft opens). Publishing goes through the same atomic publish as import, then the draft is archived.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { toAppError, type AppError } from '../../api/errors';
import { LISTING_KEY } from '../../api/listing';
import { newJobId } from '../../api/progress';
import { navigate } from '../../app/router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EmptyState, Loading } from '../../components/States';
import { DragOut } from './DragOut';
import { useDraftList } from './useDrafts';

const DraftWorkspace = lazy(() => import('./DraftWorkspace').then((m) => ({ default: m.DraftWorkspace })));

type Published = ChannelResult<'drafts.publish'>;

function usePublish(draft: string) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const published: Published = await call('drafts.publish', { jobId: newJobId(), draft });
      const [row] = published.result.modules;
      if (row?.status === 'published' && row.name && row.version) {
        void client.invalidateQueries({ queryKey: LISTING_KEY });
        void client.invalidateQueries({ queryKey: ['drafts.list'] });
        navigate({ page: 'module', name: row.name, version: row.version, tab: 'overview' });
      } else if (row?.error) setError(toAppError(row.error));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return { publish, busy, error };
}

export function DraftPage({ path }: { path: string }) {
  const list = useDraftList();
  const publish = usePublish(path);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<AppError | null>(null);
  if (list.isPending) return <Loading label="Opening the draft…" />;
  if (list.isError) return <ErrorPanel error={list.error} title="The drafts could not be read" />;
  const summary = list.data.find((d) => d.path === path);
  if (!summary)
    return (
      <EmptyState title="This draft is gone">
        <p className="muted">It was published, moved or removed.</p>
        <button type="button" onClick={() => navigate({ page: 'drafts' })}>
          All drafts
        </button>
      </EmptyState>
    );
  const exportDraft = () =>
    call('drafts.exportDraft', { draft: path }).then(
      (to) => to && setExported(to),
      (e: unknown) => setExportError(toAppError(e)),
    );
  return (
    <div className="draft-page">
      <header className="page-header">
        <div className="title-line">
          <button type="button" className="title-action" onClick={() => navigate({ page: 'drafts' })}>
            ← Drafts
          </button>
          <h1>{summary.name ?? 'unnamed draft'}</h1>
          <span className="title-version mono">{summary.version}</span>
          {summary.basedOn && <span className="muted">new version of {`${summary.basedOn.name}@${summary.basedOn.version}`}</span>}
          <DragOut what={{ draft: path }} label="the draft" />
          <button type="button" className="title-action" onClick={() => void exportDraft()}>
            Export…
          </button>
          <button type="button" className="primary" disabled={publish.busy} onClick={() => void publish.publish()}>
            {publish.busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
        <p className="description mono muted">{path}</p>
      </header>
      {exported && (
        <p className="notice" role="status">
          Exported to <span className="mono">{exported}</span>
        </p>
      )}
      {exportError && <ErrorPanel error={exportError} title="The draft could not be exported" />}
      {publish.error && <ErrorPanel error={publish.error} title="The draft was not published" />}
      <Suspense fallback={<Loading label="Loading the editor…" />}>
        <DraftWorkspace summary={summary} />
      </Suspense>
    </div>
  );
}
