// Matrix page: placeholder until the feature lands; it says what is coming, with no invented numbers.
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

export function MatrixPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.matrix')}
      summary={t('placeholders.matrix.summary')}
      points={t('placeholders.matrix.points', { returnObjects: true })}
    />
  );
}
