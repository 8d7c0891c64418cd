// Turns a message that may be a translation key (from a zod schema) into text; other text passes through.
import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useMessage(): (message: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: string) => (i18n.exists(message) ? String(t(message as ParseKeys)) : message),
    [t, i18n],
  );
}
