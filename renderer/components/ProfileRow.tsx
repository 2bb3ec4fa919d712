import type { User } from '../../electron/ipc/contract';
import { useTranslation } from '../i18n/index';
import { Avatar } from './Avatar';

interface Props {
  user: User;
  /** Where the row leads (the directory), or what choosing it does (the chooser, the switcher). */
  action: { href: string } | { onSelect: () => void };
  /** The initial before the name. */
  avatar?: boolean;
  /** The email after the name. */
  email?: boolean;
  /** This row is the active profile: it gets this badge ("You", "Active") and aria-current. */
  activeBadge?: string | undefined;
  /** For a button row: its look ("secondary" on the chooser's cards). */
  className?: string;
}

/**
 * One profile in a list, as every user list shows it: name (cut with an ellipsis, full on
 * hover), a "Password" badge for protected profiles, and the active profile marked.
 */
export function ProfileRow({ user, action, avatar = false, email = false, activeBadge, className }: Props) {
  const { t } = useTranslation();
  const content = (
    <>
      {avatar && <Avatar name={user.username} small />}
      <span className="username truncate" title={user.username}>
        {user.username}
      </span>
      {email && (
        <span className="muted email truncate" title={user.email}>
          {user.email}
        </span>
      )}
      {user.hasPassword && <span className="badge">{t('users.password')}</span>}
      {activeBadge && <span className="badge accent">{activeBadge}</span>}
    </>
  );
  const current = activeBadge ? true : undefined;
  return (
    <li>
      {'href' in action ? (
        <a href={action.href} aria-current={current}>
          {content}
        </a>
      ) : (
        <button type="button" className={className} aria-current={current} onClick={action.onSelect}>
          {content}
        </button>
      )}
    </li>
  );
}
