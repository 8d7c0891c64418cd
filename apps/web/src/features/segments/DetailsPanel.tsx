// The segment's name, description and tags, with the save button and what saving did.
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { TextField } from '../../ui/Field';
import type { BuilderValues } from './formValues';

export interface SaveStatus {
  pending: boolean;
  error: unknown;
  /** The version just saved, for the confirmation. */
  savedVersion: number | null;
  /** The rule has problems: saving is refused until they are fixed. */
  blocked: boolean;
  dirty: boolean;
}

export function DetailsPanel({ readOnly, status, isNew, actions }: { readOnly: boolean; status: SaveStatus; isNew: boolean; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<BuilderValues>();
  const { errors } = formState;
  return (
    <section className="panel details-panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('segments.save.title')}</h2>
      <fieldset className="plain-fieldset details-grid" disabled={readOnly}>
        <TextField label={t('segments.save.name')} error={errors.name?.message} autoComplete="off" {...register('name')} />
        <TextField label={t('segments.save.tags')} hint={t('segments.save.tagsHint')} error={errors.tags?.message} autoComplete="off" {...register('tags')} />
        <TextField className="details-wide" label={t('segments.save.description')} error={errors.description?.message} autoComplete="off" {...register('description')} />
      </fieldset>
      {readOnly ? (
        <p className="muted">{t('segments.save.readOnly')}</p>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={status.pending}>
            {status.pending ? t('segments.save.saving') : isNew ? t('segments.save.create') : t('segments.save.save')}
          </button>
          {status.dirty ? <span className="unsaved">{t('segments.save.unsaved')}</span> : null}
          {actions}
        </div>
      )}
      {status.blocked ? <Alert tone="error" title={t('segments.save.blocked')} /> : null}
      {status.error ? <ApiErrorNotice error={status.error} /> : null}
      {status.savedVersion !== null && !status.dirty ? (
        <Alert tone="success" title={t('segments.save.saved', { version: status.savedVersion })} />
      ) : null}
    </section>
  );
}
