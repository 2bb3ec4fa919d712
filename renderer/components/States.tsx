import { errorMessage } from '../api/client';
import { useTranslation } from '../i18n/index';

/** A quiet loading line, announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state loading" role="status">
      {label ?? t('states.loading')}
    </p>
  );
}

/** What an empty list says instead of showing nothing. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** A failed load: the reason in words and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('states.tryAgain')}
        </button>
      )}
    </div>
  );
}
