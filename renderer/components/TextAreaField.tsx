import type { TextareaHTMLAttributes } from 'react';
import { useFieldIds } from './TextField';

interface Props extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** TextField for several lines (about me): the same label, hint and announced error. */
export function TextAreaField({ label, hint, error, ...textarea }: Props) {
  const { id, hintId, errorId, showHint, described } = useFieldIds(hint, error);
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...textarea}
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
