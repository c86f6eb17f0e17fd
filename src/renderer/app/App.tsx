// The window: title bar, the registry browser on the left, the selected page on the right. Each pane has
// its own error boundary, so a failing view never takes the window down.
import { useCallback } from 'react';
import { useOpenRegistry, useRegistryChanges } from '../api/queries';
import { ComparePage } from '../features/diff/ComparePage';
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
  useShortcuts({ searchId: SEARCH_INPUT_ID, openRegistry: useCallback(() => mutate(undefined), [mutate]) });

  return (
    <div className="app">
      <Header openRegistry={openRegistry} />
      <div className="panes">
        <ErrorBoundary area="The module list">
          <RegistryBrowser />
        </ErrorBoundary>
        <main className="content">
          <ErrorBoundary area="This view" key={route.page === 'home' ? 'home' : `${route.page}:${route.name}`}>
            {route.page === 'module' ? (
              <ModuleView name={route.name} version={route.version} tab={route.tab} />
            ) : route.page === 'compare' ? (
              <ComparePage name={route.name} a={route.a} b={route.b} />
            ) : (
              <RegistryHome />
            )}
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
