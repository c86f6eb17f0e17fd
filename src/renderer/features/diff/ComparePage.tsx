// Two versions of one module compared: the verdict on the version number and the contract changes first
// (what callers care about), then every changed file, side by side or inline.
import type { VersionDiffView } from '../../../shared/ipc/diff-schemas';
import { useVersionDiff, type DiffRef } from '../../api/queries';
import { navigate } from '../../app/router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';
import { PackageLookup } from '../registry/PackageLookup';
import { ContractChanges } from './ContractChanges';
import { FileDiff, fileAnchor } from './FileDiff';
import { useDiffLayout } from './layout-preference';
import type { DiffLayout } from './TextDiff';
import { VerdictBanner } from './VerdictBanner';
import { VersionPickers } from './VersionPickers';

/** Files shown open at first; past this many, each opens on demand so a large comparison stays quick. */
const OPEN_FILES = 12;

function LayoutToggle({ layout, onChange }: { layout: DiffLayout; onChange: (next: DiffLayout) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Diff layout">
      {(['side-by-side', 'inline'] as const).map((option) => (
        <button key={option} type="button" role="radio" aria-checked={layout === option} onClick={() => onChange(option)}>
          {option === 'side-by-side' ? 'Side by side' : 'Inline'}
        </button>
      ))}
    </div>
  );
}

function FileStat({ files }: { files: VersionDiffView['files'] }) {
  const widest = Math.max(1, ...files.changes.map((f) => f.insertions + f.deletions));
  return (
    <table className="file-stat" aria-label="Changed files">
      <tbody>
        {files.changes.map((f) => (
          <tr key={f.path}>
            <td>
              <button type="button" className="link-button mono" onClick={() => document.getElementById(fileAnchor(f.path))?.scrollIntoView()}>
                {f.from !== null ? `${f.from} → ${f.path}` : f.path}
              </button>
            </td>
            <td className="mono num">{f.content === 'text' || f.content === 'too-costly' ? f.insertions + f.deletions : f.content}</td>
            <td className="stat-bar" aria-hidden="true">
              <span className="ins" style={{ width: `${(f.insertions / widest) * 100}%` }} />
              <span className="del" style={{ width: `${(f.deletions / widest) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="muted">
            {files.changes.length} {files.changes.length === 1 ? 'file' : 'files'} changed, {files.insertions} insertions(+), {files.deletions} deletions(−),{' '}
            {files.unchanged} unchanged
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function Comparison({ diffRef }: { diffRef: DiffRef }) {
  const diff = useVersionDiff(diffRef);
  const [layout, setLayout] = useDiffLayout();
  if (diff.isPending) return <Loading label={`Verifying and comparing ${diffRef.name} ${diffRef.a} and ${diffRef.b}…`} />;
  if (diff.isError) return <ErrorPanel error={diff.error} title={`${diffRef.name} ${diffRef.a} and ${diffRef.b} could not be compared`} />;
  const { verdict, contract, files } = diff.data;
  return (
    <>
      <VerdictBanner verdict={verdict} />
      <ContractChanges contract={contract} needing={verdict.needing} />
      <section className="files" aria-labelledby="files-title">
        <div className="files-toolbar">
          <h2 id="files-title">Files</h2>
          <span className="muted keys-hint">
            In a file: <kbd>n</kbd> next change, <kbd>p</kbd> previous
          </span>
          <LayoutToggle layout={layout} onChange={setLayout} />
        </div>
        {files.changes.length === 0 ? (
          <p className="muted">No file changed.</p>
        ) : (
          <>
            <FileStat files={files} />
            {files.changes.map((file, i) => (
              <FileDiff key={file.path} diffRef={diffRef} file={file} layout={layout} initiallyOpen={i < OPEN_FILES} />
            ))}
          </>
        )}
      </section>
    </>
  );
}

export function ComparePage({ name, a, b }: DiffRef) {
  return (
    <PackageLookup name={name}>
      {(row) => (
        <div className="compare-view">
          <header className="page-header compare-header">
            <div className="title-line">
              <h1>{name}</h1>
              <span className="title-version mono">
                {a} → {b}
              </span>
            </div>
            <div className="compare-actions">
              <VersionPickers name={name} versions={row.versions} a={a} b={b} />
              <button type="button" onClick={() => navigate({ page: 'module', name, version: b, tab: 'overview' })}>
                Open {b}
              </button>
            </div>
          </header>
          <Comparison key={`${a}..${b}`} diffRef={{ name, a, b }} />
        </div>
      )}
    </PackageLookup>
  );
}
