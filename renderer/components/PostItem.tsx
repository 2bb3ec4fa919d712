import type { Post } from '../../electron/ipc/contract';
import { hrefFor } from '../app/router';
import { HighlightedText } from './HighlightedText';
import { RelativeTime, formatExact } from './RelativeTime';

interface Props {
  post: Post;
  username: string;
  /** Given only for the active profile's own posts. */
  onDelete?: (post: Post) => void;
  /** Ranges of the body to mark (a search's matches). */
  highlights?: readonly [number, number][] | undefined;
}

/** One post: author, plain-text body with its line breaks, and when it was written. */
export function PostItem({ post, username, onDelete, highlights }: Props) {
  return (
    <article className="post" data-post-id={post.id} aria-label={`Post by ${username}`}>
      <header className="post-meta">
        <a className="author truncate" href={hrefFor({ name: 'profile', username })} title={username}>
          {username}
        </a>
        <span aria-hidden="true">·</span>
        <RelativeTime timestamp={post.timestamp} />
        {onDelete && (
          <button
            type="button"
            className="link danger-link"
            onClick={() => onDelete(post)}
            aria-label={`Delete post from ${formatExact(new Date(post.timestamp))}`}
          >
            Delete
          </button>
        )}
      </header>
      {/* React renders text as text: markup in a post is shown, never parsed. */}
      <p className="post-body">
        {highlights && highlights.length > 0 ? (
          <HighlightedText text={post.body} ranges={highlights} />
        ) : (
          post.body
        )}
      </p>
    </article>
  );
}
