// The Dependencies tab: the ranges a version declares, then what they resolve to in this registry
// (a tree, or the explained conflict), with progress and cancel while a large graph resolves.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Verification, VersionDetail } from '../../../shared/ipc/schemas';
import { useJobProgress } from '../../api/progress';
import { useResolution, type VersionRef } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { Table } from '../../components/Table';
import { ConflictView } from './ConflictView';
import { ResolvedTree } from './ResolvedTree';
import { distinctModules } from './tree';

/** `rootState`: the version on screen was verified when it was read; the resolver checks only its dependencies. */
function Resolution({ versionRef, rootState }: { versionRef: VersionRef; rootState: Verification }) {
  const client = useQueryClient();
  const { query, jobId, key } = useResolution(versionRef);
  const progress = useJobProgress(query.isFetching ? jobId : null);
  const data = query.data;
  const view = useMemo(() => (data?.ok ? { ...data, root: { ...data.root, verification: rootState } } : data), [data, rootState]);

  if (query.isFetching)
    return (
      <div className="resolving">
        <ProgressBar progress={progress} label="Resolving dependencies" />
        <button type="button" onClick={() => void client.cancelQueries({ queryKey: key })}>
          Cancel
        </button>
      </div>
    );
  if (query.isError)
    return (
      <ErrorPanel error={query.error} title="The dependencies could not be resolved">
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </ErrorPanel>
    );
  if (!view)
    return (
      <button type="button" className="primary" onClick={() => void query.refetch()}>
        Resolve dependencies
      </button>
    );
  if (!view.ok) return <ConflictView error={view.error} explanation={view.explanation} />;
  const count = distinctModules(view.root);
  return (
    <div className="resolution" data-testid="resolution">
      <p className="resolution-summary">
        Resolves to {count} {count === 1 ? 'module' : 'modules'}, one version each.
      </p>
      <ResolvedTree root={view.root} />
    </div>
  );
}

export function DependenciesView({ detail, versionRef }: { detail: VersionDetail; versionRef: VersionRef }) {
  if (detail.dependencies.length === 0) return <p className="muted">This version has no dependencies.</p>;
  return (
    <div className="dependencies">
      <h2 className="section-title">Declared</h2>
      <Table headers={['Module', 'Range']}>
        {detail.dependencies.map((dependency) => (
          <tr key={dependency.name}>
            <td className="mono">{dependency.name}</td>
            <td className="mono">{dependency.range}</td>
          </tr>
        ))}
      </Table>
      <h2 className="section-title">Resolved</h2>
      <Resolution versionRef={versionRef} rootState={detail.verification} />
    </div>
  );
}
