// Validation messages in the user's language. The shared campaign schemas (and zod's own defaults) speak English;
// each known message, placeholders and all, is matched back to its key and shown from the validation.* strings.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessages } from '@kizuna/campaigns';
import { templateMatcher } from './templateMatch';

/** zod's default texts for the checks our schemas leave unworded (an emptied number box is NaN). */
export const zodDefaultMessages = {
  enterNumber: 'Invalid input: expected number, received NaN',
  wholeNumber: 'Invalid input: expected int, received number',
  tooLongText: 'Too big: expected string to have <={{n}} characters',
  tooShortText: 'Too small: expected string to have >={{n}} characters',
  tooLarge: 'Too big: expected number to be <={{n}}',
  tooSmall: 'Too small: expected number to be >={{n}}',
  notAboveMin: 'Too small: expected number to be >{{n}}',
  required: 'Invalid input: expected string, received undefined',
} as const;

export const knownMessages: Record<string, string> = { ...validationMessages, ...zodDefaultMessages };

/** The key and placeholder values of a known English message, or null for a text we don't know. */
export const matchValidationMessage = templateMatcher(knownMessages);

type Translate = (key: string, options: Record<string, unknown>) => string;

/** The message in the current language; an unknown text is shown as it came. */
export function translateValidationMessage(message: string, t: Translate): string {
  const match = matchValidationMessage(message);
  return match ? t(`validation.${match.key}`, { ...match.values, defaultValue: message }) : message;
}

/** For forms: `const v = useValidationMessage(); <Field error={v(errors.name?.message)} />`. */
export function useValidationMessage(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback((message: string | undefined) => (message ? translateValidationMessage(message, t as unknown as Translate) : undefined), [t]);
}
