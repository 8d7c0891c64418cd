import { describe, expect, it } from 'vitest';
import { isLanguage, localeOf, pickLanguage } from './language';

describe('pickLanguage', () => {
  it('keeps a remembered choice over the browser language', () => {
    expect(pickLanguage('en', ['ja-JP'])).toBe('en');
    expect(pickLanguage('ja', ['en-US'])).toBe('ja');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(pickLanguage('fr', ['ja'])).toBe('ja');
    expect(pickLanguage('', ['ja'])).toBe('ja');
  });

  it('takes the first supported browser language, matching on the base tag', () => {
    expect(pickLanguage(null, ['fr-FR', 'JA-jp', 'en'])).toBe('ja');
    expect(pickLanguage(null, ['de', 'en-GB', 'ja'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage(null, ['ko-KR', 'zh'])).toBe('en');
  });
});

describe('isLanguage and localeOf', () => {
  it('accepts only en and ja', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ja')).toBe(true);
    expect(isLanguage('EN')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('maps languages to Intl locales', () => {
    expect(localeOf('ja')).toBe('ja-JP');
    expect(localeOf('en')).toBe('en-US');
  });
});
