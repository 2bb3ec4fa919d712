import { useState, type KeyboardEvent } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { hrefFor, navigate } from '../app/router';
import { useTranslation } from '../i18n/index';
import { formatExact } from '../i18n/format';
import { EditPostForm } from './EditPostForm';
import { HighlightedText } from './HighlightedText';
import { PostBody } from './PostBody';
import { PostHistory } from './PostHistory';
import { PostFailure, PostStateMark } from './PostState';
import { usePostPublishState } from './publish-states';
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
  /** True for the active profile's own posts: they get an Edit button. */
  editable?: boolean;
  /** Ranges of the body to mark (a search's matches). */
  highlights?: readonly [number, number][] | undefined;
  /** True when its author is linked to an account: a post not published then says so. */
  authorLinked?: boolean;
}

/** "edited", with the exact time of the last edit on hover and focus. */
function EditedMark({ editedAt }: { editedAt: string }) {
  const { t } = useTranslation();
  const exact = formatExact(new Date(editedAt));
  // The exact time is read out as text beside it: an aria-label on a plain span is not allowed,
  // and no extra Tab stop per post (the history button shows the versions).
  return (
    <>
      <span className="edited" title={t('posts.editedAt', { when: exact })}>
        {t('posts.edited')}
      </span>
      <span className="visually-hidden">{t('posts.editedWhen', { when: exact })}</span>
    </>
  );
}

/** One post: author, its text with links, tags and mentions, when it was written, and if edited, its history. */
export function PostItem(props: Props) {
  const { post, username, onDelete, current, editable = false, highlights, authorLinked = false } = props;
  // Re-renders on a language change, so the formatted date follows it too.
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const publishState = usePostPublishState(post.id);
  const when = formatExact(new Date(post.timestamp));
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
        {post.editedAt && <EditedMark editedAt={post.editedAt} />}
        <PostStateMark state={publishState} showLocal={authorLinked} tabIndex={tabIndex} />
        {editable && !editing && (
          <button
            type="button"
            className="link"
            tabIndex={tabIndex}
            onClick={() => setEditing(true)}
            aria-label={t('posts.editLabel', { when })}
          >
            {t('posts.edit')}
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            className="link danger-link"
            tabIndex={tabIndex}
            onClick={() => onDelete(post)}
            aria-label={t('posts.deleteLabel', { when })}
          >
            {t('posts.delete')}
          </button>
        )}
      </header>
      {editing ? (
        <EditPostForm
          post={post}
          username={username}
          published={publishState?.state === 'published'}
          onDone={() => setEditing(false)}
        />
      ) : highlights && highlights.length > 0 ? (
        // A search's matches, marked as text: React never parses markup in a post.
        <p className="post-body">
          <HighlightedText text={post.body} ranges={highlights} />
        </p>
      ) : (
        <PostBody body={post.body} />
      )}
      {publishState?.state === 'failed' && (
        <PostFailure post={post} reason={publishState.reason} canRetry={editable} tabIndex={tabIndex} />
      )}
      {post.editedAt && (
        <button
          type="button"
          className="link history-toggle"
          tabIndex={tabIndex}
          aria-expanded={showHistory}
          onClick={() => setShowHistory((shown) => !shown)}
        >
          {showHistory ? t('posts.hideHistory') : t('posts.showHistory')}
        </button>
      )}
      {post.editedAt && showHistory && <PostHistory postId={post.id} />}
    </article>
  );
}
