import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, passwordProblem, type User } from '../../electron/ipc/contract';
import { localize } from '../api/client';
import { useSetPassword } from '../api/profiles';
import { useTranslation } from '../i18n/index';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Sets a first password, or changes or removes the current one. Changing and removing need the
 * current password, which main checks under the same attempt delay as unlocking.
 */
export function PasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, clear, onError, show } = useFieldErrors(FIELDS);
  const save = useSetPassword();

  const send = (newPassword: string | null) => {
    setDone(null);
    const rule = newPassword === null ? null : passwordProblem(newPassword);
    const problem = rule && localize(rule);
    const missing = user.hasPassword && current === '' ? t('password.enterCurrent') : null;
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
          setDone(newPassword === null ? t('password.removed') : t('password.saved'));
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
    <form className="stack" onSubmit={submit} noValidate aria-label={t('password.label')}>
      {user.hasPassword && (
        <TextField
          name="currentPassword"
          label={t('password.current')}
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
        label={user.hasPassword ? t('password.new') : t('profile.passwordHeading')}
        type="password"
        autoComplete="new-password"
        hint={t('password.hint', { min: PASSWORD_MIN })}
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
            {t('password.remove')}
          </button>
        )}
        <button type="submit" disabled={save.isPending}>
          {user.hasPassword ? t('password.change') : t('password.set')}
        </button>
      </div>
    </form>
  );
}
