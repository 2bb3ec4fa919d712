import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BODY_MAX, bodyProblem, countGraphemes, isBlank, type User } from '../../electron/ipc/contract';
import { errorMessage, localize } from '../api/client';
import { useDraft } from '../api/drafts';
import { useCreatePost } from '../api/posts';
import { CharacterCounter, OverLimitPreview } from './CharacterCounter';
import { useDraftSaver } from './draft-saver';
import { useTranslation } from '../i18n/index';
import { COMPOSE_INPUT as COMPOSE_INPUT_ID, takePendingCompose } from '../app/shortcuts';

/** The text box for a new post, with its draft restored from the database. */
export function Composer({ user }: { user: User }) {
  const draft = useDraft(user.id);
  if (draft.isPending) return <div className="composer placeholder" aria-hidden="true" />;
  // A failed draft load must not block writing; the composer just starts empty.
  return <ComposerForm key={user.id} user={user} initialText={draft.data?.body ?? ''} />;
}

function ComposerForm({ user, initialText }: { user: User; initialText: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePost({ userId: user.id, username: user.username });
  const drafts = useDraftSaver(user.id);
  const counterId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  // The `n`/`c` shortcut pressed on another screen lands here once the timeline shows.
  useEffect(() => {
    if (takePendingCompose()) input.current?.focus();
  }, []);
  const errorId = useId();
  const count = countGraphemes(text);
  const over = count > BODY_MAX;
  const blank = isBlank(text);

  const post = () => {
    if (create.isPending) return;
    // The database's own rule and sentences: the same checks main makes, without the round trip.
    const problem = bodyProblem(text);
    if (problem) return setError(localize(problem.message));
    drafts.cancel();
    create.mutate(text, {
      onSuccess: () => {
        setText('');
        setError(null);
      },
      // The text stays in the box (and in the draft) so nothing is lost.
      onError: (failure) => {
        setError(errorMessage(failure));
        drafts.schedule(text);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    post();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      post();
    }
  };

  return (
    <form
      className={over ? 'composer over' : 'composer'}
      onSubmit={onSubmit}
      aria-label={t('composer.label')}
    >
      <label htmlFor={COMPOSE_INPUT_ID} className="visually-hidden">
        {t('composer.label')}
      </label>
      <textarea
        id={COMPOSE_INPUT_ID}
        name="body"
        rows={3}
        ref={input}
        placeholder={t('composer.placeholder', { username: user.username })}
        value={text}
        aria-invalid={over || Boolean(error) || undefined}
        aria-describedby={`${counterId} ${errorId}`}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
          drafts.schedule(event.target.value);
        }}
        onBlur={drafts.flush}
        onKeyDown={onKeyDown}
      />
      <OverLimitPreview text={text} />
      <div className="composer-bar">
        <div id={errorId} className="composer-messages">
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
          {!error && drafts.saveError && <span className="form-error">{drafts.saveError}</span>}
          {!error && !drafts.saveError && <span className="hint">{t('composer.hint')}</span>}
        </div>
        <CharacterCounter text={text} id={counterId} />
        <button type="submit" disabled={blank || over || create.isPending}>
          {create.isPending ? t('composer.posting') : t('composer.post')}
        </button>
      </div>
    </form>
  );
}
