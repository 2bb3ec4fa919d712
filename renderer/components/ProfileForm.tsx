import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../electron/ipc/contract';
import { useCreateProfile } from '../api/users';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';
import { FormFooter, type CancellableForm } from './FormFooter';

const FIELDS = ['username', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Each field's input, in the order shown. */
const INPUTS: Record<Field, Omit<Parameters<typeof TextField>[0], 'name'>> = {
  username: {
    label: 'Username',
    autoComplete: 'username',
    autoFocus: true,
    hint: 'Letters, digits, “_”, “.” and “-”.',
  },
  email: { label: 'Email (optional)', type: 'email', autoComplete: 'email' },
  password: {
    label: 'Password (optional)',
    type: 'password',
    autoComplete: 'new-password',
    hint: `Leave empty for no password, or use at least ${PASSWORD_MIN} characters.`,
  },
};

/** Creates a profile; every rule is checked in main and its error shown on the field it concerns. */
export function ProfileForm({
  submitLabel,
  onCreated,
  onCancel,
}: CancellableForm & { submitLabel: string; onCreated?: () => void }) {
  const { errors, clear, onError } = useFieldErrors(FIELDS);
  const [values, setValues] = useState({ username: '', email: '', password: '' });
  const create = useCreateProfile();

  const change = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      username: values.username.trim(),
      email: values.email.trim(),
      password: values.password || null,
    };
    create.mutate(input, { onSuccess: () => onCreated?.(), onError });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          name={field}
          {...INPUTS[field]}
          value={values[field]}
          onChange={change(field)}
          error={errors[field]}
        />
      ))}
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
