// The workspace form: as-of date (automatic or chosen, with "data through" shown), currency, time zone,
// small-segment threshold and weekly frequency cap. Read-only for everyone but admins.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { SelectField, TextField } from '../../ui/Field';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { AsOfFieldset } from './AsOfFieldset';
import type { SettingsForm, SettingsView } from './settingsForm';
import { choicesWith, frequencyCapInput, settingsFormInput, toSettingsForm, toSettingsPatch } from './settingsForm';
import { useUpdateSettings } from './useSettings';

function useChoices(current: SettingsView) {
  const { locale } = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'currency' });
    const currencies = choicesWith(Intl.supportedValuesOf('currency'), current.currency).map((code) => ({
      code,
      label: `${code} — ${names.of(code) ?? code}`,
    }));
    const timeZones = choicesWith(Intl.supportedValuesOf('timeZone'), current.timeZone);
    return { currencies, timeZones };
  }, [locale, current.currency, current.timeZone]);
}

export function WorkspaceSettingsForm({ settings, canEdit }: { settings: SettingsView; canEdit: boolean }) {
  const { t } = useTranslation();
  const summary = useWorkspaceSummary().data;
  const update = useUpdateSettings();
  const values = useMemo(() => toSettingsForm(settings), [settings]);
  const form = useForm<SettingsForm>({ resolver: zodResolver(settingsFormInput), values });
  const { errors, isSubmitting } = form.formState;
  // "Changed" means a real difference from the saved settings (RHF's isDirty misses radio and disabled inputs).
  const current = useWatch({ control: form.control }) as SettingsForm;
  const changed = Object.keys(toSettingsPatch(current, settings)).length > 0;
  const { currencies, timeZones } = useChoices(settings);

  const onSubmit = form.handleSubmit(async (data) => {
    const patch = toSettingsPatch(data, settings);
    if (Object.keys(patch).length === 0) return;
    try {
      await update.mutateAsync(patch);
    } catch {
      // Shown from update.error.
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="settings-form">
      {!canEdit ? <Alert tone="info">{t('settings.readOnly')}</Alert> : null}
      <fieldset disabled={!canEdit || isSubmitting} className="plain-fieldset">
        <AsOfFieldset form={form} summary={summary} error={errors.asOfDate?.message} />
        <div className="grid-2">
          <SelectField label={t('settings.currency')} hint={t('settings.currencyHint')} error={errors.currency?.message} {...form.register('currency')}>
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('settings.timeZone')} hint={t('settings.timeZoneHint')} error={errors.timeZone?.message} {...form.register('timeZone')}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
          <TextField
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            label={t('settings.smallSegmentThreshold')}
            hint={t('settings.smallSegmentThresholdHint')}
            error={errors.smallSegmentThreshold?.message}
            {...form.register('smallSegmentThreshold', { valueAsNumber: true })}
          />
          <TextField
            {...frequencyCapInput}
            label={t('settings.frequencyCap')}
            hint={t('settings.frequencyCapHint')}
            error={errors.frequencyCapPerWeek?.message}
            {...form.register('frequencyCapPerWeek', { valueAsNumber: true })}
          />
        </div>
      </fieldset>
      {update.isError ? <ApiErrorNotice error={update.error} /> : null}
      {update.isSuccess && !changed ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
      {canEdit ? (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting || !changed}>
            {isSubmitting ? t('settings.saving') : t('settings.save')}
          </button>
          {changed ? (
            <button type="button" className="button button-secondary" onClick={() => form.reset(values)} disabled={isSubmitting}>
              {t('common.discard')}
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
