import { useState } from 'react';
import type { User, UserProfile } from '../../electron/ipc/contract';
import { hasCode } from '../api/client';
import { useFeed, useUserPostsSource } from '../api/posts';
import { useProfile } from '../api/users';
import { navigate } from '../app/router';
import { Avatar } from '../components/Avatar';
import { AvatarPicker } from '../components/AvatarPicker';
import { DeleteProfileDialog } from '../components/DeleteProfileDialog';
import { EditProfileForm } from '../components/EditProfileForm';
import { PasswordForm } from '../components/PasswordForm';
import { PostFeed } from '../components/PostFeed';
import { RelativeTime } from '../components/RelativeTime';
import { ErrorState, Loading } from '../components/States';
import { FollowBar } from '../components/FollowBar';
import { useTranslation } from '../i18n/index';
import { formatMonthYear } from '../i18n/format';

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
  const { t } = useTranslation();
  return (
    <header className="profile-header">
      <Avatar name={profile.username} src={profile.avatar} />
      <div className="profile-facts">
        <h1 id="profile-title">{profile.displayName ?? profile.username}</h1>
        <p className="muted handle">@{profile.username}</p>
        {profile.aboutMe && <p className="about-me">{profile.aboutMe}</p>}
        <p className="muted profile-times">
          <span>{t('profile.joined', { when: formatMonthYear(new Date(profile.createdAt)) })}</span>
          {profile.lastSeen && (
            <span>
              {t('profile.lastSeen')} <RelativeTime timestamp={profile.lastSeen} />
            </span>
          )}
        </p>
        <p className="post-count">{t('profile.postCount', { count: profile.postCount })}</p>
      </div>
      {own && (
        <div className="profile-actions">
          <button type="button" onClick={onEdit}>
            {t('profile.edit')}
          </button>
          <button type="button" className="danger secondary" onClick={onDelete}>
            {t('profile.delete')}
          </button>
        </div>
      )}
    </header>
  );
}

function Profile({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  const source = useUserPostsSource(profile.id);
  const posts = useFeed(source);
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Only your own page can change or delete anything; someone else's shows nothing destructive.
  const own = profile.id === activeUser.id;

  if (own && editing) {
    return (
      <section className="page edit-profile" aria-labelledby="edit-title">
        <h1 id="edit-title">{t('profile.edit')}</h1>
        <AvatarPicker profile={profile} />
        <EditProfileForm
          profile={profile}
          onDone={(username) => {
            setEditing(false);
            if (username !== profile.username) navigate({ name: 'profile', username });
          }}
        />
        <h2>{t('profile.passwordHeading')}</h2>
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
        label={t('profile.postsBy', { username: profile.username })}
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
