// The "add condition" dialog: every field grouped by category with a one-line description, searchable,
// plus orders, events, reachability and other segments. A native modal <dialog> keeps focus inside and
// closes on Escape; focus returns to the button that opened it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './builderContext';
import type { PickerRequest } from './builderContext';
import type { PickerChoice } from './fieldCatalog';
import { pickerEntries, searchPicker } from './fieldCatalog';
import { helpOfField, labelOfField } from './phrasebook';

export function FieldPicker({ request, onClose }: { request: PickerRequest | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { fields } = useBuilder();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const titleId = useId();

  const entries = useMemo(
    () =>
      pickerEntries(fields.fields, {
        label: (f) => labelOfField(i18n, f),
        help: (f) => helpOfField(i18n, f),
        special: (key, part) => t(`segments.picker.special.${key}.${part}`),
      }),
    [fields.fields, i18n, t],
  );
  const sections = searchPicker(entries, query);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (request && !el.open) {
      picked.current = false;
      el.showModal();
    } else if (!request && el.open) el.close();
  }, [request]);

  // After a pick, focus goes to the new condition instead of back to the button.
  const picked = useRef(false);

  const close = () => {
    setQuery('');
    if (!picked.current) request?.returnFocus?.focus();
    picked.current = false;
    onClose();
  };

  const pick = (choice: PickerChoice) => {
    picked.current = true;
    // Closed first: while the modal is open the rest of the page is inert and cannot take focus.
    dialog.current?.close();
    request?.onPick(choice);
    onClose();
  };

  return (
    <dialog ref={dialog} className="field-picker" aria-labelledby={titleId} onClose={close} onCancel={close}>
      <div className="field-picker-head">
        <h2 id={titleId}>{t('segments.picker.title')}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={t('segments.picker.close')}>
          ✕
        </button>
      </div>
      <input
        type="search"
        className="field-picker-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t('segments.picker.search')}
        placeholder={t('segments.picker.search')}
        autoFocus
      />
      <div className="field-picker-list">
        {sections.length === 0 ? <p className="muted">{t('segments.picker.noMatch', { query })}</p> : null}
        {sections.map((section) => (
          <section key={section.category} aria-labelledby={`${titleId}-${section.category}`}>
            <h3 id={`${titleId}-${section.category}`}>{t(`segments.categories.${section.category}`)}</h3>
            <ul>
              {section.entries.map((entry) => (
                <li key={entry.key}>
                  <button type="button" className="picker-entry" onClick={() => pick(entry.choice)}>
                    <span className="picker-label">{entry.label}</span>
                    <span className="picker-help">{entry.help}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </dialog>
  );
}
