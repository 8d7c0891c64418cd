// Types the translation keys: t('no.such.key') is a compile error.
import type { enResources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enResources };
  }
}
