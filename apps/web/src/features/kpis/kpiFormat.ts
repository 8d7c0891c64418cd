// Formatting KPI values and their change at the edge, in the UI locale: counts, shares (0–1 → %), money
// (minor units of the workspace currency) and ratios; a change is points for shares, percent otherwise.
import { formatMoney, formatNumber } from '../../ui/format';

export type KpiUnit = 'count' | 'share' | 'money' | 'ratio';

export function formatKpiValue(unit: KpiUnit, value: number | null, currency: string, locale: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'count':
      return formatNumber(Math.round(value), locale);
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'money':
      return formatMoney(value, currency, locale);
    case 'ratio':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
}

/** Short axis labels: 12K, 1.2M (compact notation in the locale). */
export function formatCompact(unit: KpiUnit, value: number, currency: string, locale: string): string {
  if (unit === 'share') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  if (unit === 'money') {
    const exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value / 10 ** exponent);
  }
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export interface ChangeView {
  direction: 'up' | 'down' | 'flat';
  /** Signed amount, formatted: "+4.5" (points) or "+3.2%". */
  amount: string;
  /** points: a share's change on the 0–100 scale; percent: relative change; absolute: in the value's unit. */
  kind: 'points' | 'percent' | 'absolute';
  /** Whether the move is good news: churn going up is bad, everything else going up is good. */
  tone: 'good' | 'bad' | 'neutral';
}

export function changeView(
  unit: KpiUnit,
  change: { delta: number | null; relative: number | null },
  lowerIsBetter: boolean,
  currency: string,
  locale: string,
): ChangeView | null {
  const { delta, relative } = change;
  if (delta === null) return null;
  const direction = Math.abs(delta) < 1e-12 ? 'flat' : delta > 0 ? 'up' : 'down';
  const tone = direction === 'flat' ? 'neutral' : (direction === 'up') !== lowerIsBetter ? 'good' : 'bad';
  const signed = (n: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', ...options }).format(n);
  if (unit === 'share') {
    return { direction, tone, kind: 'points', amount: signed(delta * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
  }
  if (relative !== null) {
    return { direction, tone, kind: 'percent', amount: signed(relative, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
  }
  const absolute = unit === 'money' ? formatMoney(Math.abs(delta), currency, locale) : formatNumber(Math.abs(delta), locale);
  return { direction, tone, kind: 'absolute', amount: `${delta > 0 ? '+' : '−'}${absolute}` };
}
