import type { User, UserProfile } from '../../electron/ipc/contract';
import { FollowButton } from './FollowButton';
import { useTranslation } from '../i18n/index';

/** A profile page's followers and following counts, with Follow / Unfollow for someone else's. */
export function FollowBar({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  const { t } = useTranslation();
  return (
    <div className="follow-bar">
      <p className="follow-counts">
        <span>{t('follow.followers', { count: profile.followers })}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('follow.following', { count: profile.following })}</span>
      </p>
      <FollowButton profile={profile} activeUser={activeUser} />
    </div>
  );
}
