// The campaign's offer variants (1–10, as the shared schema allows): add and remove them; matrix cells pick one
// by id, so each variant says which assigned segments use it, and the server refuses to drop one still in use.
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { maxOffers, newOfferVariant } from './campaignForm';
import type { CampaignFormApi } from './OfferFields';
import { OfferFields } from './OfferFields';

interface Props {
  form: CampaignFormApi;
  err: (path: string) => string | undefined;
  /** Assigned segment names per saved offer id (editing a campaign). */
  usage: ReadonlyMap<string, string[]>;
}

export function OfferList({ form, err, usage }: Props) {
  const { t } = useTranslation();
  // keyName: offers carry their own `id`, which the field array must not shadow.
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'offers', keyName: 'key' });
  const listError = err('offers.root') ?? err('offers');
  return (
    <fieldset className="plain-fieldset offer-fields" aria-describedby={listError ? 'offer-list-error' : undefined}>
      <legend>{t('campaigns.form.offers')}</legend>
      {listError ? (
        <p id="offer-list-error" className="field-error">
          {listError}
        </p>
      ) : null}
      {fields.map((field, index) => (
        <OfferFields
          key={field.key}
          form={form}
          index={index}
          count={fields.length}
          err={err}
          usedBy={usage.get(field.id) ?? []}
          onRemove={fields.length > 1 ? () => remove(index) : null}
        />
      ))}
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={fields.length >= maxOffers}
        onClick={() => append(newOfferVariant(form.getValues('offers')), { shouldFocus: true })}
      >
        {t('campaigns.form.addVariant')}
      </button>
      {fields.length >= maxOffers ? <p className="field-hint">{t('campaigns.form.maxVariants', { n: maxOffers })}</p> : null}
    </fieldset>
  );
}
