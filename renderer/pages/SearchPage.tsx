import type { User } from '../../electron/ipc/contract';
import { hasCode } from '../api/client';
import { useSearch } from '../api/search';
import { PostFeed } from '../components/PostFeed';
import { Empty } from '../components/States';

/** Posts matching the search box, newest first, with the matched words marked. */
export function SearchPage({ query, activeUser }: { query: string; activeUser: User }) {
  const results = useSearch(query);
  const refused =
    results.isError && (hasCode(results.error, 'INVALID_INPUT') || hasCode(results.error, 'USER_NOT_FOUND'));
  return (
    <section className="page" aria-labelledby="search-title">
      <h1 id="search-title" className="page-title">
        Search
      </h1>
      <p className="muted search-help">
        Words, “a phrase” in quotes, a prefix like <code>sql*</code>, or <code>from:username</code>.
      </p>
      {query.trim() === '' || refused ? (
        <Empty>{refused ? results.error.message : 'Type what to look for in the search box.'}</Empty>
      ) : (
        <PostFeed
          label={`Posts matching ${query}`}
          query={results}
          activeUser={activeUser}
          authorOf={(post) => post.username}
          emptyText={`No posts match “${query}”.`}
        />
      )}
    </section>
  );
}
