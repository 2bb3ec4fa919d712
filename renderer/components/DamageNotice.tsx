import { useState } from 'react';
import { useAppEvent } from '../api/data';
import { navigate } from '../app/router';

/**
 * Says so when the integrity check that runs after a quick start finds the data file damaged
 * (a failing disk changed it while nothing was looking), and offers the backups. It stays until
 * dismissed; the next start checks the whole file again and offers them too.
 */
export function DamageNotice() {
  const [damaged, setDamaged] = useState(false);
  useAppEvent('db:damaged', () => setDamaged(true));
  if (!damaged) return null;
  return (
    <div className="damage-notice" role="alert">
      <p>
        Microblog found damage in its data file, so some posts or profiles may be missing or wrong. Restoring
        a backup brings back the data as it was when the backup was made.
      </p>
      <div className="actions">
        <button type="button" onClick={() => navigate({ name: 'settings', tab: 'data' })}>
          Show backups
        </button>
        <button type="button" className="secondary" onClick={() => setDamaged(false)}>
          Not now
        </button>
      </div>
    </div>
  );
}
