import { useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { ProfileForm } from '../components/ProfileForm';
import { ProfileRow } from '../components/ProfileRow';
import { ErrorState, Loading } from '../components/States';
import { UnlockForm } from '../components/UnlockForm';
import { useTranslation } from '../i18n/index';

/**
 * Shown when no profile is active yet, or the active one is locked (after a restart, a
 * password profile asks for its password again).
 */
export function ChooseProfilePage({ locked }: { locked: User | null }) {
  const { t } = useTranslation();
  const users = useUsers('asc');
  const { choose, unlocking, setUnlocking, error: activateError } = useChooseProfile(locked);
  const [adding, setAdding] = useState(false);

  return (
    <main className="welcome">
      <div className="card">
        {unlocking ? (
          <>
            <h1>{t('choose.welcomeBack', { username: unlocking.username })}</h1>
            <UnlockForm key={unlocking.id} user={unlocking} />
            <button type="button" className="link" onClick={() => setUnlocking(null)}>
              {t('choose.useAnother')}
            </button>
          </>
        ) : adding ? (
          <>
            <h1>{t('choose.addTitle')}</h1>
            <ProfileForm submitLabel={t('profileForm.create')} />
            <button type="button" className="link" onClick={() => setAdding(false)}>
              {t('choose.backToProfiles')}
            </button>
          </>
        ) : (
          <>
            <h1>{t('choose.whoIsPosting')}</h1>
            {users.isPending && <Loading />}
            {users.isError && <ErrorState error={users.error} onRetry={() => users.refetch()} />}
            <ul className="choose-list" aria-label={t('users.profiles')}>
              {users.data?.map((user) => (
                <ProfileRow
                  key={user.id}
                  user={user}
                  action={{ onSelect: () => choose(user) }}
                  avatar
                  className="secondary"
                />
              ))}
            </ul>
            {activateError && (
              <p className="form-error" role="alert">
                {activateError}
              </p>
            )}
            <button type="button" className="link" onClick={() => setAdding(true)}>
              {t('choose.addAnother')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
