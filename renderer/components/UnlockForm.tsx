import { useState, type FormEvent } from 'react';
import type { User } from '../../electron/ipc/contract';
import { useUnlock } from '../api/session';
import { toFieldErrors, type FieldErrors } from './field-errors';
import { TextField } from './TextField';
import { FormFooter } from './FormFooter';

/** Asks for a profile's password; main checks it and makes the profile active. */
export function UnlockForm({
  user,
  onUnlocked,
  onCancel,
}: {
  user: User;
  onUnlocked?: () => void;
  /** Given in a dialog, where mouse users need a way out besides Escape. */
  onCancel?: () => void;
}) {
  const unlock = useUnlock();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'password'>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    unlock.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => onUnlocked?.(),
        onError: (error) => setErrors(toFieldErrors(error, ['password'] as const)),
      },
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label={`Password for ${user.username}`}
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          setErrors({});
        }}
        error={errors.password}
      />
      <FormFooter
        error={errors.form}
        onCancel={onCancel}
        pending={unlock.isPending}
        label={'Unlock'}
        pendingLabel={'Checking…'}
      />
    </form>
  );
}
