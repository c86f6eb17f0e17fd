// A published version whose manifest does not validate (edited by hand, or published by a tool with other
// rules): marked as such with its errors, since resolving never uses it as a module without dependencies.
import { toAppError } from '../../api/errors';
import type { VersionRef } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';

export const INVALID_REASON = 'INVALID_MODULE';

/** The first validation error's message (the panel lists them all only when there are several). */
function firstError(error: unknown): string | null {
  const errors = toAppError(error).info.data?.['errors'];
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  return typeof first === 'object' && first !== null && 'message' in first && typeof first.message === 'string' ? first.message : null;
}

export function InvalidVersion({ versionRef, error }: { versionRef: VersionRef; error: unknown }) {
  const first = firstError(error);
  return (
    <div className="version-pane">
      <header className="page-header">
        <div className="title-line">
          <h1>{versionRef.name}</h1>
          <span className="title-version mono">{versionRef.version}</span>
          <span className="badge badge-invalid" data-state="invalid" title="Its manifest does not pass validation.">
            <span className="badge-icon" aria-hidden="true">
              ✗
            </span>
            Does not validate
          </span>
        </div>
      </header>
      <ErrorPanel error={error} title="This version does not validate">
        {first && <p className="invalid-first-error">First error: {first}</p>}
        <p className="muted">Resolving dependencies through it fails: publish a corrected version instead.</p>
      </ErrorPanel>
    </div>
  );
}
