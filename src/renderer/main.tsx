import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/diff.css';
import './styles/import.css';
import './styles/remotes.css';
import './styles/drafts.css';

// Failures carry a typed error the user acts on (a hint, a location); retrying them blindly only delays it.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="PromptPM">
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
