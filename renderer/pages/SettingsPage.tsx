import type { User } from '../../electron/ipc/contract';
import { useDataOverview } from '../api/data';
import { hrefFor, type SettingsTab } from '../app/router';
import { AboutPanel } from './settings/AboutPanel';
import { BackupsPanel } from './settings/BackupsPanel';
import { ExportImportPanel } from './settings/ExportImportPanel';

const TABS: { tab: SettingsTab; label: string }[] = [
  { tab: 'data', label: 'Data' },
  { tab: 'about', label: 'About' },
];

/** Settings: Data (export, import, backups) and About. */
export function SettingsPage({ tab, user }: { tab: SettingsTab; user: User }) {
  const overview = useDataOverview();
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title" className="page-title">
        Settings
      </h1>
      <nav className="segmented tabs" aria-label="Settings">
        {TABS.map((item) => (
          <a
            key={item.tab}
            href={hrefFor({ name: 'settings', tab: item.tab })}
            aria-current={item.tab === tab ? 'page' : undefined}
          >
            {item.label}
          </a>
        ))}
      </nav>
      {tab === 'data' && (
        <>
          <ExportImportPanel user={user} overview={overview.data} />
          <BackupsPanel overview={overview} />
        </>
      )}
      {tab === 'about' && <AboutPanel />}
    </section>
  );
}
