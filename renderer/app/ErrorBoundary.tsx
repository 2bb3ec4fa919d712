import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n/index';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches a render error so the window shows a readable message instead of going blank. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for bug reports; the user sees the sentence below.
    console.error('Microblog render error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        {/* A class component has no hooks; the boundary re-renders when it catches, so t() is current. */}
        <h1>{i18n.t('crash.title')}</h1>
        <p>{i18n.t('crash.body', { reason: error.message })}</p>
        <div className="actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            {i18n.t('crash.tryAgain')}
          </button>
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            {i18n.t('crash.reload')}
          </button>
        </div>
      </div>
    );
  }
}
