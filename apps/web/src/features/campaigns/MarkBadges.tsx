// A campaign's or template's seed-table marks as ✅ badges, with text for screen readers.
import { useTranslation } from 'react-i18next';
import type { CampaignMarks } from '@kizuna/campaigns';
import { CheckMark } from '../../ui/CheckMark';
import { markList } from './campaignForm';

export function MarkBadges({ marks }: { marks: CampaignMarks }) {
  const { t } = useTranslation();
  return (
    <span className="mark-badges">
      {markList(marks).map((m) => (
        <span key={m} className="badge badge-mark">
          <CheckMark />
          {t(`campaigns.marks.${m}`)}
        </span>
      ))}
    </span>
  );
}
