// Choosing several values from a long list (47 prefectures): a button that says what is chosen, opening a
// searchable list of checkboxes with counts. Text comes from the caller so any feature can use it.
import { useId, useMemo, useState } from 'react';

export interface MultiSelectOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. how many customers have the value. */
  detail?: string;
}

export interface MultiSelectText {
  /** The control's accessible name. */
  label: string;
  /** Button text when nothing is chosen. */
  placeholder: string;
  search: string;
  noMatch: string;
  clear: string;
  done: string;
  /** "3 selected" for the button when many are chosen. */
  selected: (count: number) => string;
}

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

export function MultiSelect({
  options,
  selected,
  onChange,
  text,
  invalid = false,
}: {
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  text: MultiSelectText;
  invalid?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const panelId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const labelOf = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown = options.filter((o) => words.every((w) => fold(`${o.label} ${o.value}`).includes(w)));
  // Chosen values the list does not offer (typed in a link, or rare) stay visible and removable.
  const extra = selected.filter((v) => !labelOf.has(v));

  const summary =
    selected.length === 0
      ? text.placeholder
      : selected.length <= 3
        ? selected.map((v) => labelOf.get(v) ?? v).join(', ')
        : text.selected(selected.length);

  const toggle = (value: string) => onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div className={`multi-select${open ? ' open' : ''}`}>
      <button
        type="button"
        className={`multi-select-button${invalid ? ' invalid' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${text.label}: ${summary}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="multi-select-summary">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="multi-select-panel"
          role="group"
          aria-label={text.label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <input type="search" className="multi-select-search" aria-label={text.search} placeholder={text.search} value={query} onChange={(e) => setQuery(e.target.value)} />
          <ul className="multi-select-list">
            {[...extra.map((v) => ({ value: v, label: v }) as MultiSelectOption), ...shown].map((o) => (
              <li key={o.value}>
                <label>
                  <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} />
                  <span className="multi-select-label">{o.label}</span>
                  {o.detail ? <span className="multi-select-detail">{o.detail}</span> : null}
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="muted">{text.noMatch}</li> : null}
          </ul>
          <div className="multi-select-actions">
            <button type="button" className="button button-small button-secondary" onClick={() => onChange([])} disabled={selected.length === 0}>
              {text.clear}
            </button>
            <button type="button" className="button button-small button-primary" onClick={() => setOpen(false)}>
              {text.done}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
