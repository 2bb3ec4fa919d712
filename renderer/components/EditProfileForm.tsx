import { useRef, useState, type FormEvent } from 'react';
import {
  ABOUT_ME_MAX,
  DISPLAY_NAME_MAX,
  countGraphemes,
  profileEditProblems,
  type ProfileEdit,
  type UserProfile,
} from '../../electron/ipc/contract';
import { useUpdateProfile } from '../api/profiles';
import { ApiError } from '../api/client';
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
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, clear, show } = useFieldErrors(FIELDS);
  const [values, setValues] = useState<ProfileEdit>({
    username: profile.username,
    displayName: profile.displayName ?? '',
    aboutMe: profile.aboutMe ?? '',
    email: profile.email ?? '',
  });
  const update = useUpdateProfile();

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, username: values.username.trim(), email: values.email.trim() };
    const problems = profileEditProblems(input);
    if (Object.keys(problems).length > 0) {
      show(problems);
      focusFirst(formRef.current, problems);
      return;
    }
    update.mutate(
      { userId: profile.id, ...input },
      {
        onSuccess: (user) => onDone(user.username),
        onError: (error) => {
          const field = error instanceof ApiError ? error.field : undefined;
          const all: FieldErrors<Field> = FIELDS.includes(field as Field)
            ? { [field as Field]: error.message }
            : { form: error.message };
          show(all);
          focusFirst(formRef.current, all);
        },
      },
    );
  };

  const left = (text: string, max: number) => `${countGraphemes(text)} of ${max} characters.`;
  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-label="Edit profile">
      <TextField
        name="username"
        label="Username"
        autoComplete="username"
        hint="Letters, digits, “_”, “.” and “-”."
        value={values.username}
        onChange={(e) => set('username', e.target.value)}
        error={errors.username}
      />
      <TextField
        name="displayName"
        label="Display name (optional)"
        autoComplete="name"
        hint={`The name shown above your @username, in any script. ${left(values.displayName, DISPLAY_NAME_MAX)}`}
        value={values.displayName}
        onChange={(e) => set('displayName', e.target.value)}
        error={errors.displayName}
      />
      <TextAreaField
        name="aboutMe"
        label="About me (optional)"
        rows={4}
        hint={left(values.aboutMe, ABOUT_ME_MAX)}
        value={values.aboutMe}
        onChange={(e) => set('aboutMe', e.target.value)}
        error={errors.aboutMe}
      />
      <TextField
        name="email"
        label="Email (optional)"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(e) => set('email', e.target.value)}
        error={errors.email}
      />
      <FormFooter
        error={errors.form}
        onCancel={() => onDone(profile.username)}
        pending={update.isPending}
        label="Save profile"
        pendingLabel="Saving…"
      />
    </form>
  );
}
