import { useState } from 'react';
import type { User, UserProfile } from '../../electron/ipc/contract';
import { errorMessage, hasCode } from '../api/client';
import { useUserPosts } from '../api/posts';
import { useDeleteProfile, useProfile } from '../api/users';
import { navigate } from '../app/router';
import { ConfirmDialog } from '../components/Dialog';
import { PostFeed } from '../components/PostFeed';
import { ErrorState, Loading } from '../components/States';
import { Avatar } from '../components/Avatar';
import { useTranslation } from '../i18n/index';

/** One profile: who it is, how many posts, and those posts newest first. */
export function ProfilePage({ username, activeUser }: { username: string; activeUser: User }) {
  const { t } = useTranslation();
  const profile = useProfile(username);
  if (profile.isPending) return <Loading label={t('profile.loading')} />;
  if (profile.isError) {
    if (hasCode(profile.error, 'USER_NOT_FOUND')) {
      // A page of its own, so it has a heading like every other screen.
      return (
        <section className="page" aria-labelledby="profile-title">
          <h1 id="profile-title" className="page-title">
            {t('profile.notFound', { username })}
          </h1>
        </section>
      );
    }
    return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  }
  return <Profile key={profile.data.id} profile={profile.data} activeUser={activeUser} />;
}

function Profile({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  const { t } = useTranslation();
  const posts = useUserPosts(profile.id);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteProfile();
  const own = profile.id === activeUser.id;

  return (
    <section className="page" aria-labelledby="profile-title">
      <header className="profile-header">
        <Avatar name={profile.username} />
        <div className="profile-facts">
          <h1 id="profile-title">{profile.username}</h1>
          <p className="muted">{profile.email}</p>
          <p className="post-count">{t('profile.postCount', { count: profile.postCount })}</p>
        </div>
        <button type="button" className="danger secondary" onClick={() => setConfirming(true)}>
          {t('profile.delete')}
        </button>
      </header>
      <PostFeed
        label={t('profile.postsBy', { username: profile.username })}
        query={posts}
        activeUser={activeUser}
        authorOf={() => profile.username}
      />
      {confirming && (
        <ConfirmDialog
          title={t('profile.deleteTitle', { username: profile.username })}
          message={
            profile.postCount === 0
              ? t('profile.deleteNoPosts')
              : t('profile.deleteWithPosts', { count: profile.postCount })
          }
          confirmLabel={
            profile.postCount === 0
              ? t('profile.confirmNoPosts')
              : t('profile.confirmWithPosts', { count: profile.postCount })
          }
          pending={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : undefined}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
          onConfirm={() =>
            // mutateAsync, not mutate's callbacks: deleting the active profile unmounts this page
            // before they would run. A failure is shown from `remove.error`.
            remove.mutateAsync(profile.id).then(
              () => navigate({ name: own ? 'timeline' : 'users' }),
              () => undefined,
            )
          }
        />
      )}
    </section>
  );
}
