import { useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { ChooserList } from '../components/ChooserList';
import { ProfileForm } from '../components/ProfileForm';
import { Empty, ErrorState, Loading } from '../components/States';
import { UnlockForm } from '../components/UnlockForm';
import { useTranslation } from '../i18n/index';
import { matchesFilter, recentFirst } from '../components/recent-profiles';

/** Picking a profile: a filter over a virtualized list, recent profiles first. */
function Chooser({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const users = useUsers('asc');
  const { choose, unlocking, setUnlocking, error } = useChooseProfile();
  const [filter, setFilter] = useState('');
  if (unlocking) return <Unlock user={unlocking} onBack={() => setUnlocking(null)} />;
  const shown = recentFirst(users.data ?? []).filter((user: User) => matchesFilter(user, filter));
  return (
    <>
      <h1>{t('choose.whoIsPosting')}</h1>
      <input
        className="choose-filter"
        type="search"
        aria-label={t('choose.filter')}
        placeholder={t('choose.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => users.refetch()} />}
      {users.isSuccess && shown.length === 0 && <Empty>{t('choose.noMatch', { filter })}</Empty>}
      <ChooserList users={shown} onChoose={choose} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link" onClick={onAdd}>
        {t('choose.addAnother')}
      </button>
    </>
  );
}

function Unlock({ user, onBack }: { user: User; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('choose.welcomeBack', { username: user.username })}</h1>
      <UnlockForm key={user.id} user={user} />
      <button type="button" className="link" onClick={onBack}>
        {t('choose.useAnother')}
      </button>
    </>
  );
}

/**
 * Shown when no profile is active yet, or the active one is locked (after a restart, a
 * password profile asks for its password again).
 */
export function ChooseProfilePage({ locked }: { locked: User | null }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [unlocking, setUnlocking] = useState(locked);
  return (
    <main className="welcome">
      <div className="card">
        {unlocking ? (
          <Unlock user={unlocking} onBack={() => setUnlocking(null)} />
        ) : adding ? (
          <>
            <h1>{t('choose.addTitle')}</h1>
            <ProfileForm submitLabel={t('profileForm.create')} />
            <button type="button" className="link" onClick={() => setAdding(false)}>
              {t('choose.backToProfiles')}
            </button>
          </>
        ) : (
          <Chooser onAdd={() => setAdding(true)} />
        )}
      </div>
    </main>
  );
}
