import { useState } from 'react';
import type { AccountStatus, ImportSummary } from '../../../electron/ipc/contract';
import { errorMessage, localize } from '../../api/client';
import { useImportPosts } from '../../api/accounts';
import { currentLanguage, i18n, useTranslation } from '../../i18n/index';
import { PublishEarlierDialog, UnlinkDialog } from './AccountDialogs';
import { SignInForm } from './SignInForm';

type Linked = NonNullable<AccountStatus['linked']>;

/** The linked account: who and where, what waits, sign in again when asked, and the account's actions. */
export function LinkedAccount(props: {
  userId: number;
  status: AccountStatus & { linked: Linked };
  onUnlinked: (handle: string) => void;
}) {
  const { userId, status } = props;
  const { linked } = status;
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'publish' | 'unlink' | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const bringBack = useImportPosts(userId);

  return (
    <>
      <dl className="facts">
        <dt>{t('settings.accounts.handleLabel')}</dt>
        <dd>@{linked.handle}</dd>
        <dt>{t('settings.accounts.did')}</dt>
        <dd className="path">{linked.did}</dd>
        <dt>{t('settings.accounts.serverLabel')}</dt>
        <dd className="path">{linked.pdsUrl}</dd>
      </dl>
      <div className="account-block">
        <p>
          {status.pending > 0
            ? t('settings.accounts.pending', { count: status.pending })
            : t('settings.accounts.allPublished')}
        </p>
        {status.earlier > 0 && (
          <button type="button" onClick={() => setAsking('publish')}>
            {t('settings.accounts.publishEarlier', { count: status.earlier })}
          </button>
        )}
        <div role="status" aria-live="polite">
          {queued !== null && <p className="done-note">{t('settings.accounts.queued', { count: queued })}</p>}
        </div>
      </div>
      {status.signInNeeded && (
        <div className="account-block sign-in-again">
          <p className="form-error" role="alert">
            {signInSentence(status.signInNeeded)}
          </p>
          <SignInForm
            userId={userId}
            handle={linked.handle}
            server={linked.pdsUrl}
            submitLabel={t('settings.accounts.signInAgain')}
          />
        </div>
      )}
      <div className="account-block">
        <p className="hint">{t('settings.accounts.bringBackHint')}</p>
        <button
          type="button"
          className="secondary"
          disabled={bringBack.isPending}
          onClick={() => bringBack.mutate()}
        >
          {bringBack.isPending ? t('settings.accounts.bringingBack') : t('settings.accounts.bringBack')}
        </button>
        <div role="status" aria-live="polite">
          {bringBack.data && <p className="done-note">{importSentence(bringBack.data)}</p>}
        </div>
        {bringBack.error && (
          <p className="form-error" role="alert">
            {errorMessage(bringBack.error)}
          </p>
        )}
      </div>
      <div className="account-block">
        <button type="button" className="secondary" onClick={() => setAsking('unlink')}>
          {t('settings.accounts.unlink')}
        </button>
      </div>
      {asking === 'publish' && (
        <PublishEarlierDialog
          userId={userId}
          linked={linked}
          count={status.earlier}
          onCancel={() => setAsking(null)}
          onDone={(count) => {
            setAsking(null);
            setQueued(count);
          }}
        />
      )}
      {asking === 'unlink' && (
        <UnlinkDialog
          userId={userId}
          linked={linked}
          pending={status.pending}
          onCancel={() => setAsking(null)}
          onDone={() => props.onUnlinked(linked.handle)}
        />
      )}
    </>
  );
}

/** "3 posts added, 5 already here, 1 skipped": each part only when it happened, or "Nothing new to bring back." */
function importSentence(done: ImportSummary): string {
  const parts = [
    done.added > 0 ? i18n.t('settings.accounts.added', { count: done.added }) : null,
    done.known > 0 ? i18n.t('settings.accounts.known', { count: done.known }) : null,
    done.skipped > 0 ? i18n.t('settings.accounts.skipped', { count: done.skipped }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return i18n.t('settings.accounts.nothingToBringBack');
  return i18n.t('settings.accounts.broughtBack', { parts: parts.join(', ') });
}

/**
 * Main's reason for asking to sign in again, in English as main said it; in another language the
 * catalog's sentence unless main's is one the catalog knows (as `errorMessage` does for errors).
 */
function signInSentence(fromMain: string): string {
  const localized = localize(fromMain);
  if (currentLanguage() === 'en' || localized !== fromMain) return localized;
  return i18n.t('settings.accounts.signInNeeded');
}
