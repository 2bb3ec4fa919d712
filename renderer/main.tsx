import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
// In this order: each area's rules may override the ones before, as in one file.
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/posts.css';
import './styles/publishing.css';
import './styles/profile.css';
import './styles/switcher.css';
import './styles/settings.css';
import './styles/dialogs.css';
import './styles/search.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // IPC to a local file either works or fails for a reason a retry will not fix.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
