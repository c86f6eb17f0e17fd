// One draft file's editor with its save state, the choice after a change on disk, and the offer to restore
// text an earlier session left unsaved.
import type { Extension } from '@codemirror/state';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';
import { CodeEditor } from './CodeEditor';
import type { DiagnosticView } from './problems';
import type { DraftFileState, SaveState } from './useDraftFile';

const STATE_TEXT: Record<SaveState, string> = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', conflict: 'Changed on disk', failed: 'Not saved' };

interface Props {
  title: string;
  file: DraftFileState;
  extensions: () => Extension[];
  problems: DiagnosticView[];
}

export function FileEditor({ title, file, extensions, problems }: Props) {
  if (file.loadError) return <ErrorPanel error={file.loadError} title={`${title} could not be read`} />;
  if (!file.loaded) return <Loading label={`Reading ${title}…`} />;
  return (
    <section className="file-editor" aria-label={title}>
      <header className="file-editor-head">
        <h2 className="mono">{title}</h2>
        <span className={`save-state save-state-${file.state}`} role="status" aria-label={`${title} save state`}>
          {STATE_TEXT[file.state]}
        </span>
      </header>
      {file.recovered && (
        <div className="notice" role="alert" aria-label={`Unsaved changes of ${title}`}>
          {title} has changes from an earlier session that were never saved.{' '}
          <button type="button" onClick={file.restore}>
            Restore them
          </button>{' '}
          <button type="button" onClick={file.discardRecovered}>
            Discard
          </button>
        </div>
      )}
      {file.state === 'conflict' && (
        <div className="notice notice-danger" role="alert" aria-label={`${title} changed on disk`}>
          {title} changed on disk since it was opened. Your text is kept here and journaled until you choose.{' '}
          <button type="button" onClick={file.reloadFromDisk}>
            Reload from disk
          </button>{' '}
          <button type="button" onClick={file.keepMine}>
            Keep mine
          </button>
        </div>
      )}
      {file.state === 'failed' && file.saveError && <ErrorPanel error={file.saveError} title={`${title} could not be saved`} />}
      <CodeEditor key={file.generation} initial={file.text} extensions={extensions} onChange={file.edit} problems={problems} />
    </section>
  );
}
