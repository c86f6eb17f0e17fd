// Why the dependencies cannot be resolved, in the plain sentences the resolver wrote.
import type { ErrorObject } from '../../../shared/ipc/schemas';

const TITLES: Record<string, string> = {
  CONFLICT: 'The dependencies conflict',
  CYCLE: 'The dependencies form a cycle',
  NOT_FOUND: 'A dependency is missing from the registry',
  TAMPERED: 'A dependency has been tampered with',
  INVALID_MODULE: 'A dependency does not validate',
};

export function ConflictView({ error, explanation }: { error: ErrorObject; explanation: string[] }) {
  // Without a finer explanation main repeats the message; say it once.
  const sentences = explanation.filter((sentence) => sentence !== error.message);
  return (
    <section className="conflict" role="alert" data-reason={error.reason ?? ''}>
      <h3>{TITLES[error.reason ?? ''] ?? 'The dependencies cannot be resolved'}</h3>
      <p className="error-message">{error.message}</p>
      {sentences.length > 0 && (
        <ol className="explanation">
          {sentences.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ol>
      )}
      {error.hint && <p className="error-hint">{error.hint}</p>}
      <p className="muted mono small">{error.reason ? `${error.code} · ${error.reason}` : error.code}</p>
    </section>
  );
}
