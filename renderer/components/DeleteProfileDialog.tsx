import { useState } from 'react';
import type { UserProfile } from '../../electron/ipc/contract';
import { useDeleteProfile } from '../api/users';
import { Dialog } from './Dialog';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';
import { useTranslation } from '../i18n/index';

/**
 * Deleting your own profile: names how many posts go with it, and for a protected profile asks
 * for its password right here (main checks it in the same call as the delete).
 */
export function DeleteProfileDialog(props: {
  profile: UserProfile;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const { profile } = props;
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { errors, clear, onError } = useFieldErrors(['password'] as const);
  const remove = useDeleteProfile();
  const count = profile.postCount;
  const confirm = () =>
    // mutateAsync, not mutate's callbacks: deleting the active profile unmounts this page first.
    remove
      .mutateAsync({ userId: profile.id, ...(profile.hasPassword && { password }) })
      .then(props.onDeleted, onError);

  return (
    <Dialog title={t('profile.deleteTitle', { username: profile.username })} onClose={props.onCancel}>
      <p>{count === 0 ? t('profile.deleteNoPosts') : t('profile.deleteWithPosts', { count })}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        {profile.hasPassword && (
          <TextField
            name="password"
            label={t('unlock.password', { username: profile.username })}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              clear('password');
            }}
            error={errors.password}
          />
        )}
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={props.onCancel} autoFocus>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="danger" disabled={remove.isPending}>
            {remove.isPending
              ? t('dialog.deleting')
              : count === 0
                ? t('profile.confirmNoPosts')
                : t('profile.confirmWithPosts', { count })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
