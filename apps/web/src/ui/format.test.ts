import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatBytes,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
} from './format';

// Intl separates some parts with (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string | null) => s?.replace(/[\u00a0\u2009\u202f]/g, ' ') ?? null;

describe('currencyExponent', () => {
  it.each([
    ['JPY', 0],
    ['USD', 2],
    ['EUR', 2],
    ['KWD', 3],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(currencyExponent(currency)).toBe(digits);
  });
});

describe('formatMoney', () => {
  it('shows yen as whole units', () => {
    expect(formatMoney(1234567, 'JPY', 'en-US')).toBe('¥1,234,567');
    expect(formatMoney(1234567, 'JPY', 'ja-JP')).toBe('￥1,234,567');
  });

  it('divides by 10^exponent', () => {
    expect(formatMoney(12345, 'USD', 'en-US')).toBe('$123.45');
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
    expect(plain(formatMoney(1234567, 'KWD', 'en-US'))).toBe('KWD 1,234.567');
  });

  it('keeps negative amounts negative', () => {
    expect(formatMoney(-1500, 'JPY', 'en-US')).toBe('-¥1,500');
  });
});

describe('numbers', () => {
  it('groups digits by locale', () => {
    expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
    expect(formatNumber(1234567, 'de-DE')).toBe('1.234.567');
    expect(formatNumber(1234567, 'ja-JP')).toBe('1,234,567');
  });

  it('formats whole percentages', () => {
    expect(formatPercent(0.456, 'en-US')).toBe('46%');
    expect(formatPercent(1, 'ja-JP')).toBe('100%');
  });
});

describe('dates', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-11-01', 'en-US')).toBe('Nov 1, 2026');
    expect(formatDate('2026-11-01', 'ja-JP')).toBe('2026/11/01');
    expect(formatDate('2024-02-29', 'en-US')).toBe('Feb 29, 2024');
  });

  it('shows an unparseable date as given', () => {
    expect(formatDate('soon', 'en-US')).toBe('soon');
  });

  it('formats an inclusive range, or null when there is no data', () => {
    expect(plain(formatDateRange('2024-01-03', '2026-10-31', 'en-US'))).toBe('Jan 3, 2024 – Oct 31, 2026');
    expect(formatDateRange('2024-01-03', '2026-10-31', 'ja-JP')).toMatch(/^2024\/01\/03\s*～\s*2026\/10\/31$/);
    expect(formatDateRange(null, '2026-10-31', 'en-US')).toBeNull();
    expect(formatDateRange('2024-01-03', null, 'en-US')).toBeNull();
  });

  it('shows timestamps in the workspace time zone', () => {
    // 23:30 UTC on Oct 31 is already Nov 1 in Tokyo.
    expect(plain(formatDateTime('2026-10-31T23:30:00Z', 'en-US', 'Asia/Tokyo'))).toBe('Nov 1, 2026, 8:30 AM');
    expect(plain(formatDateTime('2026-10-31T23:30:00Z', 'en-US', 'UTC'))).toBe('Oct 31, 2026, 11:30 PM');
    expect(formatDateTime('2026-10-31T23:30:00Z', 'ja-JP', 'Asia/Tokyo')).toBe('2026/11/01 8:30');
  });

  it('survives a bad time zone or timestamp', () => {
    expect(formatDateTime('2026-10-31T23:30:00Z', 'en-US', 'Mars/Olympus')).toContain('2026');
    expect(formatDateTime('not a time', 'en-US', 'UTC')).toBe('not a time');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal', () => {
    expect(plain(formatBytes(999, 'en-US'))).toBe('999 byte');
    expect(plain(formatBytes(1500, 'en-US'))).toBe('1.5 kB');
    expect(plain(formatBytes(52_400_000, 'en-US'))).toBe('52.4 MB');
    expect(plain(formatBytes(3_000_000_000, 'en-US'))).toBe('3 GB');
  });
});
