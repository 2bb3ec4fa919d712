import type { User, UserProfile } from '../../electron/ipc/contract';
import { FollowButton } from './FollowButton';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** A profile page's followers and following counts, with Follow / Unfollow for someone else's. */
export function FollowBar({ profile, activeUser }: { profile: UserProfile; activeUser: User }) {
  return (
    <div className="follow-bar">
      <p className="follow-counts">
        <span>{count(profile.followers, 'follower', 'followers')}</span>
        <span aria-hidden="true"> · </span>
        <span>{count(profile.following, 'following', 'following')}</span>
      </p>
      <FollowButton profile={profile} activeUser={activeUser} />
    </div>
  );
}
