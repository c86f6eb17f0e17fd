// The window: title bar, the registry browser on the left, the selected page on the right. Each pane has
// its own error boundary, so a failing view never takes the window down.
import { useCallback, useEffect } from 'react';
import { subscribe } from '../api/client';
import { useLiveRefresh } from '../api/live-refresh';
import { useOpenRegistry, useRegistryChanges } from '../api/queries';
import { ComparePage } from '../features/diff/ComparePage';
import { importModules, startNewModule } from '../features/import/actions';
import { DropTarget } from '../features/import/DropTarget';
import { ImportPage } from '../features/import/ImportPage';
import { DraftsPage } from '../features/drafts/DraftsPage';
import { DraftPage } from '../features/drafts/DraftPage';
import { RecoveredEditsNotice } from '../features/drafts/RecoveredEditsNotice';
import { RemotesPage } from '../features/remotes/RemotesPage';
import { ModuleView } from '../features/module/ModuleView';
import { RegistryBrowser, SEARCH_INPUT_ID } from '../features/registry/RegistryBrowser';
import { RegistryHome } from '../features/registry/RegistryHome';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useRoute } from './router';
import { useShortcuts } from './shortcuts';

export function App() {
  const route = useRoute();
  const openRegistry = useOpenRegistry();
  const { mutate } = openRegistry;
  useRegistryChanges();
  useLiveRefresh();
  useShortcuts({
    searchId: SEARCH_INPUT_ID,
    openRegistry: useCallback(() => mutate(undefined), [mutate]),
    importModules,
    newModule: startNewModule,
  });
  // File › Import Modules… and File › New Module… in the native menu.
  useEffect(() => subscribe('command', (command) => (command === 'import' ? importModules() : startNewModule())), []);

  return (
    <div className="app">
      <DropTarget />
      <Header openRegistry={openRegistry} />
      <RecoveredEditsNotice />
      <div className="panes">
        <ErrorBoundary area="The module list">
          <RegistryBrowser />
        </ErrorBoundary>
        <main className="content">
          <ErrorBoundary area="This view" key={route.page === 'draft' ? `draft:${route.path}` : 'name' in route ? `${route.page}:${route.name}` : route.page}>
            {route.page === 'module' ? (
              <ModuleView name={route.name} version={route.version} tab={route.tab} />
            ) : route.page === 'compare' ? (
              <ComparePage name={route.name} a={route.a} b={route.b} />
            ) : route.page === 'import' ? (
              <ImportPage />
            ) : route.page === 'remotes' ? (
              <RemotesPage />
            ) : route.page === 'drafts' ? (
              <DraftsPage />
            ) : route.page === 'draft' ? (
              <DraftPage path={route.path} />
            ) : (
              <RegistryHome />
            )}
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
