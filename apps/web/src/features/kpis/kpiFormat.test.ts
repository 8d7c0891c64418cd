import { describe, expect, it } from 'vitest';
import { changeView, formatCompact, formatKpiValue } from './kpiFormat';

describe('formatKpiValue', () => {
  it('formats each unit in the locale, and no value as null', () => {
    expect(formatKpiValue('count', 12345, 'JPY', 'en-US')).toBe('12,345');
    expect(formatKpiValue('share', 0.4567, 'JPY', 'en-US')).toBe('45.7%');
    expect(formatKpiValue('money', 7814.48, 'JPY', 'en-US')).toBe('¥7,814');
    expect(formatKpiValue('money', 123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatKpiValue('money', 7814, 'JPY', 'ja-JP')).toBe('￥7,814');
    expect(formatKpiValue('ratio', 3.04819, 'JPY', 'en-US')).toBe('3.05');
    expect(formatKpiValue('share', null, 'JPY', 'en-US')).toBeNull();
    expect(formatKpiValue('money', Number.NaN, 'JPY', 'en-US')).toBeNull();
  });

  it('abbreviates axis labels', () => {
    expect(formatCompact('count', 12500, 'JPY', 'en-US')).toBe('12.5K');
    expect(formatCompact('share', 0.25, 'JPY', 'en-US')).toBe('25%');
    expect(formatCompact('money', 2_500_000, 'JPY', 'en-US')).toBe('¥2.5M');
    expect(formatCompact('money', 250_000, 'USD', 'en-US')).toBe('$2.5K');
  });
});

describe('changeView', () => {
  it('gives shares in points and other values in percent, with the tone of good news', () => {
    expect(changeView('share', { delta: 0.045, relative: 0.07 }, false, 'JPY', 'en-US')).toEqual({ direction: 'up', tone: 'good', kind: 'points', amount: '+4.5' });
    expect(changeView('share', { delta: 0.045, relative: 0.07 }, true, 'JPY', 'en-US')).toEqual({ direction: 'up', tone: 'bad', kind: 'points', amount: '+4.5' });
    expect(changeView('money', { delta: -620, relative: -0.0736 }, false, 'JPY', 'en-US')).toEqual({ direction: 'down', tone: 'bad', kind: 'percent', amount: '-7.4%' });
    expect(changeView('count', { delta: 0, relative: 0 }, false, 'JPY', 'en-US')).toEqual({ direction: 'flat', tone: 'neutral', kind: 'percent', amount: '0.0%' });
  });

  it('falls back to the absolute change when the previous value was 0, and gives nothing without a previous value', () => {
    expect(changeView('count', { delta: 12, relative: null }, false, 'JPY', 'en-US')).toEqual({ direction: 'up', tone: 'good', kind: 'absolute', amount: '+12' });
    expect(changeView('money', { delta: -500, relative: null }, false, 'JPY', 'en-US')?.amount).toBe('−¥500');
    expect(changeView('count', { delta: null, relative: null }, false, 'JPY', 'en-US')).toBeNull();
  });
});
