// The MultiSelect's words for a condition, and the options of a categorical field with customer counts.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import type { MultiSelectOption, MultiSelectText } from '../../../ui/MultiSelect';
import { useBuilder } from '../builderContext';
import { valueLabel } from '../ruleSentence';

export function useMultiSelectText(label: string): MultiSelectText {
  const { t } = useTranslation();
  return {
    label,
    placeholder: t('segments.builder.chooseValues'),
    search: t('segments.builder.searchValues'),
    noMatch: t('segments.builder.noValueMatch'),
    clear: t('segments.builder.clear'),
    done: t('segments.builder.done'),
    selected: (count) => t('segments.builder.selectedCount', { count }),
  };
}

/** Values of a field (or a behaviour filter list) with "1,234 customers" beside each. */
export function useValueOptions(fieldId: string, values: readonly { value: string; count: number }[] | null | undefined, unit: 'customers' | 'rows' = 'customers'): MultiSelectOption[] {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { book } = useBuilder();
  return (values ?? []).map((v) => ({
    value: v.value,
    label: valueLabel(book, fieldId, v.value),
    detail:
      unit === 'customers'
        ? t('segments.builder.customersCount', { count: v.count, formatted: formatNumber(v.count, locale) })
        : formatNumber(v.count, locale),
  }));
}
