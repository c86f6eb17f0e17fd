// Team registries: the remotes this app knows, and for the chosen one, the open registry's versions against
// the remote's tags, with push and pull (progress, cancel) and registry errors in words with what to do.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RemoteView } from '../../../shared/ipc/remote-schemas';
import { call } from '../../api/client';
import { toAppError, type AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { EmptyState } from '../../components/States';
import { RemoteForm } from './RemoteForm';
import { SyncTable } from './SyncTable';
import { REMOTES_KEY, useRemoteStatus, useRemotes, useTransfer } from './useRemotes';

function RemoteStatus({ remote }: { remote: RemoteView }) {
  const { query, progress } = useRemoteStatus(remote.name);
  const transfer = useTransfer(remote.name);
  const [signingIn, setSigningIn] = useState(false);
  const needsSignIn = query.isError && ['REMOTE_UNAUTHORIZED', 'REMOTE_FORBIDDEN'].includes(toAppError(query.error).info.reason ?? '');
  return (
    <section className="remote-status" aria-label={`Compared with ${remote.name}`}>
      {query.isPending && <ProgressBar progress={progress} label={`Comparing with ${remote.name}`} />}
      {query.isError && (
        <ErrorPanel error={query.error} title={`${remote.name} could not be compared`}>
          {needsSignIn && (
            <button type="button" className="primary" onClick={() => setSigningIn(true)}>
              Sign in…
            </button>
          )}
          <button type="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </ErrorPanel>
      )}
      {signingIn && <RemoteForm signInTo={remote.name} onDone={() => setSigningIn(false)} />}
      {transfer.mutation.isPending && (
        <div className="transfer">
          <ProgressBar progress={transfer.progress} label={transfer.mutation.variables?.direction === 'pull' ? 'Pulling' : 'Pushing'} />
          <button type="button" onClick={transfer.cancel}>
            Cancel
          </button>
        </div>
      )}
      {transfer.mutation.isError && <ErrorPanel error={transfer.mutation.error} title="The transfer stopped" />}
      {query.data && <SyncTable status={query.data} busy={transfer.mutation.isPending} onTransfer={(t) => transfer.mutation.mutate(t)} />}
    </section>
  );
}

export function RemotesPage() {
  const client = useQueryClient();
  const remotes = useRemotes();
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = useMutation<RemoteView[], AppError, string>({
    mutationFn: (name) => call('remotes.remove', name),
    onSuccess: (list) => client.setQueryData(REMOTES_KEY, list),
  });
  const list = remotes.data ?? [];
  const current = list.find((r) => r.name === chosen) ?? list[0] ?? null;
  return (
    <div className="import-view">
      <header className="page-header compare-header">
        <div>
          <h1>Remotes</h1>
          <p className="muted">Share module versions with a team through any OCI registry (GHCR, Harbor, ECR, Docker Hub, your own).</p>
        </div>
        <button type="button" onClick={() => setAdding(!adding)}>
          {adding ? 'Close' : 'Add remote…'}
        </button>
      </header>
      {(adding || (remotes.isSuccess && list.length === 0)) && (
        <RemoteForm
          onDone={(name) => {
            setAdding(false);
            setChosen(name);
          }}
        />
      )}
      {remotes.isError && <ErrorPanel error={remotes.error} title="The remotes could not be read" />}
      {remotes.isSuccess && list.length === 0 && !adding && <EmptyState title="No remote yet" />}
      {list.length > 0 && (
        <div className="remotes-list" role="tablist" aria-label="Remotes">
          {list.map((r) => (
            <div key={r.name} className="remote-chip">
              <button type="button" role="tab" aria-selected={r.name === current?.name} onClick={() => setChosen(r.name)}>
                <strong>{r.name}</strong> <span className="mono muted">{r.url}</span> {r.signedIn && <span className="pill pill-ok">signed in</span>}
              </button>
              <button type="button" className="link-button" aria-label={`Remove ${r.name}`} onClick={() => remove.mutate(r.name)}>
                Remove
              </button>
            </div>
          ))}
        </div>
      )}
      {current && <RemoteStatus key={current.name} remote={current} />}
    </div>
  );
}
