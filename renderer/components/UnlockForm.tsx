import { useState, type FormEvent } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useUnlock } from '../api/session';
import { useTranslation } from '../i18n/index';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';
import { FormFooter, type CancellableForm } from './FormFooter';

/** Asks for a profile's password; main checks it and makes the profile active. */
export function UnlockForm({
  user,
  onUnlocked,
  onCancel,
}: CancellableForm & { user: User; onUnlocked?: () => void }) {
  const { t } = useTranslation();
  const unlock = useUnlock();
  const [password, setPassword] = useState('');
  const { errors, clear, onError } = useFieldErrors(['password'] as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    unlock.mutate({ userId: user.id, password }, { onSuccess: () => onUnlocked?.(), onError });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label={t('unlock.password', { username: user.username })}
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          clear('password');
        }}
        error={errors.password}
      />
      <FormFooter
        error={errors.form}
        onCancel={onCancel}
        pending={unlock.isPending}
        label={t('unlock.unlock')}
        pendingLabel={t('unlock.checking')}
      />
    </form>
  );
}
