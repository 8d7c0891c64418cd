// Loads what the builder needs (fields, saved segments, the segment) and picks the starting rule: a saved
// segment's, one from the link (?rule=…, ?template=…), or an empty group.
import type { SegmentRule } from '@kizuna/segments';
import { emptyRule, findTemplate } from '@kizuna/segments';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import type { BuilderValues } from './formValues';
import { useCanEditSegments } from './permissions';
import { parseRuleParam } from './ruleParam';
import { withIds } from './ruleTree';
import { SegmentActions } from './SegmentActions';
import { SegmentBuilder } from './SegmentBuilder';
import { useBuilderFields, useSegment, useSegmentList } from './useSegments';
import { VersionHistory } from './VersionHistory';
import { WhereUsed } from './WhereUsed';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/segments" className="back-link">
      ← {t('segments.list.back')}
    </Link>
  );
}

export function NewSegmentPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fields = useBuilderFields();
  const list = useSegmentList();
  const canEdit = useCanEditSegments();
  const start = useMemo(() => {
    const ruleText = params.get('rule');
    const template = params.get('template');
    if (ruleText) {
      const parsed = parseRuleParam(ruleText);
      return parsed.ok ? { rule: parsed.rule, problem: false } : { rule: withIds(emptyRule()), problem: true };
    }
    const found = template ? findTemplate(template) : undefined;
    return { rule: withIds(found ? found.rule : emptyRule()), problem: template !== null && !found };
  }, [params]);
  const initial: BuilderValues = { name: params.get('name') ?? '', description: '', tags: '', rule: start.rule };

  return (
    <>
      <BackLink />
      <PageHeader title={t('segments.builder.newTitle')} description={t('segments.builder.description')} />
      {start.problem ? <Alert tone="warning" title={t('segments.builder.badLink')} /> : null}
      {fields.error ? <ApiErrorNotice error={fields.error} /> : null}
      {list.error ? <ApiErrorNotice error={list.error} /> : null}
      {fields.data && list.data ? (
        <SegmentBuilder initial={initial} segment={null} fields={fields.data} segments={list.data.items.map((s) => ({ id: s.id, name: s.name }))} readOnly={!canEdit} />
      ) : fields.error || list.error ? null : (
        <Loading />
      )}
    </>
  );
}

export function EditSegmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const segment = useSegment(id);
  const fields = useBuilderFields();
  const list = useSegmentList();
  const canEdit = useCanEditSegments();
  // A restore replaces the rule under the editor: it starts over from the restored version.
  const [restored, setRestored] = useState<{ from: number; to: number } | null>(null);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const error = segment.error ?? fields.error ?? list.error;

  const ready = segment.data && fields.data && list.data;
  return (
    <>
      <BackLink />
      <PageHeader title={segment.data?.name ?? t('segments.builder.editTitle')} description={segment.data?.description || t('segments.builder.description')} />
      {created && !restored ? <Alert tone="success" title={t('segments.save.created')} /> : null}
      {restored ? <Alert tone="success" title={t('segments.history.restored', { from: restored.from, to: restored.to })} /> : null}
      {error ? <ApiErrorNotice error={error} /> : null}
      {ready ? (
        <SegmentBuilder
          key={`${segment.data.id}:${restored?.to ?? 0}`}
          initial={valuesOf(segment.data)}
          segment={segment.data}
          fields={fields.data}
          segments={list.data.items.filter((s) => s.id !== id).map((s) => ({ id: s.id, name: s.name }))}
          readOnly={!canEdit}
          actions={canEdit ? <SegmentActions segment={segment.data} /> : undefined}
          extras={
            <>
              <VersionHistory segment={segment.data} readOnly={!canEdit} onRestored={(from, to) => void segment.refetch().then(() => setRestored({ from, to }))} />
              <WhereUsed segment={segment.data} />
            </>
          }
        />
      ) : error ? null : (
        <Loading />
      )}
    </>
  );
}

function valuesOf(segment: { name: string; description: string; tags: string[]; rule: SegmentRule }): BuilderValues {
  return { name: segment.name, description: segment.description, tags: segment.tags.join(', '), rule: withIds(segment.rule) };
}
