import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN } from '../../electron/ipc/contract';
import { useCreateProfile } from '../api/users';
import { useFieldErrors } from './field-errors';
import { TextField } from './TextField';
import { FormFooter, type CancellableForm } from './FormFooter';
import { useTranslation } from '../i18n/index';
import type { TFunction } from 'i18next';

const FIELDS = ['username', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Each field's input, in the order shown, worded in the current language. */
function inputs(t: TFunction): Record<Field, Omit<Parameters<typeof TextField>[0], 'name'>> {
  return {
    username: {
      label: t('profileForm.username'),
      autoComplete: 'username',
      autoFocus: true,
      hint: t('profileForm.usernameHint'),
    },
    email: { label: t('profileForm.email'), type: 'email', autoComplete: 'email' },
    password: {
      label: t('profileForm.password'),
      type: 'password',
      autoComplete: 'new-password',
      hint: t('profileForm.passwordHint', { min: PASSWORD_MIN }),
    },
  };
}

/** Creates a profile; every rule is checked in main and its error shown on the field it concerns. */
export function ProfileForm({
  submitLabel,
  onCreated,
  onCancel,
}: CancellableForm & { submitLabel: string; onCreated?: () => void }) {
  const { t } = useTranslation();
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
          {...inputs(t)[field]}
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
        pendingLabel={t('profileForm.creating')}
      />
    </form>
  );
}
