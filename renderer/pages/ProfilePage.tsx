import { useState } from 'react';
import type { User, UserProfile } from '../../electron/ipc/contract';
import { hasCode } from '../api/client';
import { useFeed, useUserPostsSource } from '../api/posts';
import { useProfile } from '../api/users';
import { navigate } from '../app/router';
import { Avatar } from '../components/Avatar';
import { AvatarPicker } from '../components/AvatarPicker';
import { DeleteProfileDialog, postsPhrase } from '../components/DeleteProfileDialog';
import { EditProfileForm } from '../components/EditProfileForm';
import { PasswordForm } from '../components/PasswordForm';
import { PostFeed } from '../components/PostFeed';
import { RelativeTime } from '../components/RelativeTime';
import { Empty, ErrorState, Loading } from '../components/States';
import { FollowBar } from '../components/FollowBar';

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

const joined = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** The header of chapter 6: picture, names, about me, joined, last seen, post count. */
function ProfileHeader({
  profile,
  own,
  onEdit,
  onDelete,
}: {
  profile: UserProfile;
  own: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <header className="profile-header">
      <Avatar name={profile.username} src={profile.avatar} />
      <div className="profile-facts">
        <h1 id="profile-title">{profile.displayName ?? profile.username}</h1>
        <p className="muted handle">@{profile.username}</p>
        {profile.aboutMe && <p className="about-me">{profile.aboutMe}</p>}
        <p className="muted profile-times">
          <span>Joined {joined.format(new Date(profile.createdAt))}</span>
          {profile.lastSeen && (
            <span>
              Last seen <RelativeTime timestamp={profile.lastSeen} />
            </span>
          )}
        </p>
        <p className="post-count">{postsPhrase(profile.postCount)}</p>
      </div>
      {own && (
        <div className="profile-actions">
          <button type="button" onClick={onEdit}>
            Edit profile
          </button>
          <button type="button" className="danger secondary" onClick={onDelete}>
            Delete profile…
          </button>
        </div>
      )}
    </header>
  );
}

function Profile({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  const source = useUserPostsSource(profile.id);
  const posts = useFeed(source);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Only your own page can change or delete anything; someone else's shows nothing destructive.
  const own = profile.id === activeUser.id;

  if (own && editing) {
    return (
      <section className="page edit-profile" aria-labelledby="edit-title">
        <h1 id="edit-title">Edit profile</h1>
        <AvatarPicker profile={profile} />
        <EditProfileForm
          profile={profile}
          onDone={(username) => {
            setEditing(false);
            if (username !== profile.username) navigate({ name: 'profile', username });
          }}
        />
        <h2>Password</h2>
        <PasswordForm user={activeUser} />
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="profile-title">
      <ProfileHeader
        profile={profile}
        own={own}
        onEdit={() => setEditing(true)}
        onDelete={() => setConfirming(true)}
      />
      <FollowBar profile={profile} activeUser={activeUser} />
      <PostFeed
        label={`Posts by ${profile.username}`}
        query={posts}
        source={source}
        activeUser={activeUser}
        authorOf={() => profile.username}
      />
      {own && confirming && (
        <DeleteProfileDialog
          profile={profile}
          onCancel={() => setConfirming(false)}
          onDeleted={() => navigate({ name: 'timeline' })}
        />
      )}
    </section>
  );
}
