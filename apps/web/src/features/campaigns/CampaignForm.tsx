// The new-campaign form: validated by the server's own schema (createCampaignInput through zodResolver), each
// message next to its field; the personalization preview beside it renders the draft for a sample member.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { campaignGoals, channels, contentTokens, createCampaignInput, type CreateCampaignInput } from '@kizuna/campaigns';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { CheckMark } from '../../ui/CheckMark';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import type { CampaignFormValues } from './campaignForm';
import { errorAt, newCampaignValues } from './campaignForm';
import { OfferFields } from './OfferFields';
import { PreviewPanel } from './PreviewPanel';
import { useCreateCampaign } from './useCampaigns';

export function CampaignForm({ startDate, onDone }: { startDate: string; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateCampaign();
  const form = useForm<CampaignFormValues, unknown, CreateCampaignInput>({
    resolver: zodResolver(createCampaignInput),
    defaultValues: newCampaignValues(startDate),
  });
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => errorAt(errors, path);
  const content = useWatch({ control: form.control, name: 'content' });
  const offers = useWatch({ control: form.control, name: 'offers' });

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      const saved = await create.mutateAsync(data);
      onDone(saved.name);
    } catch {
      // Shown from create.error.
    }
  });

  return (
    <div className="campaign-editor">
      <form onSubmit={onSubmit} noValidate className="form-stack campaign-form" aria-label={t('campaigns.form.title')}>
        <div className="grid-2">
          <TextField label={t('campaigns.form.name')} error={err('name')} {...form.register('name')} />
          <SelectField label={t('campaigns.form.goal')} error={err('goal')} {...form.register('goal')}>
            {campaignGoals.map((g) => (
              <option key={g} value={g}>
                {t(`campaigns.goals.${g}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('campaigns.form.channel')} error={err('channel')} {...form.register('channel')}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`campaigns.channels.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField type="number" step="any" min={0} max={50} label={t('campaigns.form.holdout')} hint={t('campaigns.form.holdoutHint')} error={err('holdoutPercent')} {...form.register('holdoutPercent', { valueAsNumber: true })} />
          <TextField type="date" label={t('campaigns.form.startDate')} error={err('startDate')} {...form.register('startDate')} />
          <TextField
            type="date"
            label={t('campaigns.form.endDate')}
            hint={t('campaigns.form.endDateHint')}
            error={err('endDate')}
            {...form.register('endDate', { setValueAs: (v: unknown) => (v === '' || v === null ? null : v) })}
          />
        </div>
        <OfferFields form={form} />
        <fieldset className="plain-fieldset">
          <legend>{t('campaigns.form.content')}</legend>
          <TextField label={t('campaigns.form.subject')} error={err('content.subject')} {...form.register('content.subject')} />
          <div className="field">
            <label htmlFor="campaign-body">{t('campaigns.form.body')}</label>
            <textarea id="campaign-body" rows={4} aria-invalid={err('content.body') ? true : undefined} aria-describedby="campaign-body-hint" {...form.register('content.body')} />
            <p id="campaign-body-hint" className="field-hint">
              {t('campaigns.form.tokensHint', { tokens: contentTokens.map((x) => `{${x}}`).join(' ') })}
            </p>
            {err('content.body') ? <p className="field-error">{err('content.body')}</p> : null}
          </div>
        </fieldset>
        <fieldset className="plain-fieldset">
          <legend>{t('campaigns.form.marks')}</legend>
          <CheckboxField label={<><CheckMark />{t('campaigns.marks.segmentation')}</>} {...form.register('marks.segmentation')} />
          <CheckboxField label={<><CheckMark />{t('campaigns.marks.personalization')}</>} error={err('marks.personalization')} {...form.register('marks.personalization')} />
          {err('marks') ? <p className="field-error">{err('marks')}</p> : null}
        </fieldset>
        {create.isError ? <ApiErrorNotice error={create.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? t('campaigns.form.saving') : t('campaigns.form.save')}
          </button>
        </div>
      </form>
      <PreviewPanel content={content} offers={offers} />
    </div>
  );
}
