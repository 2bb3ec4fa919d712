import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BODY_MAX, bodyProblem, countGraphemes, isBlank, type Post } from '../../electron/ipc/contract';
import { errorMessage, localize } from '../api/client';
import { useTranslation } from '../i18n/index';
import { useEditPost } from '../api/post-edits';
import { useDeleteAndPostAgain } from '../api/repost';
import { CharacterCounter, OverLimitPreview } from './CharacterCounter';
import { ConfirmDialog } from './Dialog';

interface Props {
  post: Post;
  username: string;
  /** The post has a published copy, which an edit does not change. */
  published?: boolean;
  onDone: () => void;
}

/** The post's text in a box to correct it: the composer's rules, counter and sentences. */
export function EditPostForm({ post, username, published = false, onDone }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(post.body);
  const [error, setError] = useState<string | null>(null);
  const edit = useEditPost({ userId: post.userId, username }, post.id);
  const repost = useDeleteAndPostAgain({ userId: post.userId, username }, post.id);
  const [confirming, setConfirming] = useState(false);
  // Set before the dialog closes: the button that opened it goes with the old post.
  const reposted = useRef(false);
  const id = useId();
  const over = countGraphemes(text) > BODY_MAX;
  const busy = edit.isPending || repost.isPending;

  const save = () => {
    if (busy) return;
    const problem = bodyProblem(text);
    if (problem) return setError(localize(problem.message));
    edit.mutate(text, { onSuccess: onDone, onError: (failure) => setError(errorMessage(failure)) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
    if (event.key === 'Escape') onDone();
  };
  // Asked only once the text passes the composer's rules: the confirm must not end in an error.
  const askToRepost = () => {
    const problem = bodyProblem(text);
    if (problem) return setError(localize(problem.message));
    setConfirming(true);
  };
  const doRepost = () =>
    repost.mutate(text, {
      // The post and this form go away; the new post is on top of the feed.
      onSuccess: () => {
        reposted.current = true;
        setConfirming(false);
      },
    });

  return (
    <form
      className={over ? 'composer edit-post over' : 'composer edit-post'}
      onSubmit={onSubmit}
      aria-label={t('editPost.label')}
    >
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t('editPost.text')}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={text}
        // Opened on purpose from the post's Edit button: the box takes the focus.
        autoFocus
        aria-invalid={over || Boolean(error) || undefined}
        aria-describedby={published ? `${id}-published ${id} ${id}-error` : `${id} ${id}-error`}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <OverLimitPreview text={text} />
      {published && (
        <p id={`${id}-published`} className="edit-published-notice">
          {t('editPublished.notice')}
        </p>
      )}
      <div className="composer-bar">
        <div id={`${id}-error`} className="composer-messages">
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <CharacterCounter text={text} id={id} />
        <button type="button" className="secondary" onClick={onDone}>
          {t('dialog.cancel')}
        </button>
        {published && (
          <button
            type="button"
            className="secondary"
            disabled={isBlank(text) || over || busy}
            onClick={askToRepost}
          >
            {t('editPublished.repost')}
          </button>
        )}
        <button type="submit" disabled={isBlank(text) || over || busy}>
          {edit.isPending ? t('editProfile.saving') : t('backups.save')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('editPublished.confirmTitle')}
          message={t('editPublished.confirmMessage')}
          confirmLabel={t('editPublished.confirm')}
          pendingLabel={t('editPublished.working')}
          pending={repost.isPending}
          openerGone={() => reposted.current}
          error={repost.error ? errorMessage(repost.error) : undefined}
          onCancel={() => setConfirming(false)}
          onConfirm={doRepost}
        />
      )}
    </form>
  );
}
