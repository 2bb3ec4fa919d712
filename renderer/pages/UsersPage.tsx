import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useLayoutEffect, useRef, useState } from 'react';
import type { DirectoryUser, User, UserOrder } from '../../electron/ipc/contract';
import { useDirectory } from '../api/search';
import { hrefFor } from '../app/router';
import { FollowButton } from '../components/FollowButton';
import { Avatar } from '../components/Avatar';
import { Empty, ErrorState, Loading } from '../components/States';
import { useTranslation } from '../i18n/index';

/** Every local profile in natural order (sam9 before sam79), filtered by part of a username or email. */
export function UsersPage({ activeUser }: { activeUser: User }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<UserOrder>('asc');
  const [text, setText] = useState('');
  // Typing stays responsive; the query follows the settled text.
  const query = useDeferredValue(text.trim());
  const users = useDirectory(query, order, activeUser.id);
  const filterId = useId();

  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title" className="page-title">
        {t('users.title')}
      </h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={filterId}>{t('users.find')}</label>
          <input
            id={filterId}
            type="search"
            value={text}
            placeholder={t('users.placeholder')}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="segmented" role="group" aria-label={t('users.sortBy')}>
          <button type="button" aria-pressed={order === 'asc'} onClick={() => setOrder('asc')}>
            {t('users.asc')}
          </button>
          <button type="button" aria-pressed={order === 'desc'} onClick={() => setOrder('desc')}>
            {t('users.desc')}
          </button>
        </div>
      </div>
      {users.isPending && <Loading label={t('users.loading')} />}
      {users.isError && <ErrorState error={users.error} onRetry={() => users.refetch()} />}
      {users.data && users.data.length === 0 && (
        <Empty>{query ? t('users.noMatch', { query }) : t('users.none')}</Empty>
      )}
      {users.data && users.data.length > 0 && <VirtualUsers users={users.data} activeUser={activeUser} />}
    </section>
  );
}

/** Only the rows on screen are in the page, so a directory of thousands scrolls smoothly. */
function VirtualUsers({ users, activeUser }: { users: DirectoryUser[]; activeUser: User }) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: users.length,
    estimateSize: () => 56,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (index) => users[index]?.id ?? index,
  });
  return (
    <ul
      ref={listRef}
      className="user-list virtual"
      aria-label={t('users.profiles')}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const user = users[row.index];
        if (!user) return null;
        return (
          <li
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="user-row"
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
          >
            <a
              href={hrefFor({ name: 'profile', username: user.username })}
              aria-current={user.id === activeUser.id || undefined}
            >
              <Avatar name={user.username} small />
              <span className="username truncate" title={user.username}>
                {user.username}
              </span>
              <span className="muted email truncate" title={user.email}>
                {user.email}
              </span>
              {user.hasPassword && <span className="badge">{t('users.password')}</span>}
              {user.id === activeUser.id && <span className="badge accent">{t('users.you')}</span>}
            </a>
            <FollowButton profile={user} activeUser={activeUser} following={user.followed} />
          </li>
        );
      })}
    </ul>
  );
}
