import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';

/** Errors to show next to form fields; `form` is for what belongs to no single field. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

/** Puts a typed IPC error next to the field main names in it (one of `fields`), or at the form's top. */
export function toFieldErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { form: message } as FieldErrors<F>;
  const field = error.field;
  if (field !== undefined && (fields as readonly string[]).includes(field)) {
    return { [field]: message } as FieldErrors<F>;
  }
  return { form: message } as FieldErrors<F>;
}

/** A form's field errors: `clear(field)` when that field is edited, `onError` for a failed call. */
export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  return {
    errors,
    clear: (field: F) => setErrors((e) => ({ ...e, [field]: undefined, form: undefined })),
    onError: (error: unknown) => setErrors(toFieldErrors(error, fields)),
    /** Shows every error at once (the form's own checks before sending). */
    show: (all: FieldErrors<F>) => setErrors(all),
  };
}
