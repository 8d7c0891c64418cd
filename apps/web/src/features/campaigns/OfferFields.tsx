// One offer variant of the campaign: kind, label, id, the kind's own value, coupon code, cost per redemption
// and the expected redemption rate. Changing the kind keeps the shared fields (withOfferKind).
import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { offerKinds, type OfferKind } from '@kizuna/campaigns';
import { SelectField, TextField } from '../../ui/Field';
import type { CampaignFormValues } from './campaignForm';
import { offerExtraField, withOfferKind } from './campaignForm';

// An empty optional code is no code (the coupon kind itself requires one and says so).
const optionalText = { setValueAs: (v: unknown) => (v === '' ? undefined : v) };

type FieldKey = 'offerKind' | 'offerLabel' | 'offerId' | 'percent' | 'amount' | 'points' | 'gift' | 'couponCode' | 'cost' | 'redemptionRate';

export type CampaignFormApi = UseFormReturn<CampaignFormValues, unknown, unknown>;

interface Props {
  form: CampaignFormApi;
  index: number;
  /** How many variants the campaign has: with one, labels stay plain ("Offer kind"); with more, each names its variant. */
  count: number;
  /** The translated error at a form path. */
  err: (path: string) => string | undefined;
  /** Segments the matrix assigns this variant to (by its saved id). */
  usedBy: readonly string[];
  onRemove: (() => void) | null;
}

export function OfferFields({ form, index, count, err, usedBy, onRemove }: Props) {
  const { t } = useTranslation();
  const path = `offers.${index}` as const;
  const current = useWatch({ control: form.control, name: path });
  const kind = current.kind;
  const extra = offerExtraField(kind);
  const e = (field: string) => err(`${path}.${field}`);
  const num = { valueAsNumber: true } as const;
  // Several variants: every label says which one it belongs to, so each control has its own accessible name.
  const label = (key: FieldKey) => (count > 1 ? t('campaigns.form.variantField', { field: t(`campaigns.form.${key}`), n: index + 1 }) : t(`campaigns.form.${key}`));
  return (
    <fieldset className="plain-fieldset offer-variant">
      <legend>{t('campaigns.form.variant', { n: index + 1 })}</legend>
      <div className="grid-3">
        <SelectField
          label={label('offerKind')}
          value={kind}
          onChange={(ev) => form.setValue(path, withOfferKind(form.getValues(path), ev.target.value as OfferKind), { shouldValidate: form.formState.isSubmitted })}
        >
          {offerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`campaigns.offerKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={label('offerLabel')} error={e('label')} {...form.register(`${path}.label`)} />
        <TextField label={label('offerId')} hint={t('campaigns.form.offerIdHint')} error={e('id')} {...form.register(`${path}.id`)} />
        {extra === 'percent' ? <TextField type="number" step="any" label={label('percent')} error={e('percent')} {...form.register(`${path}.percent`, num)} /> : null}
        {extra === 'amount' ? <TextField type="number" step={1} label={label('amount')} hint={t('campaigns.form.minorUnits')} error={e('amount')} {...form.register(`${path}.amount`, num)} /> : null}
        {extra === 'points' ? <TextField type="number" step={1} label={label('points')} error={e('points')} {...form.register(`${path}.points`, num)} /> : null}
        {extra === 'gift' ? <TextField label={label('gift')} error={e('gift')} {...form.register(`${path}.gift`)} /> : null}
        {kind !== 'none' ? <TextField label={label('couponCode')} error={e('couponCode')} {...form.register(`${path}.couponCode`, kind === 'coupon' ? {} : optionalText)} /> : null}
        <TextField type="number" step={1} min={0} label={label('cost')} hint={t('campaigns.form.minorUnits')} error={e('costPerRedemption')} {...form.register(`${path}.costPerRedemption`, num)} />
        <TextField type="number" step="any" min={0} max={100} label={label('redemptionRate')} error={e('redemptionRatePercent')} {...form.register(`${path}.redemptionRatePercent`, num)} />
      </div>
      <div className="offer-variant-foot">
        {usedBy.length > 0 ? <p className="field-hint">{t('campaigns.form.variantUsedBy', { segments: usedBy.join(', '), count: usedBy.length })}</p> : <span />}
        {onRemove ? (
          <button type="button" className="button button-small button-secondary" onClick={onRemove} aria-label={t('campaigns.form.removeVariant', { n: index + 1 })}>
            {t('campaigns.form.removeVariantShort')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
