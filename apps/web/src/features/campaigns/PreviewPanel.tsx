// Personalization preview: a draft's or a saved campaign's subject and body rendered for a sample member (or a
// chosen customer, optionally within one assigned segment), with each token's value and whether it fell back.
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offer as offerSchema, type Offer } from '@kizuna/campaigns';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { SelectField } from '../../ui/Field';
import type { AssignedSegment } from './campaignEdit';
import type { PreviewSource } from './preview';
import { previewRequest } from './preview';
import { useCampaignPreview } from './useCampaigns';

const isOffer = (o: unknown): o is Offer => offerSchema.safeParse(o).success;

interface Props {
  source: PreviewSource;
  /** The campaign's assigned segments, to preview one of them; none: no segment picker. */
  segments?: readonly AssignedSegment[];
  title?: string;
  /** Shown as a Close button beside the title (a saved campaign's preview opened from the list). */
  onClose?: () => void;
}

export function PreviewPanel({ source, segments = [], title, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [customerId, setCustomerId] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const deferred = useDeferredValue({ source, customerId, segmentId });
  const request = previewRequest(deferred.source, { customerId: deferred.customerId, segmentId: deferred.segmentId }, isOffer);
  const preview = useCampaignPreview(request);
  const data = preview.data;
  return (
    <aside className="panel preview-panel" aria-labelledby={`${id}-heading`}>
      <div className="section-head">
        <h2 id={`${id}-heading`}>{title ?? t('campaigns.preview.title')}</h2>
        {onClose ? (
          <button type="button" className="button button-small button-secondary" onClick={onClose}>
            {t('campaigns.preview.close')}
          </button>
        ) : null}
      </div>
      {segments.length > 0 ? (
        <SelectField label={t('campaigns.preview.segment')} value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
          <option value="">{t('campaigns.preview.allSegments')}</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-customer`}>{t('campaigns.preview.customer')}</label>
        <input id={`${id}-customer`} list={`${id}-sample`} value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder={data?.customerId ?? ''} aria-describedby={`${id}-customer-hint`} />
        <datalist id={`${id}-sample`}>
          {data?.sample.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <p id={`${id}-customer-hint`} className="field-hint">
          {t('campaigns.preview.customerHint')}
        </p>
      </div>
      {request === null ? <p className="muted">{t('campaigns.preview.empty')}</p> : null}
      {preview.isError ? <ApiErrorNotice error={preview.error} /> : null}
      {request !== null && data ? (
        <div data-testid="preview">
          <p className="muted">{t('campaigns.preview.for', { id: data.customerId ?? '—' })}</p>
          {data.customerId !== null && !data.inTarget ? <p className="field-hint">{t('campaigns.preview.outsideTarget')}</p> : null}
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
