import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useSaveDraft } from '../api/drafts';
import { i18n } from '../i18n/index';

/** How long typing must pause before the draft is written to the database. */
export const DRAFT_DEBOUNCE_MS = 400;

/** Writes the draft after a pause in typing, and at once on blur, hide and unload. */
export function useDraftSaver(userId: number) {
  const pending = useRef<{ body: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saveDraft = useSaveDraft(userId);

  const write = useCallback(
    (body: string) => {
      saveDraft(body).then(
        () => setSaveError(null),
        (error: unknown) => setSaveError(i18n.t('composer.draftNotSaved', { reason: errorMessage(error) })),
      );
    },
    [saveDraft],
  );

  const flush = useCallback(() => {
    const current = pending.current;
    if (!current) return;
    clearTimeout(current.timer);
    pending.current = null;
    write(current.body);
  }, [write]);

  const schedule = useCallback(
    (body: string) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { body, timer: setTimeout(flush, DRAFT_DEBOUNCE_MS) };
    },
    [flush],
  );

  /** Drops an unsent save: the post that just went out already cleared the draft in main. */
  const cancel = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [flush]);

  return { schedule, flush, cancel, saveError };
}
