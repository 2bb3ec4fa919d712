import { useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useFeed, useTimelineSource } from '../api/posts';
import { useFollowingSource } from '../api/search';
import { useProfile } from '../api/users';
import { Composer } from '../components/Composer';
import { PostFeed } from '../components/PostFeed';
import { useTranslation } from '../i18n/index';

type Tab = 'following' | 'everyone';

/** The composer, then two feeds: Following (you and whom you follow) and Everyone. */
export function TimelinePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const profile = useProfile(user.username);
  const [chosen, setChosen] = useState<Tab | null>(null);
  // Until you pick a tab, a profile that follows no one starts on Everyone.
  const tab: Tab = chosen ?? ((profile.data?.following ?? 0) > 0 ? 'following' : 'everyone');
  return (
    <section className="page" aria-labelledby="timeline-title">
      <h1 id="timeline-title" className="page-title">
        {t('timeline.title')}
      </h1>
      <Composer user={user} />
      <div className="segmented tabs" role="group" aria-label={t('timeline.whichPosts')}>
        <button type="button" aria-pressed={tab === 'following'} onClick={() => setChosen('following')}>
          {t('timeline.following')}
        </button>
        <button type="button" aria-pressed={tab === 'everyone'} onClick={() => setChosen('everyone')}>
          {t('timeline.everyone')}
        </button>
      </div>
      {tab === 'following' ? <FollowingFeed user={user} /> : <EveryoneFeed user={user} />}
    </section>
  );
}

function FollowingFeed({ user }: { user: User }) {
  const { t } = useTranslation();
  const source = useFollowingSource(user.id);
  const feed = useFeed(source);
  return (
    <PostFeed
      label={t('timeline.following')}
      query={feed}
      source={source}
      activeUser={user}
      authorOf={(post) => post.username}
      emptyText={t('timeline.followingEmpty')}
    />
  );
}

function EveryoneFeed({ user }: { user: User }) {
  const { t } = useTranslation();
  const source = useTimelineSource();
  const timeline = useFeed(source);
  return (
    <PostFeed
      label={t('timeline.title')}
      query={timeline}
      source={source}
      activeUser={user}
      authorOf={(post) => post.username}
    />
  );
}
