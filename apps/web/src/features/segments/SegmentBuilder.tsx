// The segment builder: details and save, templates (new segments), the rule editor with undo and redo,
// the live preview and explanations beside it, and for a saved segment its history and where it is used.
import { zodResolver } from '@hookform/resolvers/zod';
import type { SegmentRule } from '@kizuna/segments';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { Resolver } from 'react-hook-form';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { apiErrorCode } from '../../ui/apiError';
import type { SegmentOption } from './builderContext';
import { BuilderContext, FiguresContext } from './builderContext';
import { DetailsPanel } from './DetailsPanel';
import { ExplainPanel } from './ExplainPanel';
import { FieldPicker } from './FieldPicker';
import type { BuilderValues } from './formValues';
import { builderForm, parseTags } from './formValues';
import { PreviewPanel } from './PreviewPanel';
import { overlapsLink } from './ruleParam';
import { RuleEditor } from './RuleEditor';
import { stripIds } from './ruleTree';
import { TemplatePicker } from './TemplatePicker';
import { useBuilderApi } from './useBuilderApi';
import { useRuleHistory } from './useRuleHistory';
import type { BuilderFields, SegmentDetail } from './useSegments';
import { useCreateSegment, useUpdateSegment } from './useSegments';

const snapshot = (v: BuilderValues) => JSON.stringify({ ...v, tags: parseTags(v.tags), rule: stripIds(v.rule), name: v.name.trim(), description: v.description.trim() });

export function SegmentBuilder({
  initial,
  segment,
  fields,
  segments,
  readOnly,
  extras,
  actions,
}: {
  initial: BuilderValues;
  segment: SegmentDetail | null;
  fields: BuilderFields;
  segments: readonly SegmentOption[];
  readOnly: boolean;
  /** Saved segments: version history and where it is used, below the editor. */
  extras?: ReactNode;
  /** Saved segments: duplicate and delete, beside the save button. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // segmentRule is typed z.ZodType<SegmentRule>, whose input type is unknown; the output is BuilderValues.
  const form = useForm<BuilderValues>({ defaultValues: initial, resolver: zodResolver(builderForm) as Resolver<BuilderValues> });
  const history = useRuleHistory(form);
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const saveError = segment ? update.error : create.error;
  const { api, figures, preview, issueCount, empty, picker, closePicker } = useBuilderApi({
    form,
    history,
    fields,
    segments,
    segmentId: segment?.id,
    readOnly,
    saveError,
  });
  const [baseline, setBaseline] = useState(() => snapshot(initial));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [ask, setAsk] = useState<{ customerId: string; at: number } | null>(null);
  const dirty = snapshot(form.watch()) !== baseline;

  const save = (values: BuilderValues) => {
    if (issueCount > 0) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    const input = { name: values.name.trim(), description: values.description.trim(), tags: parseTags(values.tags), rule: values.rule as unknown as Record<string, unknown> };
    const onError = (error: unknown) => {
      if (apiErrorCode(error) === 'CONFLICT') form.setError('name', { message: String((error as Error).message) });
    };
    if (segment) {
      update.mutate(
        { id: segment.id, expectedVersion: segment.version, ...input },
        {
          onSuccess: (saved) => {
            setSavedVersion(saved.version);
            setBaseline(snapshot(values));
          },
          onError,
        },
      );
    } else {
      create.mutate(input, { onSuccess: (saved) => void navigate(`/segments/${saved.id}`, { state: { created: true } }), onError });
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const typing = e.target instanceof HTMLInputElement && e.target.type !== 'checkbox' && e.target.type !== 'radio';
    if (typing || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) history.undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') history.redo();
    else return;
    e.preventDefault();
  };

  const useTemplate = (rule: SegmentRule, name: string) => {
    history.replace(rule);
    if (!form.getValues('name').trim()) form.setValue('name', name);
  };

  return (
    <FormProvider {...form}>
      <BuilderContext.Provider value={api}>
        <FiguresContext.Provider value={figures}>
        <div className="builder">
          <div className="builder-main">
            <form onSubmit={form.handleSubmit(save)} noValidate aria-label={t('segments.builder.formLabel')}>
              <DetailsPanel
                readOnly={readOnly}
                isNew={!segment}
                actions={actions}
                status={{ pending: create.isPending || update.isPending, error: saveError, savedVersion, blocked: blocked && issueCount > 0, dirty }}
              />
              <section className="panel rule-panel" aria-labelledby="rule-heading" onKeyDown={onKeyDown}>
                <div className="rule-toolbar">
                  <h2 id="rule-heading">{t('segments.builder.rule')}</h2>
                  {readOnly ? null : (
                    <div className="toolbar-buttons">
                      <button type="button" className="button button-secondary button-small" onClick={history.undo} disabled={!history.canUndo} aria-keyshortcuts="Control+Z">
                        {t('segments.builder.undo')}
                      </button>
                      <button type="button" className="button button-secondary button-small" onClick={history.redo} disabled={!history.canRedo} aria-keyshortcuts="Control+Shift+Z">
                        {t('segments.builder.redo')}
                      </button>
                    </div>
                  )}
                  <Link
                    className="toolbar-link"
                    to={overlapsLink({ segmentIds: segment ? [segment.id] : [], rules: segment && !dirty ? [] : [{ label: form.getValues('name') || t('segments.builder.draft'), rule: api.getRule() }] })}
                  >
                    {t('segments.builder.compare')}
                  </Link>
                </div>
                <RuleEditor />
              </section>
              {!segment && !readOnly ? <TemplatePicker onUse={useTemplate} open={empty} /> : null}
            </form>
            {extras}
          </div>
          <aside className="builder-side" aria-label={t('segments.preview.asideLabel')}>
            <PreviewPanel state={preview} issueCount={issueCount} empty={empty} onExplain={(customerId) => setAsk({ customerId, at: Date.now() })} />
            <ExplainPanel ask={ask} disabled={issueCount > 0} />
          </aside>
        </div>
        <FieldPicker request={picker} onClose={closePicker} />
        </FiguresContext.Provider>
      </BuilderContext.Provider>
    </FormProvider>
  );
}
