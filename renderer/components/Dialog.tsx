import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/index';

interface DialogProps {
  title: string;
  onClose: () => void;
  /**
   * Asked as the dialog closes: true when its opener is going away (a deleted post's button may
   * still be on screen until the list refetches), so focus goes to the main region instead.
   */
  openerGone?: () => boolean;
  children: ReactNode;
}

/**
 * A real modal `<dialog>`: focus is trapped by the browser and Escape closes it. Mount it to open
 * it; unmounting it gives focus back to what had it before, as a native dialog would.
 */
export function Dialog({ title, onClose, openerGone, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const openerGoneRef = useRef(openerGone);
  useEffect(() => {
    openerGoneRef.current = openerGone;
  }, [openerGone]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const opener = document.activeElement;
    // jsdom has no showModal; the attribute alone still shows the content there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      // React removes the element before this runs, so the browser cannot restore focus itself.
      // When the opener went with what the dialog did (a deleted post's button), the page's
      // main region takes focus rather than the document body.
      const back = opener instanceof HTMLElement && opener.isConnected && !openerGoneRef.current?.();
      if (back) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  openerGone?: () => boolean;
  message: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while it works ("Deleting…" unless told). */
  pendingLabel?: string;
  pending?: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone; the destructive button is clearly marked. */
export function ConfirmDialog(props: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      {...(props.openerGone && { openerGone: props.openerGone })}
    >
      <p>{props.message}</p>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onCancel} autoFocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} disabled={props.pending}>
          {props.pending ? (props.pendingLabel ?? t('dialog.deleting')) : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
