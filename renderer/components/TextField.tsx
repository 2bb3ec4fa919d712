import { useId, type InputHTMLAttributes } from 'react';

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** The ids and aria-describedby of a labelled field, shared by TextField and TextAreaField. */
export function useFieldIds(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // An error restates the rule in its own words, so the hint steps aside while it shows.
  const showHint = Boolean(hint) && !error;
  const described = [showHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return { id, hintId, errorId, showHint, described };
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, hint, error, ...input }: Props) {
  const { id, hintId, errorId, showHint, described } = useFieldIds(hint, error);
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
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
