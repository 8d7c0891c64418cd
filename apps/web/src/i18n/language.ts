// Which UI language to start in: the one the user chose before, else the browser's, else English.
export const languages = ['en', 'ja'] as const;
export type Language = (typeof languages)[number];

export const languageStorageKey = 'kizuna.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `stored` is what localStorage holds (maybe garbage); `preferred` is navigator.languages in order. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** BCP 47 tag for Intl formatters; Japanese dates and numbers read best with the ja-JP conventions. */
export function localeOf(language: Language): string {
  return language === 'ja' ? 'ja-JP' : 'en-US';
}
