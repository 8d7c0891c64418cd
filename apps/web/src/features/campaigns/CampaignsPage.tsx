// Campaigns page: placeholder until the feature lands; it says what is coming, with no invented numbers.
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

export function CampaignsPage() {
  const { t } = useTranslation();
  return (
    <ComingSoon
      title={t('nav.campaigns')}
      summary={t('placeholders.campaigns.summary')}
      points={t('placeholders.campaigns.points', { returnObjects: true })}
    />
  );
}
