import { ApiError, errorMessage } from '../api/client';

/** Errors to show next to form fields; `form` is for what belongs to no single field. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

/** Codes that always belong to one field, whatever `field` the error carries. */
const FIELD_OF_CODE: Record<string, string> = {
  USERNAME_TAKEN: 'username',
  EMAIL_TAKEN: 'email',
  WRONG_PASSWORD: 'password',
};

/** Puts a typed IPC error next to the field it is about, or at the form's top. */
export function toFieldErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { form: message } as FieldErrors<F>;
  const field = FIELD_OF_CODE[error.code] ?? error.field;
  if (field !== undefined && (fields as readonly string[]).includes(field)) {
    return { [field]: message } as FieldErrors<F>;
  }
  return { form: message } as FieldErrors<F>;
}
