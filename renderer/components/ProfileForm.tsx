import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../electron/ipc/contract';
import { useCreateProfile } from '../api/users';
import { toFieldErrors, type FieldErrors } from './field-errors';
import { TextField } from './TextField';
import { FormFooter } from './FormFooter';

const FIELDS = ['username', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Creates a profile; every rule is checked in main and its error shown on the field it concerns. */
export function ProfileForm({
  submitLabel,
  onCreated,
  onCancel,
}: {
  submitLabel: string;
  onCreated?: () => void;
  /** Given in a dialog, where mouse users need a way out besides Escape. */
  onCancel?: () => void;
}) {
  const create = useCreateProfile();
  const [values, setValues] = useState({ username: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const change = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      username: values.username.trim(),
      email: values.email.trim(),
      password: values.password || null,
    };
    create.mutate(input, {
      onSuccess: () => onCreated?.(),
      onError: (error) => setErrors(toFieldErrors(error, FIELDS)),
    });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoFocus
        value={values.username}
        onChange={change('username')}
        error={errors.username}
        hint="Letters, digits, “_”, “.” and “-”."
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={change('email')}
        error={errors.email}
      />
      <TextField
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={change('password')}
        error={errors.password}
        hint={`Leave empty for no password, or use at least ${PASSWORD_MIN} characters.`}
      />
      <FormFooter
        error={errors.form}
        onCancel={onCancel}
        pending={create.isPending}
        label={submitLabel}
        pendingLabel={'Creating…'}
      />
    </form>
  );
}
