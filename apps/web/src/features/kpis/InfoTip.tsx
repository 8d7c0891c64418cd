// The "how is this computed" tip next to a KPI: a button that opens its definition (formula, window, edge
// cases) from kpis.definitions, in Japanese from the translations when the UI is in Japanese.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import type { KpiDefinitionId } from './kpiTypes';
import { useKpiDefinitions } from './useKpis';

export function InfoTip({ id }: { id: KpiDefinitionId }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const definitions = useKpiDefinitions();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const api = definitions.data?.find((d) => d.id === id);
  // English comes straight from the API (the single source); other languages from their translation.
  const fromApi = language === 'en' && api !== undefined;
  const name = fromApi ? api.name : t(`kpis.definitionText.${id}.name`);
  const formula = fromApi ? api.formula : t(`kpis.definitionText.${id}.formula`);
  const windowText = fromApi ? api.window : t(`kpis.definitionText.${id}.window`);
  const edgeCases = fromApi ? api.edgeCases : (t(`kpis.definitionText.${id}.edgeCases`, { returnObjects: true }) as string[]);

  return (
    <span className="info-tip" ref={root}>
      <button
        ref={button}
        type="button"
        className="info-tip-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t('kpis.info.button', { name })}
        onClick={() => setOpen((v) => !v)}
      >
        i
      </button>
      {open ? (
        <div id={panelId} role="dialog" aria-label={name} className="info-tip-panel">
          <p className="info-tip-title">{name}</p>
          <dl>
            <dt>{t('kpis.info.formula')}</dt>
            <dd>{formula}</dd>
            <dt>{t('kpis.info.window')}</dt>
            <dd>{windowText}</dd>
            <dt>{t('kpis.info.edgeCases')}</dt>
            <dd>
              <ul>
                {edgeCases.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
            {t('kpis.info.close')}
          </button>
        </div>
      ) : null}
    </span>
  );
}
