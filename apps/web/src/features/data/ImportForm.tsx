// The admin's upload form: one labelled input per CSV file, the strict option explained, and Import.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui/Field';
import { FileField } from '../../ui/FileField';
import type { ImportFormValues } from './importForm';
import { chosenFiles, emptyImportForm, requiredColumns } from './importForm';
import type { ImportFile } from './importTypes';
import { importFiles } from './importTypes';

export function ImportForm({
  busy,
  onImport,
}: {
  busy: boolean;
  onImport: (files: Partial<Record<ImportFile, File>>, strict: boolean) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ImportFormValues>({ defaultValues: emptyImportForm });
  const rootError = form.formState.errors.root?.message;

  const onSubmit = form.handleSubmit((values) => {
    const files = chosenFiles(values);
    if (Object.keys(files).length === 0) {
      form.setError('root', { message: 'data.import.noFiles' });
      return;
    }
    form.clearErrors('root');
    onImport(files, values.strict);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={rootError ? 'import-form-error' : undefined}>
      <fieldset className="import-files" disabled={busy}>
        <legend>{t('data.import.filesLegend')}</legend>
        <div className="grid-2">
          {importFiles.map((name) => (
            <FileField
              key={name}
              accept=".csv,text/csv"
              label={t(`data.files.${name}`)}
              hint={t('data.import.requiredColumns', { columns: requiredColumns[name].join(', ') })}
              {...form.register(name, { onChange: () => form.clearErrors('root') })}
            />
          ))}
        </div>
        <CheckboxField label={t('data.import.strict')} hint={t('data.import.strictHint')} {...form.register('strict')} />
      </fieldset>
      {rootError ? (
        <p id="import-form-error" className="field-error" role="alert">
          {t('data.import.noFiles')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('data.import.importing') : t('data.import.submit')}
        </button>
      </div>
    </form>
  );
}
