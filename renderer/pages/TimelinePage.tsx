import type { User } from '../../electron/ipc/contract';
import { timelineSource, useTimeline } from '../api/posts';
import { Composer } from '../components/Composer';
import { PostFeed } from '../components/PostFeed';

/** Everyone's posts, newest first, under the composer. */
export function TimelinePage({ user }: { user: User }) {
  const timeline = useTimeline();
  return (
    <section className="page" aria-labelledby="timeline-title">
      <h1 id="timeline-title" className="page-title">
        Timeline
      </h1>
      <Composer user={user} />
      <PostFeed
        label="Timeline"
        query={timeline}
        source={timelineSource}
        activeUser={user}
        authorOf={(post) => post.username}
      />
    </section>
  );
}
