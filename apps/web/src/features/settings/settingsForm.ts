// The workspace settings form: its schema (messages are translation keys), and the conversions between the
// server's settings and the form, sending only what changed.
import { z } from 'zod';

export interface SettingsView {
  asOfDate: string | null;
  currency: string;
  timeZone: string;
  smallSegmentThreshold: number;
  frequencyCapPerWeek: number;
}

export type SettingsPatchView = Partial<SettingsView>;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The weekly frequency cap's number box, in Settings and on the Matrix page (the server allows 1–100). */
export const frequencyCapInput = { type: 'number', min: 1, max: 100, step: 1, inputMode: 'numeric' } as const;

export const settingsFormInput = z
  .object({
    asOfMode: z.enum(['automatic', 'fixed']),
    // Undefined while its input is disabled (automatic mode).
    asOfDate: z.string().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'settings.errors.currency' }),
    timeZone: z.string().min(1, { error: 'settings.errors.timeZone' }),
    smallSegmentThreshold: z
      .number({ error: 'settings.errors.wholeNumber' })
      .int({ error: 'settings.errors.wholeNumber' })
      .min(0, { error: 'settings.errors.threshold' })
      .max(1_000_000_000, { error: 'settings.errors.threshold' }),
    frequencyCapPerWeek: z
      .number({ error: 'settings.errors.wholeNumber' })
      .int({ error: 'settings.errors.wholeNumber' })
      .min(frequencyCapInput.min, { error: 'settings.errors.frequencyCap' })
      .max(frequencyCapInput.max, { error: 'settings.errors.frequencyCap' }),
  })
  .refine((v) => v.asOfMode === 'automatic' || isRealDate(v.asOfDate ?? ''), {
    path: ['asOfDate'],
    error: 'settings.errors.asOfDate',
  });
export type SettingsForm = z.infer<typeof settingsFormInput>;

export function toSettingsForm(settings: SettingsView): SettingsForm {
  return {
    asOfMode: settings.asOfDate === null ? 'automatic' : 'fixed',
    asOfDate: settings.asOfDate ?? '',
    currency: settings.currency,
    timeZone: settings.timeZone,
    smallSegmentThreshold: settings.smallSegmentThreshold,
    frequencyCapPerWeek: settings.frequencyCapPerWeek,
  };
}

/** Only the fields that differ from `current`, so the audit log records the real change. */
export function toSettingsPatch(form: SettingsForm, current: SettingsView): SettingsPatchView {
  const next: SettingsView = {
    asOfDate: form.asOfMode === 'automatic' ? null : (form.asOfDate ?? null),
    currency: form.currency,
    timeZone: form.timeZone,
    smallSegmentThreshold: form.smallSegmentThreshold,
    frequencyCapPerWeek: form.frequencyCapPerWeek,
  };
  const patch: SettingsPatchView = {};
  for (const key of Object.keys(next) as (keyof SettingsView)[]) {
    if (next[key] !== current[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

/** Choices for a select: every value the browser knows, plus the current one if the browser does not. */
export function choicesWith(values: readonly string[], current: string): string[] {
  return values.includes(current) ? [...values] : [current, ...values];
}
