import type { User } from '../../electron/ipc/contract';
import { useTimeline } from '../api/posts';
import { Composer } from '../components/Composer';
import { PostFeed } from '../components/PostFeed';
import { useTranslation } from '../i18n/index';

/** Everyone's posts, newest first, under the composer. */
export function TimelinePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const timeline = useTimeline();
  return (
    <section className="page" aria-labelledby="timeline-title">
      <h1 id="timeline-title" className="page-title">
        {t('timeline.title')}
      </h1>
      <Composer user={user} />
      <PostFeed
        label={t('timeline.title')}
        query={timeline}
        activeUser={user}
        authorOf={(post) => post.username}
      />
    </section>
  );
}
