import { useState } from 'react';
import type { UserProfile } from '../../electron/ipc/contract';
import { useDeleteProfile } from '../api/users';
import { Dialog } from './Dialog';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';

/** "1 post", "1,234 posts". */
export function postsPhrase(count: number): string {
  return count === 1 ? '1 post' : `${count.toLocaleString()} posts`;
}

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
    <Dialog title={`Delete the profile ${profile.username}?`} onClose={props.onCancel}>
      <p>
        {count === 0
          ? 'This profile has no posts. The profile will be deleted for good.'
          : `Its ${postsPhrase(count)} will be deleted with it, for good.`}
      </p>
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
            label={`Password for ${profile.username}`}
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
            Cancel
          </button>
          <button type="submit" className="danger" disabled={remove.isPending}>
            {remove.isPending
              ? 'Deleting…'
              : count === 0
                ? 'Delete profile'
                : `Delete profile and ${postsPhrase(count)}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
