// The download buttons' words for every overlap chart.
import { useTranslation } from 'react-i18next';
import type { ChartFrameText } from '../../ui/ChartFrame';

export function useChartText(): ChartFrameText {
  const { t } = useTranslation();
  return { png: t('overlaps.download.png'), csv: t('overlaps.download.csv'), failed: t('overlaps.download.failed') };
}
