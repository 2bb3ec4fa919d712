import { useId, useState } from 'react';
import type { User } from '../../../electron/ipc/contract';
import { useAccountStatus } from '../../api/accounts';
import { ErrorState, Loading } from '../../components/States';
import { useTranslation } from '../../i18n/index';
import { LinkedAccount } from './LinkedAccount';
import { SignInForm } from './SignInForm';

/**
 * Settings → Accounts: link the active profile to an AT Protocol account (Bluesky or a
 * self-hosted PDS), then see what waits to be published, publish the earlier posts, bring the
 * account's posts back, or unlink.
 */
export function AccountsPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const status = useAccountStatus(user.id);
  const headingId = useId();
  const [unlinkedFrom, setUnlinkedFrom] = useState<string | null>(null);
  const current = status.data;

  return (
    <section className="card settings-card accounts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.accounts.title')}</h2>
      {status.isPending && <Loading />}
      {status.isError && <ErrorState error={status.error} onRetry={() => status.refetch()} />}
      {current?.linked && (
        <LinkedAccount
          userId={user.id}
          status={{ ...current, linked: current.linked }}
          onUnlinked={(handle) => setUnlinkedFrom(handle)}
        />
      )}
      {current && !current.linked && (
        <>
          <p className="hint">{t('settings.accounts.intro')}</p>
          <p className="hint">{t('settings.accounts.introOffline')}</p>
          <SignInForm userId={user.id} submitLabel={t('settings.accounts.link')} />
        </>
      )}
      <div role="status" aria-live="polite">
        {current && !current.linked && unlinkedFrom && (
          <p className="done-note">{t('settings.accounts.unlinked', { handle: unlinkedFrom })}</p>
        )}
      </div>
    </section>
  );
}
