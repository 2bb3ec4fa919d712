import { type MouseEvent, useLayoutEffect, useRef } from 'react';
import type { Post, PublishState } from '../../electron/ipc/contract';
import { errorMessage, localize } from '../api/client';
import { openLink } from '../api/post-edits';
import { useRetryPublish } from '../api/publishing';
import { formatExact } from '../i18n/format';
import { useTranslation } from '../i18n/index';

/** Where Bluesky's app shows a record of a repository: its DID and record key, as they are. */
export function blueskyPostUrl(did: string, rkey: string): string {
  // A DID's colons stay as they are: they are allowed in a path and Bluesky's links keep them.
  const segment = (part: string) => encodeURIComponent(part).replaceAll('%3A', ':');
  return `https://bsky.app/profile/${segment(did)}/post/${segment(rkey)}`;
}

interface MarkProps {
  state: PublishState | undefined;
  /** Only a linked profile's posts say "Only on this computer"; an unlinked profile's are all local. */
  showLocal: boolean;
  tabIndex: number;
}

/** The post's publish state in its header: a few quiet words, or the link to the published copy. */
export function PostStateMark({ state, showLocal, tabIndex }: MarkProps) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state.state === 'local')
    return showLocal ? <span className="post-state">{t('postState.local')}</span> : null;
  if (state.state === 'queued')
    return (
      <span className="post-state queued">
        {state.attempts > 0
          ? t('postState.queuedAttempts', { count: state.attempts })
          : t('postState.queued')}
      </span>
    );
  if (state.state === 'failed') return <span className="post-state failed">{t('postState.failed')}</span>;
  const url = blueskyPostUrl(state.did, state.rkey);
  // Opened by main in the system browser, never by this window.
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openLink(url).catch((error: unknown) => window.alert(errorMessage(error)));
  };
  return (
    <a
      className="post-state published"
      href={url}
      onClick={open}
      tabIndex={tabIndex}
      title={t('postState.publishedTitle')}
      aria-label={t('postState.publishedLabel')}
    >
      {t('postState.published')}
    </a>
  );
}

interface FailureProps {
  post: Post;
  reason: string;
  /** Only the active profile may send its posts again. */
  canRetry: boolean;
  tabIndex: number;
}

/** Why the post was not published, in words, and for your own post a Retry. */
export function PostFailure({ post, reason, canRetry, tabIndex }: FailureProps) {
  const { t } = useTranslation();
  const retry = useRetryPublish(post.userId);
  const when = formatExact(new Date(post.timestamp));
  const box = useRef<HTMLDivElement>(null);
  // The failure goes once the post is queued again, and Retry with it: the focus it had goes to
  // the post. A layout effect's cleanup runs before React removes the button.
  useLayoutEffect(() => {
    const node = box.current;
    return () => {
      if (node?.contains(document.activeElement)) node.closest<HTMLElement>('article')?.focus();
    };
  }, []);
  return (
    <div className="post-failure" ref={box}>
      <p>{localize(reason)}</p>
      {canRetry && (
        <button
          type="button"
          className="secondary"
          tabIndex={tabIndex}
          // Busy but still focused: a disabled button would drop the focus mid-way.
          aria-disabled={retry.isPending || undefined}
          aria-label={retry.isPending ? undefined : t('postState.retryLabel', { when })}
          onClick={() => {
            if (!retry.isPending) retry.mutate(post.id);
          }}
        >
          {retry.isPending ? t('postState.retrying') : t('postState.retry')}
        </button>
      )}
      {retry.isError && (
        <p className="form-error" role="alert">
          {errorMessage(retry.error)}
        </p>
      )}
    </div>
  );
}
