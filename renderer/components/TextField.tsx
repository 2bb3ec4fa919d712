import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What a labelled field shows around its control. */
export interface FieldFrame {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** The attributes that tie a control to its label, hint and error. */
export interface FieldAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and announced error around one control (an input or a textarea), tied to it
 * with aria-describedby; `children` renders the control with the attributes it is given.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: FieldFrame & { children: (aria: FieldAria) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // An error restates the rule in its own words, so the hint steps aside while it shows.
  const showHint = Boolean(hint) && !error;
  const described = [showHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {showHint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({
  label,
  hint,
  error,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(aria) => <input {...aria} {...input} />}
    </Field>
  );
}
