import { useState } from 'react';
import { useAppEvent } from '../api/data';
import { navigate } from '../app/router';
import { useTranslation } from '../i18n/index';

/**
 * Says so when the integrity check that runs after a quick start finds the data file damaged
 * (a failing disk changed it while nothing was looking), and offers the backups. It stays until
 * dismissed; the next start checks the whole file again and offers them too.
 */
export function DamageNotice() {
  const { t } = useTranslation();
  const [damaged, setDamaged] = useState(false);
  useAppEvent('db:damaged', () => setDamaged(true));
  if (!damaged) return null;
  return (
    <div className="damage-notice" role="alert">
      <p>{t('damage.message')}</p>
      <div className="actions">
        <button type="button" onClick={() => navigate({ name: 'settings', tab: 'data' })}>
          {t('damage.showBackups')}
        </button>
        <button type="button" className="secondary" onClick={() => setDamaged(false)}>
          {t('damage.notNow')}
        </button>
      </div>
    </div>
  );
}
