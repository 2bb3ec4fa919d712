import type { User } from '../../electron/ipc/contract';
import { errorMessage } from '../api/client';
import { useFollowStatus, useSetFollowing } from '../api/search';
import { useTranslation } from '../i18n/index';

interface Props {
  /** The profile to follow or unfollow. */
  profile: { id: number; username: string };
  /** Who follows: the active profile. */
  activeUser: User;
  /** Known already (the directory's rows say it), so no status call is needed. */
  following?: boolean;
}

/** Follow / Unfollow for the active profile; nothing on your own profile. */
export function FollowButton({ profile, activeUser, following }: Props) {
  if (profile.id === activeUser.id) return null;
  return following === undefined ? (
    <FollowButtonWithStatus profile={profile} activeUser={activeUser} />
  ) : (
    <Toggle profile={profile} activeUser={activeUser} following={following} />
  );
}

function FollowButtonWithStatus({ profile, activeUser }: Omit<Props, 'following'>) {
  const status = useFollowStatus(activeUser.id, profile.id);
  if (!status.data) return null;
  return <Toggle profile={profile} activeUser={activeUser} following={status.data.following} />;
}

function Toggle({ profile, activeUser, following }: Required<Props>) {
  const { t } = useTranslation();
  const mutation = useSetFollowing(activeUser.id);
  return (
    <span className="follow">
      <button
        type="button"
        className={following ? 'secondary' : undefined}
        aria-pressed={following}
        aria-label={t(following ? 'follow.unfollowName' : 'follow.followName', {
          username: profile.username,
        })}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ followedId: profile.id, follow: !following })}
      >
        {following ? t('follow.unfollow') : t('follow.follow')}
      </button>
      {mutation.error && (
        <span className="field-error" role="alert">
          {errorMessage(mutation.error)}
        </span>
      )}
    </span>
  );
}
