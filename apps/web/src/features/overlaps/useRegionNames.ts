// Names for what a user clicks: "A ∩ B" for a heatmap cell, "A ∩ B only" for an exclusive region, and
// "in none of them"; they also become the new segment's suggested name.
import { useTranslation } from 'react-i18next';

export function useRegionNames(labels: readonly string[]) {
  const { t } = useTranslation();
  const join = (indexes: readonly number[]) => indexes.map((i) => labels[i] ?? `#${i + 1}`).join(' ∩ ');
  return {
    pair: (a: number, b: number) => (a === b ? join([a]) : join([a, b])),
    region: (sets: readonly number[]) => (sets.length === labels.length ? join(sets) : t('overlaps.names.only', { names: join(sets) })),
    none: () => t('overlaps.names.none'),
  };
}
