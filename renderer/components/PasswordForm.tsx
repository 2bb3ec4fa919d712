import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, passwordProblem, type User } from '../../electron/ipc/contract';
import { useSetPassword } from '../api/profiles';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Sets a first password, or changes or removes the current one. Changing and removing need the
 * current password, which main checks under the same attempt delay as unlocking.
 */
export function PasswordForm({ user }: { user: User }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, clear, onError, show } = useFieldErrors(FIELDS);
  const save = useSetPassword();

  const send = (newPassword: string | null) => {
    setDone(null);
    const problem = newPassword === null ? null : passwordProblem(newPassword);
    const missing = user.hasPassword && current === '' ? 'Enter your current password.' : null;
    if (problem || missing) {
      show({ ...(missing && { currentPassword: missing }), ...(problem && { newPassword: problem }) });
      return;
    }
    save.mutate(
      { userId: user.id, currentPassword: user.hasPassword ? current : null, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setDone(newPassword === null ? 'The password was removed.' : 'The password was saved.');
        },
        onError,
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(next);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Password settings">
      {user.hasPassword && (
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value);
            clear('currentPassword');
          }}
          error={errors.currentPassword}
        />
      )}
      <TextField
        name="newPassword"
        label={user.hasPassword ? 'New password' : 'Password'}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        value={next}
        onChange={(e) => {
          setNext(e.target.value);
          clear('newPassword');
        }}
        error={errors.newPassword}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {done}
      </p>
      {done && <p className="muted">{done}</p>}
      <div className="actions">
        {user.hasPassword && (
          <button type="button" className="secondary" disabled={save.isPending} onClick={() => send(null)}>
            Remove password
          </button>
        )}
        <button type="submit" disabled={save.isPending}>
          {user.hasPassword ? 'Change password' : 'Set password'}
        </button>
      </div>
    </form>
  );
}
