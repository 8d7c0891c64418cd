// KPIs page: placeholder until the feature lands; it says what is coming, with no invented numbers.
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

export function KpisPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.kpis')}
      summary={t('placeholders.kpis.summary')}
      points={t('placeholders.kpis.points', { returnObjects: true })}
    />
  );
}
