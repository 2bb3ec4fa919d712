import type { CSSProperties } from 'react';
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
  /** A virtual list places each row itself, and tells its position among all of them. */
  style?: CSSProperties;
  setSize?: number;
  position?: number;
}

/**
 * One profile in a list, as every user list shows it: name (cut with an ellipsis, full on
 * hover), a "Password" badge for protected profiles, and the active profile marked.
 */
export function ProfileRow(props: Props) {
  const { user, action, avatar = false, email = false, activeBadge, className } = props;
  const { t } = useTranslation();
  const content = (
    <>
      {avatar && <Avatar name={user.username} user={user} small />}
      <span className="username truncate" title={user.username}>
        {user.username}
      </span>
      {email && (
        <span className="muted email truncate" title={user.email ?? undefined}>
          {user.email}
        </span>
      )}
      {user.hasPassword && <span className="badge">{t('users.password')}</span>}
      {activeBadge && <span className="badge accent">{activeBadge}</span>}
    </>
  );
  const current = activeBadge ? true : undefined;
  return (
    <li style={props.style} aria-setsize={props.setSize} aria-posinset={props.position}>
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
