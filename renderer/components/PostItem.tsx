import type { KeyboardEvent } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { hrefFor, navigate } from '../app/router';
import { useTranslation } from '../i18n/index';
import { formatExact } from '../i18n/format';
import { RelativeTime } from './RelativeTime';

interface Props {
  post: Post;
  username: string;
  /** Given only for the active profile's own posts. */
  onDelete?: (post: Post) => void;
  /**
   * The feed's one Tab stop (roving focus): only this post and its controls are in the Tab
   * order; `j`/`k` move between posts.
   */
  current: boolean;
}

/** One post: author, plain-text body with its line breaks, and when it was written. */
export function PostItem({ post, username, onDelete, current }: Props) {
  // Re-renders on a language change, so the formatted date follows it too.
  const { t } = useTranslation();
  const tabIndex = current ? 0 : -1;
  const profile = { name: 'profile', username } as const;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Enter on the post itself (not on its link or button) opens its author.
    if (event.key === 'Enter' && event.target === event.currentTarget) navigate(profile);
  };
  return (
    <article
      className="post"
      data-post-id={post.id}
      aria-label={t('posts.by', { username })}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
    >
      <header className="post-meta">
        <a className="author truncate" href={hrefFor(profile)} title={username} tabIndex={tabIndex}>
          {username}
        </a>
        <span aria-hidden="true">·</span>
        <RelativeTime timestamp={post.timestamp} />
        {onDelete && (
          <button
            type="button"
            className="link danger-link"
            tabIndex={tabIndex}
            onClick={() => onDelete(post)}
            aria-label={t('posts.deleteLabel', { when: formatExact(new Date(post.timestamp)) })}
          >
            {t('posts.delete')}
          </button>
        )}
      </header>
      {/* React renders text as text: markup in a post is shown, never parsed. */}
      <p className="post-body">{post.body}</p>
    </article>
  );
}
