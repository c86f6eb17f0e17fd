// The title bar: which registry is open, opening another (dialog or recent list), and About.
import { useState } from 'react';
import { useCurrentRegistry, type useOpenRegistry } from '../api/queries';
import { ErrorPanel } from '../components/ErrorPanel';
import { AboutDialog } from './AboutDialog';
import { RecentMenu } from './RecentMenu';
import { navigate } from './router';

function folderName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

export function Header({ openRegistry }: { openRegistry: ReturnType<typeof useOpenRegistry> }) {
  const current = useCurrentRegistry();
  const [about, setAbout] = useState(false);
  const path = current.data?.path;
  const open = (target?: string) =>
    openRegistry.mutate(target, { onSuccess: (info) => info && navigate({ page: 'home' }) });

  return (
    <>
      <header className="app-header">
        <button type="button" className="brand" onClick={() => navigate({ page: 'home' })} title="Registry overview">
          PromptPM
        </button>
        <div className="registry-path" title={path}>
          {path ? (
            <>
              <span className="registry-name">{folderName(path)}</span>
              {current.data?.isDefault && <span className="pill pill-idle">default</span>}
              <span className="mono muted registry-full" data-testid="registry-path">
                {path}
              </span>
            </>
          ) : (
            <span className="muted">{current.isError ? 'No registry open' : 'Opening registry…'}</span>
          )}
        </div>
        <div className="header-actions">
          <button type="button" onClick={() => open()} disabled={openRegistry.isPending} title="Open registry… (Ctrl+O)">
            Open registry…
          </button>
          <RecentMenu current={path} onOpen={open} />
          <button type="button" onClick={() => navigate({ page: 'drafts' })}>
            Drafts
          </button>
          <button type="button" onClick={() => navigate({ page: 'remotes' })}>
            Remotes
          </button>
          <button type="button" onClick={() => setAbout(true)} aria-label="About PromptPM">
            About
          </button>
        </div>
      </header>
      {openRegistry.isError && (
        <div className="banner">
          <ErrorPanel error={openRegistry.error} title="That registry could not be opened">
            <button type="button" onClick={() => openRegistry.reset()}>
              Dismiss
            </button>
          </ErrorPanel>
        </div>
      )}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </>
  );
}
