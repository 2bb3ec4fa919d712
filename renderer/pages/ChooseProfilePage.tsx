import { useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { ProfileForm } from '../components/ProfileForm';
import { ProfileRow } from '../components/ProfileRow';
import { ErrorState, Loading } from '../components/States';
import { UnlockForm } from '../components/UnlockForm';

/**
 * Shown when no profile is active yet, or the active one is locked (after a restart, a
 * password profile asks for its password again).
 */
export function ChooseProfilePage({ locked }: { locked: User | null }) {
  const users = useUsers('asc');
  const { choose, unlocking, setUnlocking, error: activateError } = useChooseProfile(locked);
  const [adding, setAdding] = useState(false);

  return (
    <main className="welcome">
      <div className="card">
        {unlocking ? (
          <>
            <h1>Welcome back, {unlocking.username}</h1>
            <UnlockForm key={unlocking.id} user={unlocking} />
            <button type="button" className="link" onClick={() => setUnlocking(null)}>
              Use another profile
            </button>
          </>
        ) : adding ? (
          <>
            <h1>Add a profile</h1>
            <ProfileForm submitLabel="Create profile" />
            <button type="button" className="link" onClick={() => setAdding(false)}>
              Back to the profiles
            </button>
          </>
        ) : (
          <>
            <h1>Who is posting?</h1>
            {users.isPending && <Loading />}
            {users.isError && <ErrorState error={users.error} onRetry={() => users.refetch()} />}
            <ul className="choose-list" aria-label="Profiles">
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
              Add another profile
            </button>
          </>
        )}
      </div>
    </main>
  );
}
