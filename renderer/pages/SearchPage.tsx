import type { User } from '../../electron/ipc/contract';
import { errorMessage, hasCode } from '../api/client';
import { useFeed } from '../api/posts';
import { useSearchSource } from '../api/search';
import { PostFeed } from '../components/PostFeed';
import { Empty } from '../components/States';
import { Trans, useTranslation } from '../i18n/index';

/** Posts matching the search box, newest first, with the matched words marked. */
export function SearchPage({ query, activeUser }: { query: string; activeUser: User }) {
  const { t } = useTranslation();
  const source = useSearchSource(query);
  const results = useFeed(source, query.trim() !== '');
  const refused =
    results.isError && (hasCode(results.error, 'INVALID_INPUT') || hasCode(results.error, 'USER_NOT_FOUND'));
  return (
    <section className="page" aria-labelledby="search-title">
      <h1 id="search-title" className="page-title">
        {t('search.title')}
      </h1>
      <p className="muted search-help">
        <Trans i18nKey="search.help" components={{ code: <code /> }} />
      </p>
      {query.trim() === '' || refused ? (
        <Empty>{refused ? errorMessage(results.error) : t('search.typeSomething')}</Empty>
      ) : (
        <PostFeed
          label={t('search.resultsLabel', { query })}
          query={results}
          source={source}
          activeUser={activeUser}
          authorOf={(post) => post.username}
          emptyText={t('search.noMatch', { query })}
        />
      )}
    </section>
  );
}
