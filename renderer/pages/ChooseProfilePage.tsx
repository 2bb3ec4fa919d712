import { useState } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useChooseProfile } from '../api/session';
import { useUsers } from '../api/users';
import { ChooserList } from '../components/ChooserList';
import { ProfileForm } from '../components/ProfileForm';
import { Empty, ErrorState, Loading } from '../components/States';
import { UnlockForm } from '../components/UnlockForm';
import { matchesFilter, recentFirst } from '../components/recent-profiles';

/** Picking a profile: a filter over a virtualized list, recent profiles first. */
function Chooser({ onAdd }: { onAdd: () => void }) {
  const users = useUsers('asc');
  const { choose, unlocking, setUnlocking, error } = useChooseProfile();
  const [filter, setFilter] = useState('');
  if (unlocking) return <Unlock user={unlocking} onBack={() => setUnlocking(null)} />;
  const shown = recentFirst(users.data ?? []).filter((user: User) => matchesFilter(user, filter));
  return (
    <>
      <h1>Who is posting?</h1>
      <input
        className="choose-filter"
        type="search"
        aria-label="Filter profiles"
        placeholder="Filter profiles"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => users.refetch()} />}
      {users.isSuccess && shown.length === 0 && <Empty>No profile matches “{filter}”.</Empty>}
      <ChooserList users={shown} onChoose={choose} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="link" onClick={onAdd}>
        Add another profile
      </button>
    </>
  );
}

function Unlock({ user, onBack }: { user: User; onBack: () => void }) {
  return (
    <>
      <h1>Welcome back, {user.username}</h1>
      <UnlockForm key={user.id} user={user} />
      <button type="button" className="link" onClick={onBack}>
        Use another profile
      </button>
    </>
  );
}

/**
 * Shown when no profile is active yet, or the active one is locked (after a restart, a
 * password profile asks for its password again).
 */
export function ChooseProfilePage({ locked }: { locked: User | null }) {
  const [adding, setAdding] = useState(false);
  const [unlocking, setUnlocking] = useState(locked);
  return (
    <main className="welcome">
      <div className="card">
        {unlocking ? (
          <Unlock user={unlocking} onBack={() => setUnlocking(null)} />
        ) : adding ? (
          <>
            <h1>Add a profile</h1>
            <ProfileForm submitLabel="Create profile" />
            <button type="button" className="link" onClick={() => setAdding(false)}>
              Back to the profiles
            </button>
          </>
        ) : (
          <Chooser onAdd={() => setAdding(true)} />
        )}
      </div>
    </main>
  );
}
