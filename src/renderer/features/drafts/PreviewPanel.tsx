// The render preview: a field per declared input, and the template rendered with them as you type (main
// renders the unsaved template text), its length, and Copy.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useDebounced } from './useDebounced';

const PREVIEW_MS = 250;

export function PreviewPanel({ draft, inputs, templateText }: { draft: string; inputs: string[]; templateText: string }) {
  const [values, setValues] = useState<Record<string, string>>({});
  // The text last copied: "Copied" holds only while the preview still shows it.
  const [copied, setCopied] = useState<string | null>(null);
  const asked = useDebounced({ draft, templateText, inputs: Object.fromEntries(inputs.map((name) => [name, values[name] ?? ''])) }, PREVIEW_MS);
  const preview = useQuery<ChannelResult<'drafts.preview'>, AppError>({
    queryKey: ['drafts.preview', asked],
    queryFn: () => call('drafts.preview', asked),
    placeholderData: keepPreviousData,
  });
  const result = preview.data;
  return (
    <section className="draft-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      {inputs.length === 0 && <p className="muted">The manifest declares no inputs.</p>}
      <div className="preview-inputs">
        {inputs.map((name) => (
          <label key={name} className="field">
            <span className="mono">{name}</span>
            <textarea rows={2} value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} spellCheck={false} />
          </label>
        ))}
      </div>
      {preview.isError && <ErrorPanel error={preview.error} title="The preview could not be rendered" />}
      {result && !result.ok && (
        <p className="muted" role="status" aria-label="Preview state">
          <span className="mono">{result.input}</span>: {result.message} {result.hint}
        </p>
      )}
      {result?.ok && (
        <>
          <div className="preview-meta">
            <span role="status" aria-label="Rendered length">
              {result.length} characters
            </span>
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(result.text).then(() => setCopied(result.text), () => setCopied(null))}
            >
              {copied === result.text ? 'Copied' : 'Copy'}
            </button>
          </div>
          <pre className="preview-text" aria-label="Rendered prompt">
            {result.text}
          </pre>
        </>
      )}
    </section>
  );
}
