// i18next set-up: English and Japanese resources, the remembered language, and the document's lang attribute.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { enResources, jaResources } from './resources';
import type { Language } from './language';
import { isLanguage, languageStorageKey, localeOf, pickLanguage } from './language';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    // Storage can be blocked (privacy mode); the browser language is then the only hint.
    return null;
  }
}

const initial = pickLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: enResources }, ja: { translation: jaResources } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});
document.documentElement.lang = initial;

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}

/** The current UI language and its Intl locale; re-renders the caller when the language changes. */
export function useLanguage(): { language: Language; locale: string } {
  const { i18n: instance } = useTranslation();
  const language = currentLanguage(instance.resolvedLanguage ?? instance.language);
  return { language, locale: localeOf(language) };
}

export default i18n;
