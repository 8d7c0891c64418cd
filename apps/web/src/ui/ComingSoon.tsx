// Placeholder for a feature still being built: says what will be here, shows no made-up numbers.
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

export function ComingSoon({ title, summary, points }: { title: string; summary: string; points: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} description={summary} />
      <section className="panel coming-soon" aria-labelledby="coming-soon-heading">
        <h2 id="coming-soon-heading">{t('comingSoon.heading')}</h2>
        <ul>
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <p className="muted">{t('comingSoon.note')}</p>
      </section>
    </>
  );
}
