// Overlaps page: placeholder until the feature lands; it says what is coming, with no invented numbers.
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

export function OverlapsPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.overlaps')}
      summary={t('placeholders.overlaps.summary')}
      points={t('placeholders.overlaps.points', { returnObjects: true })}
    />
  );
}
