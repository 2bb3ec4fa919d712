import { Component, type ErrorInfo, type ReactNode } from 'react';

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
        <h1>Something went wrong on this screen</h1>
        <p>Your posts and drafts are safe in the database. {error.message}</p>
        <div className="actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
