// 日本語 / English toggle. Each button is named in its own language so it is findable from either UI.
import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from '../i18n';
import type { Language } from '../i18n/language';

const options: { language: Language; name: string }[] = [
  { language: 'ja', name: '日本語' },
  { language: 'en', name: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language: current } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {options.map(({ language, name }) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => setLanguage(language)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
