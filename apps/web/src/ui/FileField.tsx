// A file input whose button and "no file" text follow the UI language (the native ones follow the browser's).
// The real <input type=file> stays in the page, focusable and named by the field label, for keyboards,
// screen readers and tests; the visible button is its second label.
import type { ChangeEvent, ComponentPropsWithRef, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function FileField({
  label,
  hint,
  onChange,
  ...input
}: { label: ReactNode; hint?: ReactNode } & Omit<ComponentPropsWithRef<'input'>, 'type'>) {
  const { t } = useTranslation();
  const id = useId();
  const [fileName, setFileName] = useState<string | null>(null);

  const change = (event: ChangeEvent<HTMLInputElement>) => {
    setFileName(event.target.files?.[0]?.name ?? null);
    onChange?.(event);
  };

  return (
    <div className="field">
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="file-picker">
        <input
          id={id}
          type="file"
          className="file-input"
          aria-labelledby={`${id}-label`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={change}
          {...input}
        />
        <label htmlFor={id} className="button button-secondary button-small" aria-hidden="true">
          {t('common.chooseFile')}
        </label>
        <span className={fileName ? 'file-name' : 'file-name muted'}>{fileName ?? t('common.noFile')}</span>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
