import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BODY_MAX, bodyProblem, countGraphemes, isBlank, type Post } from '../../electron/ipc/contract';
import { errorMessage, localize } from '../api/client';
import { useTranslation } from '../i18n/index';
import { useEditPost } from '../api/post-edits';
import { CharacterCounter, OverLimitPreview } from './CharacterCounter';

interface Props {
  post: Post;
  username: string;
  onDone: () => void;
}

/** The post's text in a box to correct it: the composer's rules, counter and sentences. */
export function EditPostForm({ post, username, onDone }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(post.body);
  const [error, setError] = useState<string | null>(null);
  const edit = useEditPost({ userId: post.userId, username }, post.id);
  const id = useId();
  const over = countGraphemes(text) > BODY_MAX;

  const save = () => {
    if (edit.isPending) return;
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
        aria-describedby={`${id} ${id}-error`}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <OverLimitPreview text={text} />
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
        <button type="submit" disabled={isBlank(text) || over || edit.isPending}>
          {edit.isPending ? t('editProfile.saving') : t('backups.save')}
        </button>
      </div>
    </form>
  );
}
