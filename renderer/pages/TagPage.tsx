import type { User } from '../../electron/ipc/contract';
import { useTagPosts } from '../api/post-edits';
import { PostFeed } from '../components/PostFeed';
import { useTranslation } from '../i18n/index';

/** Every post with one #tag, newest first, paged and virtualized like the timeline. */
export function TagPage({ tag, activeUser }: { tag: string; activeUser: User }) {
  const { t } = useTranslation();
  const posts = useTagPosts(tag);
  return (
    <section className="page" aria-labelledby="tag-title">
      <h1 id="tag-title" className="page-title">
        #{tag}
      </h1>
      <PostFeed
        label={t('tag.label', { tag })}
        query={posts}
        activeUser={activeUser}
        authorOf={(p) => p.username}
      />
    </section>
  );
}
