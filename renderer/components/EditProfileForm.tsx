import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  ABOUT_ME_MAX,
  DISPLAY_NAME_MAX,
  countGraphemes,
  profileEditProblems,
  type ProfileEdit,
  type UserProfile,
} from '../../electron/ipc/contract';
import { useUpdateProfile } from '../api/profiles';
import { ApiError, errorMessage, localize } from '../api/client';
import { useTranslation } from '../i18n/index';
import { type FieldErrors, useFieldErrors } from './field-errors';
import { FormFooter } from './FormFooter';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

const FIELDS = ['username', 'displayName', 'aboutMe', 'email'] as const;
type Field = (typeof FIELDS)[number];

/** Focuses the first field (in form order) that has an error, so keyboard and screen reader users land on it. */
function focusFirst(form: HTMLFormElement | null, errors: FieldErrors<Field>): void {
  const first = FIELDS.find((field) => errors[field]);
  if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}

/**
 * Edits the active profile's own fields in one form. The rules run here first, so every
 * problem shows at once; main checks them again and adds what only it knows (a taken name).
 */
export function EditProfileForm({
  profile,
  onDone,
}: {
  profile: UserProfile;
  onDone: (username: string) => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, clear, show } = useFieldErrors(FIELDS);
  const [values, setValues] = useState<ProfileEdit>({
    username: profile.username,
    displayName: profile.displayName ?? '',
    aboutMe: profile.aboutMe ?? '',
    email: profile.email ?? '',
  });
  const update = useUpdateProfile();

  /** What every field of the form takes from its name: its value, its change and its error. */
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      clear(field);
    },
    error: errors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, username: values.username.trim(), email: values.email.trim() };
    const problems = profileEditProblems(input);
    if (Object.keys(problems).length > 0) {
      const shown = Object.fromEntries(
        Object.entries(problems).map(([field, text]) => [field, localize(String(text))]),
      ) as FieldErrors<Field>;
      show(shown);
      focusFirst(formRef.current, shown);
      return;
    }
    update.mutate(
      { userId: profile.id, ...input },
      {
        onSuccess: (user) => onDone(user.username),
        onError: (error) => {
          const field = error instanceof ApiError ? error.field : undefined;
          const all: FieldErrors<Field> = FIELDS.includes(field as Field)
            ? { [field as Field]: errorMessage(error) }
            : { form: errorMessage(error) };
          show(all);
          focusFirst(formRef.current, all);
        },
      },
    );
  };

  const left = (text: string, max: number) => t('editProfile.left', { count: countGraphemes(text), max });
  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label={t('profile.edit')}>
      <TextField
        label={t('profileForm.username')}
        autoComplete="username"
        hint={t('profileForm.usernameHint')}
        {...bind('username')}
      />
      <TextField
        label={t('editProfile.displayName')}
        autoComplete="name"
        hint={`${t('editProfile.displayNameHint')} ${left(values.displayName, DISPLAY_NAME_MAX)}`}
        {...bind('displayName')}
      />
      <TextAreaField
        label={t('editProfile.aboutMe')}
        rows={4}
        hint={left(values.aboutMe, ABOUT_ME_MAX)}
        {...bind('aboutMe')}
      />
      <TextField label={t('profileForm.email')} type="email" autoComplete="email" {...bind('email')} />
      <FormFooter
        error={errors.form}
        onCancel={() => onDone(profile.username)}
        pending={update.isPending}
        label={t('editProfile.save')}
        pendingLabel={t('editProfile.saving')}
      />
    </form>
  );
}
