// A form message in the user's language: the shared schemas' English through the i18n validation table, and
// the server's "offer still assigned in the matrix" refusal (not a schema message) through its own text here.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { useValidationMessage } from '../../i18n/validation';
import { formMessage } from './campaignEdit';

export function useFormMessage(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const validation = useValidationMessage();
  return useCallback((message: string | undefined) => (message ? formMessage(message, t, validation, locale) : undefined), [t, locale, validation]);
}
