import { useTranslation } from '../i18n/index';

/** What a form that may sit in a dialog is given: `onCancel` there, where mouse users need a way out besides Escape. */
export interface CancellableForm {
  onCancel?: () => void;
}

/** The end of a dialog form: its form-level error, then Cancel (when it can be cancelled) and submit. */
export function FormFooter(props: {
  error: string | undefined;
  onCancel: (() => void) | undefined;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  const { error, onCancel, pending, label, pendingLabel } = props;
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
        )}
        <button type="submit" disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      </div>
    </>
  );
}
