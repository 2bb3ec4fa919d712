import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useRestorePost } from '../api/post-edits';
import { dismissUndo, useUndoOffer, type UndoOffer } from './undo-toast';
import { useTranslation } from '../i18n/index';

/** "Post deleted · Undo" for a few seconds after a delete; Undo puts the same post back. */
export function UndoToast() {
  const offer = useUndoOffer();
  if (!offer) return null;
  return <UndoToastFor key={offer.postId} offer={offer} />;
}

function UndoToastFor({ offer }: { offer: UndoOffer }) {
  const { t } = useTranslation();
  const restore = useRestorePost({ userId: offer.userId, username: offer.username });
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="toast" role="status">
      <span>{error ?? t('undo.deleted')}</span>
      <span aria-hidden="true">·</span>
      <button
        type="button"
        className="link"
        disabled={restore.isPending}
        onClick={() =>
          restore.mutate(offer.postId, {
            onSuccess: dismissUndo,
            onError: (failure) => setError(errorMessage(failure)),
          })
        }
      >
        {t('undo.undo')}
      </button>
    </div>
  );
}
