import { errorMessage } from '../api/client';

/** A quiet loading line, announced to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state loading" role="status">
      {label}
    </p>
  );
}

/** What an empty list says instead of showing nothing. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** A failed load: the reason in words and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
