import { useMemo, useState } from 'react';
import type { User, UserProfile } from '../../electron/ipc/contract';
import { errorMessage, hasCode } from '../api/client';
import { useUserPosts, userPostsSource } from '../api/posts';
import { useDeleteProfile, useProfile } from '../api/users';
import { navigate } from '../app/router';
import { ConfirmDialog } from '../components/Dialog';
import { PostFeed } from '../components/PostFeed';
import { Empty, ErrorState, Loading } from '../components/States';
import { Avatar } from '../components/Avatar';

/** One profile: who it is, how many posts, and those posts newest first. */
export function ProfilePage({ username, activeUser }: { username: string; activeUser: User }) {
  const profile = useProfile(username);
  if (profile.isPending) return <Loading label="Loading profile…" />;
  if (profile.isError) {
    if (hasCode(profile.error, 'USER_NOT_FOUND')) return <Empty>There is no profile named {username}.</Empty>;
    return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  }
  return <Profile key={profile.data.id} profile={profile.data} activeUser={activeUser} />;
}

function postsPhrase(count: number): string {
  return count === 1 ? '1 post' : `${count.toLocaleString()} posts`;
}

function Profile({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  const posts = useUserPosts(profile.id);
  const source = useMemo(() => userPostsSource(profile.id), [profile.id]);
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
          <p className="post-count">{postsPhrase(profile.postCount)}</p>
        </div>
        <button type="button" className="danger secondary" onClick={() => setConfirming(true)}>
          Delete profile…
        </button>
      </header>
      <PostFeed
        label={`Posts by ${profile.username}`}
        query={posts}
        source={source}
        activeUser={activeUser}
        authorOf={() => profile.username}
      />
      {confirming && (
        <ConfirmDialog
          title={`Delete the profile ${profile.username}?`}
          message={
            profile.postCount === 0
              ? 'This profile has no posts. The profile will be deleted for good.'
              : `Its ${postsPhrase(profile.postCount)} will be deleted with it, for good.`
          }
          confirmLabel={
            profile.postCount === 0
              ? 'Delete profile'
              : `Delete profile and ${postsPhrase(profile.postCount)}`
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
