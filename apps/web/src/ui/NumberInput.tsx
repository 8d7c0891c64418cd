// A number input that lets people type freely ("1.", "-", "") while the form holds a number, or '' while
// the box is empty or not yet a number. `scale` shows minor units as major ones (¥ 0, $ 2 digits).
import type { ComponentPropsWithoutRef } from 'react';
import { useState } from 'react';

export type NumberValue = number | '';

function show(value: unknown, scale: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value / scale) : '';
}

function parse(text: string, scale: number): NumberValue {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return '';
  return scale === 1 ? n : Math.round(n * scale);
}

export function NumberInput({
  value,
  onValue,
  scale = 1,
  ...input
}: { value: unknown; onValue: (value: NumberValue) => void; scale?: number } & Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'onChange' | 'type'>) {
  const [draft, setDraft] = useState(() => show(value, scale));
  const [seen, setSeen] = useState(value);
  // The value changed from outside (undo, template): show it, unless it is what the draft already says.
  if (!Object.is(value, seen)) {
    setSeen(value);
    if (parse(draft, scale) !== value) setDraft(show(value, scale));
  }
  return (
    <input
      type="number"
      inputMode="decimal"
      step={scale === 1 ? 'any' : 1 / scale}
      {...input}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        const next = parse(e.target.value, scale);
        setSeen(next);
        onValue(next);
      }}
    />
  );
}
