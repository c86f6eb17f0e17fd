// Each module's versions here and on the remote: the same, only here (push it), only there (pull it), or a
// different digest — one version published twice with different contents, shown as an integrity alarm.
import type { RemoteStatusView } from '../../../shared/ipc/remote-schemas';
import type { Transfer } from './useRemotes';

type State = RemoteStatusView['modules'][number]['versions'][number]['state'];

const STATE: Record<State, { text: string; tone: string }> = {
  same: { text: 'On both', tone: 'ok' },
  'local-only': { text: 'Only here', tone: 'neutral' },
  'remote-only': { text: 'Only on the remote', tone: 'neutral' },
  different: { text: 'Different contents', tone: 'danger' },
};

interface Props {
  status: RemoteStatusView;
  busy: boolean;
  onTransfer: (transfer: Transfer) => void;
}

export function SyncTable({ status, busy, onTransfer }: Props) {
  const rows = status.modules.flatMap((m) => m.versions.map((v) => ({ name: m.name, ...v })));
  const missingThere = rows.filter((r) => r.state === 'local-only' && r.local !== null);
  const missingHere = rows.filter((r) => r.state === 'remote-only');
  const different = rows.filter((r) => r.state === 'different');
  return (
    <>
      {different.length > 0 && (
        <div className="notice notice-danger" role="alert">
          <strong>
            {different.length === 1 ? '1 version differs' : `${different.length} versions differ`} between this registry and the remote.
          </strong>{' '}
          A published version never changes, so one copy was altered or published twice with other contents. Nothing is overwritten: compare
          the files, then publish a new version.
        </div>
      )}
      <div className="import-toolbar">
        <span className="muted">
          {rows.length} versions: {missingThere.length} only here, {missingHere.length} only on the remote
          {!status.catalog && ' (the remote does not list its repositories: modules only it has are not shown)'}
        </span>
        <span className="compare-actions">
          <button type="button" disabled={busy || missingThere.length === 0} onClick={() => onTransfer({ direction: 'push', versions: missingThere })}>
            Push {missingThere.length} missing there
          </button>
          <button type="button" disabled={busy || missingHere.length === 0} onClick={() => onTransfer({ direction: 'pull', versions: missingHere })}>
            Pull {missingHere.length} missing here
          </button>
        </span>
      </div>
      <table className="table sync-table" aria-label="Versions here and on the remote">
        <thead>
          <tr>
            <th>Module</th>
            <th>Version</th>
            <th>State</th>
            <th>Digest</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}@${r.version}`} data-state={r.state} aria-label={`${r.name}@${r.version}`}>
              <td className="mono">{r.name}</td>
              <td className="mono">{r.version}</td>
              <td>
                <span className={`pill pill-${STATE[r.state].tone}`}>{STATE[r.state].text}</span>
                {r.localProblem && <span className="danger-text"> {r.localProblem}</span>}
              </td>
              <td className="mono muted digest">
                {r.state === 'different' ? `here ${r.local?.slice(7, 19)}… · there ${r.remote?.slice(7, 19)}…` : (r.local ?? r.remote ?? '').slice(7, 19)}
              </td>
              <td>
                {r.state === 'local-only' && r.local !== null && (
                  <button type="button" disabled={busy} onClick={() => onTransfer({ direction: 'push', versions: [r] })}>
                    Push
                  </button>
                )}
                {r.state === 'remote-only' && (
                  <button type="button" disabled={busy} onClick={() => onTransfer({ direction: 'pull', versions: [r] })}>
                    Pull
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
