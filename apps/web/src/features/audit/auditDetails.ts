// One-line summaries of audit details for the table; the full JSON stays one click away.

const maxLength = 140;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ changes: { role: { from, to } } }` reads as "role: marketer → planner"; other keys as "key: value". */
export function summarizeDetails(details: unknown): string {
  if (!isRecord(details)) return show(details);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' && isRecord(value)) {
      for (const [field, change] of Object.entries(value)) {
        if (isRecord(change) && 'from' in change && 'to' in change) parts.push(`${field}: ${show(change.from)} → ${show(change.to)}`);
        else parts.push(`${field}: ${show(change)}`);
      }
    } else {
      parts.push(`${key}: ${show(value)}`);
    }
  }
  const text = parts.join(' · ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

type Translate = (key: string, options: { defaultValue: string }) => string;

/** An action code (`segment.update`) or entity type (`matrix_cell`) in words; a code without words shows as sent. */
export function auditLabel(t: Translate, group: 'actions' | 'entities', code: string): string {
  // Codes are dotted like i18next keys; anything else (a newer server's code with odd characters) stays raw.
  if (!/^[a-z_]+(\.[a-z_]+)*$/.test(code)) return code;
  return t(`audit.${group}.${code}`, { defaultValue: code });
}

/** Cursor paging: the cursors of the pages seen so far, so "previous" needs no server support. */
export interface PageStack {
  cursors: (string | null)[];
}

export const firstPage: PageStack = { cursors: [null] };

export function currentCursor(stack: PageStack): string | null {
  return stack.cursors[stack.cursors.length - 1] ?? null;
}

export function nextPage(stack: PageStack, nextCursor: string | null): PageStack {
  return nextCursor ? { cursors: [...stack.cursors, nextCursor] } : stack;
}

export function previousPage(stack: PageStack): PageStack {
  return stack.cursors.length > 1 ? { cursors: stack.cursors.slice(0, -1) } : stack;
}

export function pageNumber(stack: PageStack): number {
  return stack.cursors.length;
}
