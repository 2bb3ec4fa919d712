import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { BODY_MAX, bodyProblem, countCodePoints, isBlank, type User } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { useDraft, useSaveDraft } from '../api/drafts';
import { useCreatePost } from '../api/posts';

/** How long typing must pause before the draft is written to the database. */
export const DRAFT_DEBOUNCE_MS = 400;

/** The live count in code points, exactly as the database counts a post's length. */
export function CharacterCounter({ text, id }: { text: string; id?: string }) {
  const count = countCodePoints(text);
  const over = count > BODY_MAX;
  // The last ten characters get a stronger look before the limit turns it red.
  const near = !over && count > BODY_MAX - 10;
  const className = over ? 'counter over' : near ? 'counter near' : 'counter';
  return (
    <span id={id} className={className} data-over={over} aria-live="polite">
      {count}/{BODY_MAX}
      {over && <span className="counter-note"> · {count - BODY_MAX} over the limit</span>}
    </span>
  );
}

/** Writes the draft after a pause in typing, and at once on blur, hide and unload. */
function useDraftSaver(userId: number) {
  const pending = useRef<{ body: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saveDraft = useSaveDraft(userId);

  const write = useCallback(
    (body: string) => {
      saveDraft(body).then(
        () => setSaveError(null),
        (error: unknown) => setSaveError(`Draft not saved: ${errorMessage(error)}`),
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

/** The text box for a new post, with its draft restored from the database. */
export function Composer({ user }: { user: User }) {
  const draft = useDraft(user.id);
  if (draft.isPending) return <div className="composer placeholder" aria-hidden="true" />;
  // A failed draft load must not block writing; the composer just starts empty.
  return <ComposerForm key={user.id} user={user} initialText={draft.data?.body ?? ''} />;
}

function ComposerForm({ user, initialText }: { user: User; initialText: string }) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePost({ userId: user.id, username: user.username });
  const drafts = useDraftSaver(user.id);
  const counterId = useId();
  const errorId = useId();
  const count = countCodePoints(text);
  const over = count > BODY_MAX;
  const blank = isBlank(text);

  const post = () => {
    if (create.isPending) return;
    // The database's own rule and sentences: the same checks main makes, without the round trip.
    const problem = bodyProblem(text);
    if (problem) return setError(problem.message);
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
    <form className={over ? 'composer over' : 'composer'} onSubmit={onSubmit} aria-label="New post">
      <label htmlFor={`${counterId}-text`} className="visually-hidden">
        New post
      </label>
      <textarea
        id={`${counterId}-text`}
        name="body"
        rows={3}
        placeholder={`What’s on your mind, ${user.username}?`}
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
      <div className="composer-bar">
        <div id={errorId} className="composer-messages">
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
          {!error && drafts.saveError && <span className="form-error">{drafts.saveError}</span>}
          {!error && !drafts.saveError && <span className="hint">Ctrl/⌘ + Enter to post</span>}
        </div>
        <CharacterCounter text={text} id={counterId} />
        <button type="submit" disabled={blank || over || create.isPending}>
          {create.isPending ? 'Posting…' : 'Post'}
        </button>
      </div>
    </form>
  );
}
