// The draft editor: manifest and template side by side with live validation (main validates the unsaved
// texts when typing pauses; problems are marked inline and listed), the render preview, and for a new
// version of a published one, the next honest version. Loaded lazily with CodeMirror: only when a draft opens.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { ChannelResult } from '../../../shared/ipc/contract';
import type { DraftSummaryView } from '../../../shared/ipc/draft-schemas';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { manifestExtensions, templateExtensions } from './editor-extensions';
import { FileEditor } from './FileEditor';
import { DetailsForm } from './DetailsForm';
import { InputsForm } from './InputsForm';
import { manifestFacts } from './manifest-facts';
import { DraftTests } from './DraftTests';
import { NextVersion } from './NextVersion';
import { PreviewPanel } from './PreviewPanel';
import { problemsOf, where, type DiagnosticView } from './problems';
import { useDebounced } from './useDebounced';
import { useDraftFile, type DraftFileState } from './useDraftFile';

const MANIFEST = 'promptpm.yaml';
const VALIDATE_MS = 300;

function ProblemsList({ problems }: { problems: DiagnosticView[] }) {
  return (
    <section className="draft-problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        Problems <span className="count">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="muted">None: the draft validates.</p>
      ) : (
        <ul aria-label="Problems">
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`}>
              <span className="mono">{where(p)}</span> {p.message} <span className="muted">{p.hint}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useLiveValidation(draft: string, manifest: DraftFileState, template: DraftFileState) {
  const asked = useDebounced({ draft, manifestText: manifest.text, templateText: template.text }, VALIDATE_MS);
  return useQuery<ChannelResult<'drafts.validate'>, AppError>({
    queryKey: ['drafts.validate', asked],
    queryFn: () => call('drafts.validate', asked),
    enabled: manifest.loaded && template.loaded,
    placeholderData: keepPreviousData,
  });
}

function Editors({ summary, templatePath }: { summary: DraftSummaryView; templatePath: string }) {
  const draft = summary.path;
  const manifest = useDraftFile(draft, MANIFEST);
  const template = useDraftFile(draft, templatePath);
  const validation = useLiveValidation(draft, manifest, template);
  // Marks are set again only when validation answers, not on every key.
  const problems = useMemo(() => problemsOf(validation.data, draft), [validation.data, draft]);
  const inManifest = useMemo(() => problems.filter((p) => p.file === MANIFEST || p.file === null), [problems]);
  const inTemplate = useMemo(() => problems.filter((p) => p.file === templatePath), [problems, templatePath]);
  const facts = manifestFacts(manifest.text);
  const inputs = facts.inputs;
  // Asked by the completion when it opens: the inputs declared at that moment.
  const declared = useRef(inputs);
  declared.current = inputs;
  const lastSaved = useRef('');
  if (manifest.state === 'saved') lastSaved.current = manifest.text;
  return (
    <div className="draft-workspace">
      <div className="draft-editors">
        <FileEditor title={MANIFEST} file={manifest} extensions={() => manifestExtensions(`${MANIFEST} editor`)} problems={inManifest} />
        <FileEditor
          title={templatePath}
          file={template}
          extensions={() => templateExtensions(`${templatePath} editor`, () => declared.current)}
          problems={inTemplate}
        />
      </div>
      {manifest.loaded && <InputsForm text={manifest.text} facts={facts} onEdited={manifest.replace} />}
      {manifest.loaded && <DetailsForm text={manifest.text} onEdited={manifest.replace} />}
      {validation.isError ? <ErrorPanel error={validation.error} title="The draft could not be validated" /> : <ProblemsList problems={problems} />}
      {template.loaded && <PreviewPanel draft={draft} inputs={inputs} templateText={template.text} />}
      <DraftTests draft={draft} />
      {summary.basedOn && manifest.loaded && <NextVersion draft={draft} saved={lastSaved.current} />}
    </div>
  );
}

export function DraftWorkspace({ summary }: { summary: DraftSummaryView }) {
  const manifest = useQuery<ChannelResult<'drafts.read'>, AppError>({
    queryKey: ['drafts.read', { draft: summary.path, file: MANIFEST }],
    queryFn: () => call('drafts.read', { draft: summary.path, file: MANIFEST }),
    staleTime: Infinity,
  });
  if (manifest.isPending) return null;
  // The template's file as the manifest names it when the draft opens.
  const templatePath = manifest.isError ? 'template.prompt' : manifestFacts(manifest.data.text).template;
  return <Editors summary={summary} templatePath={templatePath} />;
}
