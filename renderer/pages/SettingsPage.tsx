import type { User } from '../../electron/ipc/contract';
import { useDataOverview } from '../api/data';
import { hrefFor, type SettingsTab } from '../app/router';
import { useTranslation } from '../i18n/index';
import { AboutPanel } from './settings/AboutPanel';
import { AccountsPanel } from './settings/AccountsPanel';
import { BackupsPanel } from './settings/BackupsPanel';
import { ExportImportPanel } from './settings/ExportImportPanel';
import { GeneralPanel } from './settings/GeneralPanel';

const TABS: { tab: SettingsTab; key: string }[] = [
  { tab: 'general', key: 'settings.general' },
  { tab: 'data', key: 'settings.data' },
  { tab: 'accounts', key: 'settings.accounts.tab' },
  { tab: 'about', key: 'settings.about' },
];

/** Settings, one page in sections: General (language, theme), Data (export, import, backups), Accounts and About. */
export function SettingsPage({ tab, user }: { tab: SettingsTab; user: User }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title" className="page-title">
        {t('settings.title')}
      </h1>
      <nav className="segmented tabs" aria-label={t('settings.sections')}>
        {TABS.map((item) => (
          <a
            key={item.tab}
            href={hrefFor({ name: 'settings', tab: item.tab })}
            aria-current={item.tab === tab ? 'page' : undefined}
          >
            {t(item.key)}
          </a>
        ))}
      </nav>
      {tab === 'general' && <GeneralPanel />}
      {tab === 'data' && <DataSection user={user} />}
      {tab === 'accounts' && <AccountsPanel user={user} />}
      {tab === 'about' && <AboutPanel />}
    </section>
  );
}

/** The overview is asked for only while Data is shown. */
function DataSection({ user }: { user: User }) {
  const overview = useDataOverview();
  return (
    <>
      <ExportImportPanel user={user} overview={overview.data} />
      <BackupsPanel overview={overview} />
    </>
  );
}
