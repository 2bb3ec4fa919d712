import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useTranslation } from '../i18n/index';
import { Avatar } from './Avatar';
import { matchesFilter, recentFirst } from './recent-profiles';

/** Above this many profiles, the menu starts with a filter field. */
export const FILTER_FROM = 8;

interface Props {
  id: string;
  users: User[] | undefined;
  activeUser: User;
  onChoose: (user: User) => void;
  onAdd: () => void;
  /** Escape, or Tab out: close, with focus back on the menu button when `restoreFocus`. */
  onClose: (restoreFocus: boolean) => void;
}

/**
 * The switcher's menu, as the WAI-ARIA menu pattern: arrow keys move between the items (and
 * wrap), Home and End jump, Escape closes, and leaving it with Tab closes it. Its list has a
 * bounded height and scrolls on its own; "Add another profile…" stays below it, always visible.
 */
export function ProfileMenu({ id, users, activeUser, onChoose, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [focused, setFocused] = useState(0);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemAt = (index: number) =>
    menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[index];
  const filterRef = useRef<HTMLInputElement>(null);
  const withFilter = (users?.length ?? 0) >= FILTER_FROM;
  const shown = recentFirst(users ?? []).filter((user) => matchesFilter(user, filter));
  const count = shown.length + 1; // the profiles, then "Add another profile…"
  const loaded = users !== undefined;

  const focusItem = (index: number) => {
    const next = (index + count) % count;
    setFocused(next);
    itemAt(next)?.focus();
  };

  useEffect(() => {
    // Opening puts focus in the filter when there is one, else on the first item.
    if (withFilter) filterRef.current?.focus();
    else itemAt(0)?.focus();
  }, [withFilter, loaded]);

  const onKeyDown = (event: KeyboardEvent) => {
    const inFilter = event.target === filterRef.current;
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(inFilter ? 0 : focused + 1),
      ArrowUp: () =>
        inFilter
          ? focusItem(count - 1)
          : focused === 0 && withFilter
            ? filterRef.current?.focus()
            : focusItem(focused - 1),
      Home: () => !inFilter && focusItem(0),
      End: () => !inFilter && focusItem(count - 1),
      Escape: () => onClose(true),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      event.stopPropagation();
      move();
    }
  };

  return (
    <div className="switcher-menu" id={id} onKeyDown={onKeyDown}>
      {withFilter && (
        <input
          ref={filterRef}
          className="menu-filter"
          type="search"
          aria-label={t('choose.filter')}
          placeholder={t('choose.filter')}
          aria-controls={`${id}-menu`}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setFocused(0);
          }}
        />
      )}
      <div
        ref={menuRef}
        role="menu"
        id={`${id}-menu`}
        aria-label={t('switcher.title')}
        aria-busy={users === undefined}
      >
        <div className="menu-scroll" role="group" aria-label={t('users.profiles')}>
          {shown.map((user, index) => (
            <button
              key={user.id}
              type="button"
              role="menuitem"
              tabIndex={index === focused ? 0 : -1}
              aria-current={user.id === activeUser.id ? true : undefined}
              onClick={() => onChoose(user)}
              onFocus={() => setFocused(index)}
            >
              <Avatar name={user.username} user={user} small />
              <span className="username truncate" title={user.username}>
                {user.displayName ?? user.username}
              </span>
              {user.displayName && <span className="muted truncate">@{user.username}</span>}
              {user.hasPassword && <span className="badge">{t('users.password')}</span>}
              {user.id === activeUser.id && <span className="badge accent">{t('users.active')}</span>}
            </button>
          ))}
          {users !== undefined && shown.length === 0 && (
            <p className="muted menu-empty">{t('choose.noMatch', { filter })}</p>
          )}
        </div>
        <div role="separator" className="menu-separator" />
        <button
          type="button"
          role="menuitem"
          className="add-profile"
          tabIndex={focused === shown.length ? 0 : -1}
          onClick={onAdd}
          onFocus={() => setFocused(shown.length)}
        >
          {t('switcher.addAnother')}
        </button>
      </div>
    </div>
  );
}
