// The campaign's offer: kind, id, label, the kind's own value, coupon code, cost per redemption and the
// expected redemption rate. Changing the kind keeps the shared fields (withOfferKind).
import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { offerKinds, type OfferKind } from '@kizuna/campaigns';
import { SelectField, TextField } from '../../ui/Field';
import type { CampaignFormValues } from './campaignForm';
import { errorAt, offerExtraField, withOfferKind } from './campaignForm';

type Form = UseFormReturn<CampaignFormValues, unknown, unknown>;

export function OfferFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const current = useWatch({ control: form.control, name: 'offers.0' });
  const kind = current.kind;
  const extra = offerExtraField(kind);
  const err = (field: string) => errorAt(errors, `offers.0.${field}`);
  const num = { valueAsNumber: true } as const;
  return (
    <fieldset className="plain-fieldset offer-fields">
      <legend>{t('campaigns.form.offer')}</legend>
      {errorAt(errors, 'offers') ? <p className="field-error">{errorAt(errors, 'offers')}</p> : null}
      <div className="grid-3">
        <SelectField
          label={t('campaigns.form.offerKind')}
          value={kind}
          onChange={(e) => form.setValue('offers.0', withOfferKind(form.getValues('offers.0'), e.target.value as OfferKind), { shouldValidate: form.formState.isSubmitted })}
        >
          {offerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`campaigns.offerKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('campaigns.form.offerLabel')} error={err('label')} {...form.register('offers.0.label')} />
        <TextField label={t('campaigns.form.offerId')} hint={t('campaigns.form.offerIdHint')} error={err('id')} {...form.register('offers.0.id')} />
        {extra === 'percent' ? <TextField type="number" step="any" label={t('campaigns.form.percent')} error={err('percent')} {...form.register('offers.0.percent', num)} /> : null}
        {extra === 'amount' ? <TextField type="number" step={1} label={t('campaigns.form.amount')} hint={t('campaigns.form.minorUnits')} error={err('amount')} {...form.register('offers.0.amount', num)} /> : null}
        {extra === 'points' ? <TextField type="number" step={1} label={t('campaigns.form.points')} error={err('points')} {...form.register('offers.0.points', num)} /> : null}
        {extra === 'gift' ? <TextField label={t('campaigns.form.gift')} error={err('gift')} {...form.register('offers.0.gift')} /> : null}
        {kind !== 'none' ? <TextField label={t('campaigns.form.couponCode')} error={err('couponCode')} {...form.register('offers.0.couponCode')} /> : null}
        <TextField
          type="number"
          step={1}
          min={0}
          label={t('campaigns.form.cost')}
          hint={t('campaigns.form.minorUnits')}
          error={err('costPerRedemption')}
          {...form.register('offers.0.costPerRedemption', num)}
        />
        <TextField
          type="number"
          step="any"
          min={0}
          max={100}
          label={t('campaigns.form.redemptionRate')}
          error={err('redemptionRatePercent')}
          {...form.register('offers.0.redemptionRatePercent', num)}
        />
      </div>
    </fieldset>
  );
}
