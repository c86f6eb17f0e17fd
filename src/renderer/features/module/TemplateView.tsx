// The prompt template with line numbers and every {{placeholder}} highlighted; a placeholder the
// manifest does not declare is marked differently (validation should have caught it, but show the truth).
import type { ReactNode } from 'react';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function highlight(line: string, declared: ReadonlySet<string>): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (match.index > last) parts.push(line.slice(last, match.index));
    parts.push(
      <mark
        key={match.index}
        className={declared.has(name) ? 'placeholder' : 'placeholder undeclared'}
        title={declared.has(name) ? `Placeholder “${name}”` : `“${name}” is not declared in prompt.placeholders`}
      >
        {match[0]}
      </mark>,
    );
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

export function TemplateView({ text, path, placeholders }: { text: string; path: string; placeholders: string[] }) {
  const declared = new Set(placeholders);
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <section className="template-view" aria-label="Template">
      <div className="template-head">
        <span className="mono muted">{path}</span>
        <span className="placeholder-legend">
          {placeholders.map((name) => (
            <mark key={name} className="placeholder">{`{{${name}}}`}</mark>
          ))}
        </span>
      </div>
      <pre className="template" tabIndex={0}>
        <code>
          {lines.map((line, index) => (
            <span className="template-line" key={index}>
              {highlight(line, declared)}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </section>
  );
}
