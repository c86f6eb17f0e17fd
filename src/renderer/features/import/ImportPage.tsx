// The import preview: every module found in the dropped or chosen folders and what publishing it would do,
// then one action that publishes the selected good ones and a summary of what happened to each.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useOpenRegistry } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { EmptyState } from '../../components/States';
import { importModules } from './actions';
import { addImportPaths, clearImportPaths, removeImportPath, takeNewModuleRequest, useImportPaths } from './import-paths';
import { NewModuleDialog } from './NewModuleDialog';
import { PreviewRow } from './PreviewRow';
import { PublishSummary } from './PublishSummary';
import { useImportPreview, usePublishBatch } from './useImport';
import { MAX_IMPORT_PATHS, type ImportPreviewView } from '../../../shared/ipc/import-schemas';

const reveal = (path: string) => void call('shell.reveal', path).catch(() => undefined);

function Problems({ preview }: { preview: ImportPreviewView }) {
  const openRegistry = useOpenRegistry();
  if (preview.problems.length === 0) return null;
  return (
    <>
    {openRegistry.isError && <ErrorPanel error={openRegistry.error} title="The registry could not be opened" />}
    <ul className="import-problems" aria-label="Folders not imported">
      {preview.problems.map((p) => (
        <li key={`${p.code}:${p.path}`} className="notice notice-warn" data-code={p.code}>
          <strong>{p.message}</strong> <span className="muted">{p.hint}</span>{' '}
          {p.code === 'REGISTRY_FOLDER' && (
            <button type="button" onClick={() => openRegistry.mutate(p.path)}>
              Open this registry
            </button>
          )}
          <button type="button" className="link-button" onClick={() => removeImportPath(p.path)}>
            Remove from the list
          </button>
        </li>
      ))}
    </ul>
    </>
  );
}

function Preview({ paths }: { paths: readonly string[] }) {
  const { query, progress } = useImportPreview(paths);
  const publish = usePublishBatch();
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  if (query.isPending) return <ProgressBar progress={progress} label="Checking the modules" />;
  if (query.isError) return <ErrorPanel error={query.error} title="The folders could not be checked" />;
  const preview = query.data;
  const ready = preview.rows.filter((r) => r.status === 'ready');
  const selected = ready.filter((r) => !excluded.has(r.path)).map((r) => r.path);
  const toggle = (path: string, on: boolean) => setExcluded((prev) => new Set([...prev].filter((p) => p !== path).concat(on ? [] : [path])));
  return (
    <>
      <Problems preview={preview} />
      <div className="import-toolbar">
        <span className="muted">
          {preview.rows.length} {preview.rows.length === 1 ? 'module' : 'modules'} found, {ready.length} ready to publish
          {query.isFetching && ' · checking again…'}
        </span>
        {publish.mutation.isPending ? (
          <button type="button" onClick={publish.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" disabled={selected.length === 0} onClick={() => publish.mutation.mutate(selected)}>
            Publish {selected.length} selected
          </button>
        )}
      </div>
      {publish.mutation.isPending && <ProgressBar progress={publish.progress} label="Publishing" />}
      {publish.mutation.isError && <ErrorPanel error={publish.mutation.error} title="Publishing stopped" />}
      {publish.mutation.data && <PublishSummary result={publish.mutation.data} />}
      <ul className="import-rows" aria-label="Modules to import">
        {preview.rows.map((row) => (
          <PreviewRow key={row.path} row={row} selected={selected.includes(row.path)} onToggle={(on) => toggle(row.path, on)} onReveal={() => reveal(row.path)} />
        ))}
      </ul>
    </>
  );
}

export function ImportPage() {
  const paths = useImportPaths();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  // The menu or a shortcut may have asked for the New Module dialog before this page showed.
  useEffect(() => {
    if (takeNewModuleRequest()) setCreating(true);
  });
  return (
    <div className="import-view">
      <header className="page-header compare-header">
        <div>
          <h1>Import modules</h1>
          <p className="muted">Drop module folders anywhere on the window, or a folder that holds several. Nothing is written until you publish.</p>
        </div>
        <div className="compare-actions">
          <button type="button" onClick={importModules}>
            Choose folders…
          </button>
          <button type="button" onClick={() => setCreating(true)}>
            New module…
          </button>
          {paths.length > 0 && (
            <button type="button" onClick={clearImportPaths}>
              Clear
            </button>
          )}
        </div>
      </header>
      {created && (
        <p className="notice notice-ok" role="status">
          Created <span className="mono">{created}</span>. Edit it in any editor: it is checked again when you come back to this window.{' '}
          <button type="button" onClick={() => reveal(created)}>
            Show in file manager
          </button>
        </p>
      )}
      {paths.length === 0 ? (
        <EmptyState title="Nothing to import yet">
          <p>Drop module folders on this window, choose them with “Choose folders…”, or start a new module.</p>
        </EmptyState>
      ) : paths.length > MAX_IMPORT_PATHS ? (
        <p className="notice notice-warn" role="alert">
          {paths.length.toLocaleString()} folders were dropped: at most {MAX_IMPORT_PATHS.toLocaleString()} can be checked at once. Drop the
          folder that holds them instead (modules inside are found), or fewer at a time. Nothing was read.
        </p>
      ) : (
        <Preview paths={paths} />
      )}
      {creating && (
        <NewModuleDialog
          onCreated={(path) => {
            setCreated(path);
            addImportPaths([path]);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
