// What a batch publish did: each module published, skipped (the batch was cancelled first) or refused and
// why. A refusal never undid what was published before it.
import type { BatchResultView } from '../../../shared/ipc/import-schemas';
import { navigate } from '../../app/router';

export function PublishSummary({ result }: { result: BatchResultView }) {
  const parts = [`${result.published} published`, `${result.failed} failed`, `${result.skipped} skipped`];
  return (
    <section className={`notice ${result.failed > 0 ? 'notice-danger' : 'notice-ok'}`} aria-label="Publish summary" role="status">
      <strong>{result.cancelled ? 'Publishing cancelled: ' : 'Publishing finished: '}</strong>
      {parts.join(', ')}.
      <ul className="summary-list">
        {result.modules.map((m) => (
          <li key={m.path} data-status={m.status}>
            <span className="mono">{m.name && m.version ? `${m.name}@${m.version}` : m.path}</span>{' '}
            {m.status === 'published' && m.name && m.version ? (
              <button type="button" className="link-button" onClick={() => navigate({ page: 'module', name: m.name!, version: m.version, tab: 'overview' })}>
                published — open
              </button>
            ) : m.status === 'skipped' ? (
              <span className="muted">skipped: the batch was cancelled before it</span>
            ) : (
              <span className="danger-text">failed: {m.error?.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
