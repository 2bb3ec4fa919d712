import type { AccountStatus } from '../../../electron/ipc/contract';
import { errorMessage } from '../../api/client';
import { usePublishEarlier, useUnlink } from '../../api/accounts';
import { ConfirmDialog } from '../../components/Dialog';
import { useTranslation } from '../../i18n/index';

type Linked = NonNullable<AccountStatus['linked']>;

/** Asks before the posts from before the link go public, naming how many and as whom. */
export function PublishEarlierDialog(props: {
  userId: number;
  linked: Linked;
  count: number;
  onDone: (queued: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const publish = usePublishEarlier(props.userId);
  return (
    <ConfirmDialog
      title={t('settings.accounts.publishTitle', { count: props.count })}
      message={t('settings.accounts.publishMessage', { count: props.count, handle: props.linked.handle })}
      confirmLabel={t('settings.accounts.publishConfirm', { count: props.count })}
      pendingLabel={t('settings.accounts.publishing')}
      pending={publish.isPending}
      error={publish.error ? errorMessage(publish.error) : undefined}
      onCancel={props.onCancel}
      onConfirm={() => publish.mutate(undefined, { onSuccess: ({ queued }) => props.onDone(queued) })}
    />
  );
}

/** Asks before unlinking, saying what stays here, what stays public and what will not go out. */
export function UnlinkDialog(props: {
  userId: number;
  linked: Linked;
  pending: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const unlink = useUnlink(props.userId);
  const message = [
    t('settings.accounts.unlinkStays'),
    t('settings.accounts.unlinkPublic', { handle: props.linked.handle }),
    props.pending > 0 ? t('settings.accounts.unlinkPending', { count: props.pending }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ConfirmDialog
      title={t('settings.accounts.unlinkTitle', { handle: props.linked.handle })}
      message={message}
      confirmLabel={t('settings.accounts.unlinkConfirm')}
      pendingLabel={t('settings.accounts.unlinking')}
      pending={unlink.isPending}
      error={unlink.error ? errorMessage(unlink.error) : undefined}
      onCancel={props.onCancel}
      onConfirm={() => unlink.mutate(undefined, { onSuccess: props.onDone })}
    />
  );
}
