// Labelled form controls: each input gets a visible label, an optional hint and its error, wired with aria.
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useId } from 'react';
import { useMessage } from './useMessage';

interface FieldShell {
  label: ReactNode;
  hint?: ReactNode;
  /** A translation key or plain text. */
  error?: string | undefined;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldNotes({ id, hint, error }: { id: string; hint: ReactNode; error: string | undefined }) {
  const message = useMessage();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {message(error)}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, hint, error, className, ...input }: FieldShell & ComponentPropsWithRef<'input'>) {
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  ...select
}: FieldShell & ComponentPropsWithRef<'select'>) {
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({ label, hint, error, className, ...input }: FieldShell & ComponentPropsWithRef<'input'>) {
  const id = useId();
  return (
    <div className={['field field-checkbox', className].filter(Boolean).join(' ')}>
      <input id={id} type="checkbox" aria-describedby={describedBy(id, hint, error)} {...input} />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
