// Personalization preview: the draft's subject and body rendered for a sample member (or a chosen customer),
// with each token's value and whether the fallback was used.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offer as offerSchema, type Offer } from '@kizuna/campaigns';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import type { CampaignFormValues } from './campaignForm';
import { completeOffers } from './campaignForm';
import { useCampaignPreview } from './useCampaigns';

const isOffer = (o: unknown): o is Offer => offerSchema.safeParse(o).success;

export function PreviewPanel({ content, offers }: { content: CampaignFormValues['content']; offers: CampaignFormValues['offers'] }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState('');
  const deferred = useDeferredValue({ content, offers, customerId });
  const ready = deferred.content.body.trim() !== '';
  const preview = useCampaignPreview(
    ready
      ? {
          content: deferred.content,
          offers: completeOffers(deferred.offers, isOffer),
          ...(deferred.customerId.trim() ? { customerId: deferred.customerId.trim() } : {}),
        }
      : null,
  );
  const data = preview.data;
  return (
    <aside className="panel preview-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('campaigns.preview.title')}</h2>
      <div className="field">
        <label htmlFor="preview-customer">{t('campaigns.preview.customer')}</label>
        <input id="preview-customer" list="preview-sample" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder={data?.customerId ?? ''} />
        <datalist id="preview-sample">
          {data?.sample.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p className="field-hint">{t('campaigns.preview.customerHint')}</p>
      </div>
      {!ready ? <p className="muted">{t('campaigns.preview.empty')}</p> : null}
      {preview.isError ? <ApiErrorNotice error={preview.error} /> : null}
      {ready && data ? (
        <div data-testid="preview">
          <p className="muted">{t('campaigns.preview.for', { id: data.customerId ?? '—' })}</p>
          <div className="preview-message">
            <p className="preview-subject">{data.subject}</p>
            <p className="preview-body">{data.body}</p>
          </div>
          {data.tokens.length > 0 ? (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.preview.token')}</th>
                  <th scope="col">{t('campaigns.preview.value')}</th>
                </tr>
              </thead>
              <tbody>
                {data.tokens.map((tok) => (
                  <tr key={tok.token}>
                    <td className="mono">{`{${tok.token}}`}</td>
                    <td>
                      {tok.value}
                      {tok.fallback ? <span className="badge badge-fallback"> {t('campaigns.preview.fallback')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {data.piiMasked ? <p className="field-hint">{t('campaigns.preview.masked')}</p> : null}
        </div>
      ) : null}
    </aside>
  );
}
