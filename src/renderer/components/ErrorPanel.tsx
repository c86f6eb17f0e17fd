// Shows an error the way the core reports it: what happened, how to fix it, and where.
import type { ReactNode } from 'react';
import { errorTitle, locationOf, toAppError } from '../api/errors';

interface Diagnostic {
  code: string;
  message: string;
  hint: string;
  file: string | null;
  line: number | null;
  column: number | null;
}

function diagnosticsOf(data: Record<string, unknown> | undefined): Diagnostic[] {
  const errors = data?.['errors'];
  return Array.isArray(errors) ? (errors as Diagnostic[]) : [];
}

export function ErrorPanel({ error, title, children }: { error: unknown; title?: string; children?: ReactNode }) {
  const { info } = toAppError(error);
  const location = locationOf(info);
  const diagnostics = diagnosticsOf(info.data);
  return (
    <section className="error-panel" role="alert" data-code={info.code}>
      <h2 className="error-title">{title ?? errorTitle(info)}</h2>
      <p className="error-message">{info.message}</p>
      {info.hint && <p className="error-hint">{info.hint}</p>}
      <dl className="error-facts">
        {location && (
          <>
            <dt>Location</dt>
            <dd className="mono">{location}</dd>
          </>
        )}
        {info.path && (
          <>
            <dt>Path</dt>
            <dd className="mono">{info.path}</dd>
          </>
        )}
        <dt>Code</dt>
        <dd className="mono">{info.reason ? `${info.code} · ${info.reason}` : info.code}</dd>
      </dl>
      {diagnostics.length > 1 && (
        <ul className="diagnostics">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <span className="mono">{[d.file, d.line, d.column].filter((p) => p !== null).join(':')}</span> {d.message}{' '}
              <span className="muted">{d.hint}</span>
            </li>
          ))}
        </ul>
      )}
      {children && <div className="error-actions">{children}</div>}
    </section>
  );
}
