// Where a saved segment is used: segments whose rule references it, and campaigns that target it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SegmentDetail } from './useSegments';

export function WhereUsed({ segment }: { segment: SegmentDetail }) {
  const { t } = useTranslation();
  const { segments, campaigns } = segment.usedBy;
  return (
    <section className="panel" aria-labelledby="where-used-heading">
      <h2 id="where-used-heading">{t('segments.whereUsed.title')}</h2>
      {segments.length === 0 && campaigns.length === 0 ? <p className="muted">{t('segments.whereUsed.none')}</p> : null}
      {segments.length > 0 ? (
        <>
          <h3>{t('segments.whereUsed.segments')}</h3>
          <ul>
            {segments.map((s) => (
              <li key={s.id}>
                <Link to={`/segments/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {campaigns.length > 0 ? (
        <>
          <h3>{t('segments.whereUsed.campaigns')}</h3>
          <ul>
            {campaigns.map((c) => (
              <li key={c.id}>
                <Link to="/campaigns">{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {segment.references.length > 0 ? (
        <>
          <h3>{t('segments.whereUsed.references')}</h3>
          <ul>
            {segment.references.map((s) => (
              <li key={s.id}>
                <Link to={`/segments/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
