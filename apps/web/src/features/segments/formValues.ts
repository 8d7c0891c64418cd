// The builder's form: the segment's details and its rule, edited with react-hook-form (each group's
// children are a field array). The details share their limits with the server's segment input.
import type { SegmentRule } from '@kizuna/segments';
import { segmentRule } from '@kizuna/segments';
import { z } from 'zod';

export interface BuilderValues {
  name: string;
  description: string;
  /** Comma-separated, as typed. */
  tags: string;
  rule: SegmentRule;
}

/** Tags as typed (commas, Japanese commas too) to the list the API takes: trimmed, distinct, non-empty. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,、，]/).map((t) => t.trim()).filter(Boolean))];
}

/** Messages are translation keys; the form shows them in the UI language. */
export const builderForm = z.object({
  name: z.string().trim().min(1, 'segments.save.errors.nameRequired').max(120, 'segments.save.errors.nameLong'),
  description: z.string().trim().max(2000, 'segments.save.errors.descriptionLong'),
  tags: z
    .string()
    .refine((text) => {
      const tags = parseTags(text);
      return tags.length <= 20 && tags.every((t) => t.length <= 40);
    }, 'segments.save.errors.tags'),
  rule: segmentRule,
});
