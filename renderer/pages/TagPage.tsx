import type { User } from '../../electron/ipc/contract';
import { useMemo } from 'react';
import { tagSource } from '../api/post-edits';
import { useFeed } from '../api/posts';
import { PostFeed } from '../components/PostFeed';
import { useTranslation } from '../i18n/index';

/** Every post with one #tag, newest first, paged and virtualized like the timeline. */
export function TagPage({ tag, activeUser }: { tag: string; activeUser: User }) {
  const { t } = useTranslation();
  const source = useMemo(() => tagSource(tag), [tag]);
  const posts = useFeed(source);
  return (
    <section className="page" aria-labelledby="tag-title">
      <h1 id="tag-title" className="page-title">
        #{tag}
      </h1>
      <PostFeed
        label={t('tag.label', { tag })}
        query={posts}
        source={source}
        activeUser={activeUser}
        authorOf={(p) => p.username}
      />
    </section>
  );
}
