import { useRef, useState, type FormEvent } from 'react';
import { pdsUrlProblem } from '../../../electron/ipc/contract';
import { ApiError, errorMessage } from '../../api/client';
import { useSignIn, type SignInInput } from '../../api/accounts';
import { type FieldErrors, useFieldErrors } from '../../components/field-errors';
import { TextField } from '../../components/TextField';
import { useTranslation } from '../../i18n/index';

const FIELDS = ['identifier', 'appPassword', 'pdsUrl'] as const;
type Field = (typeof FIELDS)[number];

/** Main names a wrong app password `password` (its own word for the secret): it belongs here. */
const MAIN_FIELDS: Record<string, Field> = { password: 'appPassword' };

/** Main's error on the field it names, the form's top for the rest. */
function fieldErrorsOf(error: unknown): FieldErrors<Field> {
  const message = errorMessage(error);
  const named = error instanceof ApiError ? error.field : undefined;
  const field = named === undefined ? undefined : (MAIN_FIELDS[named] ?? named);
  return (FIELDS as readonly string[]).includes(field ?? '')
    ? { [field as Field]: message }
    : { form: message };
}

/** Focuses the first field with an error, in the form's order, so a keyboard user lands on it. */
function focusFirst(form: HTMLFormElement | null, errors: FieldErrors<Field>): void {
  const first = FIELDS.find((field) => errors[field]);
  if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}

/**
 * Signs the profile in with a handle (or DID) and an app password, on a server of its own when
 * one is entered. Every rule is checked here first, so all errors show at once; main then adds
 * what only the server knows (a wrong password, an address that does not answer).
 */
export function SignInForm(props: { userId: number; handle?: string; server?: string; submitLabel: string }) {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState(props.handle ?? '');
  const [appPassword, setAppPassword] = useState('');
  const [server, setServer] = useState(props.server ?? '');
  const { errors, clear, show } = useFieldErrors(FIELDS);
  const signIn = useSignIn(props.userId);
  const formRef = useRef<HTMLFormElement>(null);

  const problems = (): FieldErrors<Field> => {
    const handle = identifier.trim();
    const address = server.trim();
    const found: FieldErrors<Field> = {};
    if (handle === '') found.identifier = t('settings.accounts.enterHandle');
    else if (/\s/.test(handle)) found.identifier = t('settings.accounts.handleSpaces');
    if (appPassword === '') found.appPassword = t('settings.accounts.enterAppPassword');
    if (address !== '' && pdsUrlProblem(address) !== null)
      found.pdsUrl = t('settings.accounts.serverInvalid');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problems();
    if (Object.keys(found).length > 0) {
      show(found);
      focusFirst(formRef.current, found);
      return;
    }
    // Without a network the server cannot be asked; say so rather than wait for a timeout.
    if (!navigator.onLine) return show({ form: t('settings.accounts.offline') });
    const input: SignInInput = { identifier: identifier.trim(), appPassword };
    if (server.trim() !== '') input.pdsUrl = server.trim();
    signIn.mutate(input, {
      onSuccess: () => setAppPassword(''),
      onError: (error) => {
        const shown = fieldErrorsOf(error);
        show(shown);
        focusFirst(formRef.current, shown);
      },
    });
  };

  const edit = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value);
    clear(field);
  };

  return (
    <form
      ref={formRef}
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={t('settings.accounts.signInForm')}
      aria-busy={signIn.isPending}
    >
      <TextField
        name="identifier"
        label={t('settings.accounts.handle')}
        hint={t('settings.accounts.handleHint')}
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="off"
        value={identifier}
        onChange={(e) => edit('identifier', setIdentifier)(e.target.value)}
        error={errors.identifier}
      />
      <TextField
        name="appPassword"
        type="password"
        label={t('settings.accounts.appPassword')}
        hint={t('settings.accounts.appPasswordHint')}
        autoComplete="current-password"
        value={appPassword}
        onChange={(e) => edit('appPassword', setAppPassword)(e.target.value)}
        error={errors.appPassword}
      />
      <TextField
        name="pdsUrl"
        type="url"
        inputMode="url"
        label={t('settings.accounts.server')}
        hint={t('settings.accounts.serverHint')}
        spellCheck={false}
        autoCapitalize="off"
        value={server}
        onChange={(e) => edit('pdsUrl', setServer)(e.target.value)}
        error={errors.pdsUrl}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions start">
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('settings.accounts.signingIn') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
