// As-of date: automatic (the day after the newest order or event) or a chosen date, with "data through" shown.
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import type { WorkspaceSummary } from '../workspace/useWorkspaceSummary';
import type { SettingsForm } from './settingsForm';

export function AsOfFieldset({
  form,
  summary,
  error,
}: {
  form: UseFormReturn<SettingsForm>;
  summary: WorkspaceSummary | undefined;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const mode = form.watch('asOfMode');
  return (
    <fieldset className="as-of-fieldset">
      <legend>{t('settings.asOf')}</legend>
      <p className="field-hint">
        {summary?.dataThroughDate ? t('settings.dataThrough', { date: summary.dataThroughDate }) : t('settings.noData')}
        {summary ? ` · ${t('settings.currentAsOf', { date: summary.asOfDate })}` : null}
      </p>
      <div className="radio-row">
        <label className="radio">
          <input type="radio" value="automatic" {...form.register('asOfMode')} />
          {t('settings.asOfAutomatic')}
        </label>
        <label className="radio">
          <input type="radio" value="fixed" {...form.register('asOfMode')} />
          {t('settings.asOfFixed')}
        </label>
      </div>
      <TextField
        type="date"
        className="field-narrow"
        label={t('settings.asOfDate')}
        hint={t('settings.asOfDateHint')}
        disabled={mode !== 'fixed'}
        error={error}
        {...form.register('asOfDate')}
      />
    </fieldset>
  );
}
