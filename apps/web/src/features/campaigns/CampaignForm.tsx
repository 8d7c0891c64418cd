// The campaign form, for a new campaign and for editing a saved one: validated by the server's own schema
// (zodResolver), each message next to its field in the user's language; the server's refusals (an offer still
// assigned in the matrix) land next to the field they concern. The personalization preview sits beside it.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { campaignGoals, channels, contentTokens, createCampaignInput, type CreateCampaignInput } from '@kizuna/campaigns';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { apiFieldErrors } from '../../ui/apiError';
import { CheckMark } from '../../ui/CheckMark';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { assignedSegments, offerUsage, serverFieldErrors } from './campaignEdit';
import type { CampaignFormValues } from './campaignForm';
import { campaignToFormValues, errorAt, newCampaignValues } from './campaignForm';
import { OfferList } from './OfferList';
import { PreviewPanel } from './PreviewPanel';
import type { CampaignRow } from './useCampaigns';
import { useCreateCampaign, useMatrixAssignments, useUpdateCampaign } from './useCampaigns';
import { useFormMessage } from './useFormMessage';

export type CampaignFormMode = { kind: 'create'; startDate: string } | { kind: 'edit'; campaign: CampaignRow };

interface Props {
  mode: CampaignFormMode;
  onDone: (name: string) => void;
}

export function CampaignForm({ mode, onDone }: Props) {
  const { t } = useTranslation();
  const message = useFormMessage();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const editing = mode.kind === 'edit' ? mode.campaign : null;
  const matrix = useMatrixAssignments(editing !== null);
  const segments = editing ? assignedSegments(matrix.data, editing.id) : [];
  // The edit form checks the same fields with the same rules as updateCampaignInput; the id is not a field.
  const form = useForm<CampaignFormValues, unknown, CreateCampaignInput>({
    resolver: zodResolver(createCampaignInput),
    defaultValues: editing ? campaignToFormValues(editing) : newCampaignValues(mode.kind === 'create' ? mode.startDate : ''),
  });
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => message(errorAt(errors, path));
  const content = useWatch({ control: form.control, name: 'content' });
  const offers = useWatch({ control: form.control, name: 'offers' });
  const failure = editing ? update.error : create.error;
  const fieldFailures = failure ? serverFieldErrors(apiFieldErrors(failure)) : [];

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      const saved = editing ? await update.mutateAsync({ id: editing.id, ...data }) : await create.mutateAsync(data);
      onDone(saved.name);
    } catch (error) {
      // Field refusals go next to their field (kept as the server's text: err() translates at render).
      for (const f of serverFieldErrors(apiFieldErrors(error))) {
        form.setError(f.path as FieldPath<CampaignFormValues>, { type: 'server', message: f.message });
      }
    }
  });

  const title = editing ? t('campaigns.form.editTitle', { name: editing.name }) : t('campaigns.form.title');
  return (
    <div className="campaign-editor">
      <form onSubmit={onSubmit} noValidate className="form-stack campaign-form" aria-label={title}>
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
        <OfferList form={form} err={err} usage={offerUsage(segments)} />
        <fieldset className="plain-fieldset">
          <legend>{t('campaigns.form.content')}</legend>
          <TextField label={t('campaigns.form.subject')} error={err('content.subject')} {...form.register('content.subject')} />
          <div className="field">
            <label htmlFor="campaign-body">{t('campaigns.form.body')}</label>
            <textarea
              id="campaign-body"
              rows={4}
              aria-invalid={err('content.body') ? true : undefined}
              aria-describedby={err('content.body') ? 'campaign-body-hint campaign-body-error' : 'campaign-body-hint'}
              {...form.register('content.body')}
            />
            <p id="campaign-body-hint" className="field-hint">
              {t('campaigns.form.tokensHint', { tokens: contentTokens.map((x) => `{${x}}`).join(' ') })}
            </p>
            {err('content.body') ? (
              <p id="campaign-body-error" className="field-error">
                {err('content.body')}
              </p>
            ) : null}
          </div>
        </fieldset>
        <fieldset className="plain-fieldset">
          <legend>{t('campaigns.form.marks')}</legend>
          <CheckboxField label={<><CheckMark />{t('campaigns.marks.segmentation')}</>} {...form.register('marks.segmentation')} />
          <CheckboxField label={<><CheckMark />{t('campaigns.marks.personalization')}</>} error={err('marks.personalization')} {...form.register('marks.personalization')} />
          {err('marks') ? <p className="field-error">{err('marks')}</p> : null}
        </fieldset>
        {failure && fieldFailures.length > 0 ? (
          <Alert tone="error" title={t('campaigns.form.notSaved')}>
            {fieldFailures.map((f) => (
              <p key={f.path} className="alert-detail">
                {message(f.message)}
              </p>
            ))}
          </Alert>
        ) : null}
        {failure && fieldFailures.length === 0 ? <ApiErrorNotice error={failure} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t(saveKey(editing !== null, isSubmitting))}
          </button>
        </div>
      </form>
      <PreviewPanel source={{ kind: 'draft', content, offers, ...(editing ? { campaignId: editing.id } : {}) }} segments={segments} />
    </div>
  );
}

function saveKey(editing: boolean, busy: boolean) {
  if (editing) return busy ? 'campaigns.form.updating' : 'campaigns.form.update';
  return busy ? 'campaigns.form.saving' : 'campaigns.form.save';
}
