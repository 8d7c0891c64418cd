// Number and money formatting in the UI locale and the workspace currency, for the matrix's components.
import { useCallback } from 'react';
import { useLanguage } from '../../i18n';
import { formatMoney, formatNumber } from '../../ui/format';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';

export function useMatrixFormat() {
  const { locale } = useLanguage();
  const currency = useWorkspaceSummary().data?.currency ?? 'JPY';
  const num = useCallback((n: number) => formatNumber(n, locale), [locale]);
  const money = useCallback((minor: number) => formatMoney(minor, currency, locale), [currency, locale]);
  return { num, money };
}
