// Segments page: placeholder until the feature lands; it says what is coming, with no invented numbers.
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

export function SegmentsPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.segments')}
      summary={t('placeholders.segments.summary')}
      points={t('placeholders.segments.points', { returnObjects: true })}
    />
  );
}
