import { useState } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { hrefFor } from '../app/router';
import { EditPostForm } from './EditPostForm';
import { PostBody } from './PostBody';
import { PostHistory } from './PostHistory';
import { HighlightedText } from './HighlightedText';
import { RelativeTime, formatExact } from './RelativeTime';

interface Props {
  post: Post;
  username: string;
  /** Given only for the active profile's own posts. */
  onDelete?: (post: Post) => void;
  /** True for the active profile's own posts: they get an Edit button. */
  editable?: boolean;
  /** Ranges of the body to mark (a search's matches). */
  highlights?: readonly [number, number][] | undefined;
}

/** "edited", with the exact time of the last edit on hover and focus. */
function EditedMark({ editedAt }: { editedAt: string }) {
  const exact = formatExact(new Date(editedAt));
  return (
    <span className="edited" title={`Edited ${exact}`} tabIndex={0} aria-label={`Edited ${exact}`}>
      edited
    </span>
  );
}

/** One post: author, its text with links, tags and mentions, when it was written, and if edited, its history. */
export function PostItem({ post, username, onDelete, editable = false, highlights }: Props) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const when = formatExact(new Date(post.timestamp));
  return (
    <article className="post" data-post-id={post.id} aria-label={`Post by ${username}`}>
      <header className="post-meta">
        <a className="author truncate" href={hrefFor({ name: 'profile', username })} title={username}>
          {username}
        </a>
        <span aria-hidden="true">·</span>
        <RelativeTime timestamp={post.timestamp} />
        {post.editedAt && <EditedMark editedAt={post.editedAt} />}
        {editable && !editing && (
          <button
            type="button"
            className="link"
            onClick={() => setEditing(true)}
            aria-label={`Edit post from ${when}`}
          >
            Edit
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            className="link danger-link"
            onClick={() => onDelete(post)}
            aria-label={`Delete post from ${when}`}
          >
            Delete
          </button>
        )}
      </header>
      {editing ? (
        <EditPostForm post={post} username={username} onDone={() => setEditing(false)} />
      ) : highlights && highlights.length > 0 ? (
        // A search's matches, marked as text: React never parses markup in a post.
        <p className="post-body">
          <HighlightedText text={post.body} ranges={highlights} />
        </p>
      ) : (
        <PostBody body={post.body} />
      )}
      {post.editedAt && (
        <button
          type="button"
          className="link history-toggle"
          aria-expanded={showHistory}
          onClick={() => setShowHistory((shown) => !shown)}
        >
          {showHistory ? 'Hide history' : 'Show history'}
        </button>
      )}
      {post.editedAt && showHistory && <PostHistory postId={post.id} />}
    </article>
  );
}
