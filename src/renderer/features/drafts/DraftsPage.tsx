// The drafts area: every work-in-progress module with what validation says of it, and a new draft made from
// the `promptpm init` scaffold. A draft opens in the editor.
import { useState } from 'react';
import type { DraftSummaryView } from '../../../shared/ipc/draft-schemas';
import { navigate } from '../../app/router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { EmptyState, Loading } from '../../components/States';
import { useAddDraftsFolder, useCreateDraft, useDraftList } from './useDrafts';

function ValidationSummary({ validation }: { validation: DraftSummaryView['validation'] }) {
  if (validation.errors === 0)
    return <span className="pill pill-pass">{validation.warnings ? `valid · ${validation.warnings} warnings` : 'valid'}</span>;
  const first = validation.first;
  return (
    <span className="draft-invalid">
      <span className="pill pill-fail">{validation.errors === 1 ? '1 error' : `${validation.errors} errors`}</span>{' '}
      {first && <span className="muted">{first.message}</span>}
    </span>
  );
}

function NewDraftForm() {
  const create = useCreateDraft();
  const [name, setName] = useState('');
  const [version, setVersion] = useState('0.1.0');
  return (
    <form
      className="new-draft"
      aria-label="New draft"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: name.trim(), version: version.trim() });
      }}
    >
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="technical-summarizer" required spellCheck={false} />
      </label>
      <label className="field">
        Version
        <input value={version} onChange={(e) => setVersion(e.target.value)} required spellCheck={false} className="mono" />
      </label>
      <button type="submit" className="primary" disabled={create.isPending || name.trim() === ''}>
        New draft…
      </button>
      {create.isError && <ErrorPanel error={create.error} title="The draft could not be made" />}
    </form>
  );
}

export function DraftsPage() {
  const list = useDraftList();
  const addFolder = useAddDraftsFolder();
  return (
    <div className="drafts-page">
      <header className="page-header compare-header">
        <div>
          <h1>Drafts</h1>
          <p className="description">Modules you are writing. They are saved as you type and published when ready.</p>
        </div>
        <button type="button" onClick={() => addFolder.mutate()} disabled={addFolder.isPending} title="Module folders you keep elsewhere, listed here as drafts">
          Add a drafts folder…
        </button>
      </header>
      {addFolder.isError && <ErrorPanel error={addFolder.error} title="That folder could not be added" />}
      <NewDraftForm />
      {list.isPending ? (
        <Loading label="Reading the drafts…" />
      ) : list.isError ? (
        <ErrorPanel error={list.error} title="The drafts could not be read" />
      ) : list.data.length === 0 ? (
        <EmptyState title="No drafts yet">
          <p className="muted">Make one above, or open a module and choose “New version of”.</p>
        </EmptyState>
      ) : (
        <ul className="draft-list" aria-label="Drafts">
          {list.data.map((draft) => (
            <li key={draft.path} aria-label={`${draft.name ?? '?'}@${draft.version ?? '?'}`}>
              <button type="button" className="draft-row" onClick={() => navigate({ page: 'draft', path: draft.path })}>
                <span className="draft-name">{draft.name ?? 'unnamed'}</span> <span className="mono">{draft.version ?? '?'}</span>
                {draft.basedOn && <span className="muted"> · based on {`${draft.basedOn.name}@${draft.basedOn.version}`}</span>}
              </button>
              <ValidationSummary validation={draft.validation} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
