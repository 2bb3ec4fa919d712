import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldFrame } from './TextField';

/** TextField for several lines (about me): the same label, hint and announced error. */
export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(aria) => <textarea {...aria} {...textarea} />}
    </Field>
  );
}
