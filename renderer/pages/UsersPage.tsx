import { useDeferredValue, useId, useState } from 'react';
import type { User, UserOrder } from '../../electron/ipc/contract';
import { useUsers } from '../api/users';
import { hrefFor } from '../app/router';
import { Empty, ErrorState, Loading } from '../components/States';
import { ProfileRow } from '../components/ProfileRow';
import { useTranslation } from '../i18n/index';

/** Every local profile, sorted A→Z or Z→A, filtered by what the username starts with. */
export function UsersPage({ activeUser }: { activeUser: User }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<UserOrder>('asc');
  const [prefix, setPrefix] = useState('');
  // Typing stays responsive; the query follows the settled text.
  const query = useDeferredValue(prefix.trim());
  const users = useUsers(order, query);
  const filterId = useId();

  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title" className="page-title">
        {t('users.title')}
      </h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={filterId}>{t('users.startsWith')}</label>
          <input
            id={filterId}
            type="search"
            value={prefix}
            placeholder={t('users.placeholder')}
            onChange={(event) => setPrefix(event.target.value)}
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
        <Empty>{query ? t('users.noMatch', { prefix: query }) : t('users.none')}</Empty>
      )}
      {users.data && users.data.length > 0 && (
        <ul className="user-list" aria-label={t('users.profiles')}>
          {users.data.map((user) => (
            <ProfileRow
              key={user.id}
              user={user}
              action={{ href: hrefFor({ name: 'profile', username: user.username }) }}
              avatar
              email
              activeBadge={user.id === activeUser.id ? t('users.you') : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
