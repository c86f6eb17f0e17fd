// One changed file of a comparison: its header (status, path, +/−), then both texts in the diff view,
// or, for content that is not compared as text, what is known of it (sizes and hashes), never its bytes.
import { useCallback, useState } from 'react';
import type { FileChangeView } from '../../../shared/ipc/diff-schemas';
import { useFileTexts, type DiffRef } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';
import { TextDiff, type DiffLayout } from './TextDiff';

const STATUS_LABEL: Record<FileChangeView['status'], string> = { added: 'added', removed: 'removed', changed: 'changed', renamed: 'renamed' };

const NOT_TEXT: Record<Exclude<FileChangeView['content'], 'text' | 'too-costly'>, string> = {
  binary: 'Binary file: not shown.',
  'non-utf8': 'Not UTF-8 text: not shown.',
  'too-large': 'Too large to compare as text: not shown.',
};

const bytes = (n: number | null): string => (n === null ? '—' : n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

export const fileAnchor = (path: string): string => `file-${encodeURIComponent(path)}`;

function Facts({ file }: { file: FileChangeView }) {
  return (
    <dl className="file-facts">
      <dt>Before</dt>
      <dd className="mono">{file.oldSha256 === null ? 'absent' : `${bytes(file.oldSize)} · sha256 ${file.oldSha256.slice(0, 12)}…`}</dd>
      <dt>After</dt>
      <dd className="mono">{file.newSha256 === null ? 'absent' : `${bytes(file.newSize)} · sha256 ${file.newSha256.slice(0, 12)}…`}</dd>
    </dl>
  );
}

function Texts({ diffRef, file, layout, onStep }: { diffRef: DiffRef; file: FileChangeView; layout: DiffLayout; onStep: (i: number, n: number) => void }) {
  const texts = useFileTexts(diffRef, file.path, file.from, true);
  if (texts.isPending) return <Loading label={`Reading ${file.path}…`} />;
  if (texts.isError) return <ErrorPanel error={texts.error} title={`${file.path} could not be read`} />;
  return (
    <TextDiff
      before={texts.data.before ?? ''}
      after={texts.data.after ?? ''}
      hunks={file.hunks}
      layout={layout}
      beforeLabel={`${file.from ?? file.path} in ${diffRef.a}`}
      afterLabel={`${file.path} in ${diffRef.b}`}
      onStep={onStep}
    />
  );
}

export function FileDiff({ diffRef, file, layout, initiallyOpen }: { diffRef: DiffRef; file: FileChangeView; layout: DiffLayout; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [step, setStep] = useState<{ index: number; total: number } | null>(null);
  const onStep = useCallback((index: number, total: number) => setStep({ index, total }), []);
  return (
    <section className="file-diff" id={fileAnchor(file.path)} data-path={file.path} data-status={file.status} aria-label={`${file.path} (${STATUS_LABEL[file.status]})`}>
      <header className="file-diff-header">
        <button type="button" className="file-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className="visually-hidden">{open ? 'Hide' : 'Show'}</span>
        </button>
        <span className={`file-status file-status-${file.status}`}>{STATUS_LABEL[file.status]}</span>
        <span className="file-path mono">
          {file.from !== null && <span className="muted">{file.from} → </span>}
          {file.path}
        </span>
        <span className="file-counts mono" aria-label={`${file.insertions} lines added, ${file.deletions} removed`}>
          <span className="ins">+{file.insertions}</span> <span className="del">−{file.deletions}</span>
        </span>
        {step && (
          <span className="file-step" role="status">
            Change {step.index} of {step.total}
          </span>
        )}
      </header>
      {open && (
        <div className="file-diff-body">
          {file.status === 'renamed' ? (
            <p className="muted">Moved without a change in content.</p>
          ) : file.content === 'text' || file.content === 'too-costly' ? (
            <>
              {file.content === 'too-costly' && <p className="notice">So many lines changed that the file is shown as replaced as a whole.</p>}
              <Texts diffRef={diffRef} file={file} layout={layout} onStep={onStep} />
            </>
          ) : (
            <>
              <p className="muted">{NOT_TEXT[file.content]}</p>
              <Facts file={file} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
