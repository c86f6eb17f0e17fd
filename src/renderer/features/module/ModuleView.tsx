// One module: its versions on the left; for the selected version a header with its state, a warning
// with the differing files when it is tampered, and the tabs.
import type { VersionDetail } from '../../../shared/ipc/schemas';
import { useVersionDetail, type VersionRef } from '../../api/queries';
import { navigate, type ModuleTab } from '../../app/router';
import { toAppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';
import { VerificationBadge } from '../../components/VerificationBadge';
import { DragOut } from '../drafts/DragOut';
import { ExportVersionButton } from '../drafts/ExportVersionButton';
import { NewVersionButton } from '../drafts/NewVersionButton';
import { PackageLookup } from '../registry/PackageLookup';
import { DependenciesView } from '../resolve/DependenciesView';
import { FileChanges } from '../verify/FileChanges';
import { INVALID_REASON, InvalidVersion } from './InvalidVersion';
import { ModuleTabs } from './ModuleTabs';
import { OverviewTab } from './OverviewTab';
import { TemplateView } from './TemplateView';
import { TestsTab } from './TestsTab';
import { VersionList } from './VersionList';

function TabPanel({ tab, detail, versionRef }: { tab: ModuleTab; detail: VersionDetail; versionRef: VersionRef }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab detail={detail} />;
    case 'template':
      return <TemplateView text={detail.template.text} path={detail.template.path} placeholders={detail.template.placeholders} />;
    case 'tests':
      return <TestsTab detail={detail} testRef={versionRef} />;
    case 'dependencies':
      return <DependenciesView detail={detail} versionRef={versionRef} />;
  }
}

function TamperedNotice({ detail }: { detail: VersionDetail }) {
  if (detail.verification !== 'tampered' && detail.verification !== 'unreadable') return null;
  return (
    <div className="notice notice-danger" role="alert">
      <strong>
        {detail.verification === 'tampered'
          ? 'This version was modified after it was published.'
          : 'This version’s immutability manifest is missing or unreadable.'}
      </strong>{' '}
      Do not install it; publish a new version instead.
      <FileChanges lists={detail.integrity} />
    </div>
  );
}

/** `previous` is the version just before this one, which "Compare" starts from (any pair can be picked there). */
function VersionPane({ versionRef, tab, previous }: { versionRef: VersionRef; tab: ModuleTab; previous: string | null }) {
  const detail = useVersionDetail(versionRef);
  if (detail.isPending) return <Loading label={`Reading and verifying ${versionRef.name}@${versionRef.version}…`} />;
  if (detail.isError && toAppError(detail.error).info.reason === INVALID_REASON) return <InvalidVersion versionRef={versionRef} error={detail.error} />;
  if (detail.isError)
    return (
      <ErrorPanel error={detail.error} title={`${versionRef.name}@${versionRef.version} could not be read`}>
        <button type="button" onClick={() => void detail.refetch()}>
          Try again
        </button>
      </ErrorPanel>
    );
  const data = detail.data;
  const select = (next: ModuleTab) => navigate({ page: 'module', name: versionRef.name, version: versionRef.version, tab: next });
  return (
    <div className="version-pane">
      <header className="page-header">
        <div className="title-line">
          <h1>{data.name}</h1>
          <span className="title-version mono">{data.version}</span>
          <VerificationBadge state={data.verification} />
          {previous !== null && (
            <button type="button" className="title-action" onClick={() => navigate({ page: 'compare', name: data.name, a: previous, b: data.version })}>
              Compare with {previous}
            </button>
          )}
          <NewVersionButton name={data.name} version={data.version} />
          <ExportVersionButton name={data.name} version={data.version} />
          <DragOut what={{ name: data.name, version: data.version }} label={`${data.name}@${data.version}`} />
        </div>
        <p className="description">{data.metadata.description}</p>
      </header>
      <TamperedNotice detail={data} />
      <ModuleTabs
        tab={tab}
        counts={{ tests: data.tests.length, dependencies: data.dependencies.length }}
        onChange={select}
      />
      <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        <TabPanel tab={tab} detail={data} versionRef={versionRef} />
      </div>
    </div>
  );
}

export function ModuleView({ name, version, tab }: { name: string; version: string | null; tab: ModuleTab }) {
  return (
    <PackageLookup name={name}>
      {(row) => {
        const selected = version && row.versions.some((v) => v.version === version) ? version : row.latest;
        const at = row.versions.findIndex((v) => v.version === selected);
        return (
          <div className="module-view">
            <VersionList
              versions={row.versions}
              latest={row.latest}
              selected={selected}
              onSelect={(v) => navigate({ page: 'module', name, version: v, tab })}
              onCompare={(a, b) => navigate({ page: 'compare', name, a, b })}
            />
            <VersionPane key={`${name}@${selected}`} versionRef={{ name, version: selected }} tab={tab} previous={at > 0 ? row.versions[at - 1]!.version : null} />
          </div>
        );
      }}
    </PackageLookup>
  );
}
