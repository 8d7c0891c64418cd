// The weekly frequency cap as a stat with, for planners and admins, a Change button that opens a small form
// under the stats row, checked by the server's own schema (setFrequencyCapInput) with its messages in the
// user's language beside the field.
import { zodResolver } from '@hookform/resolvers/zod';
import { setFrequencyCapInput, type SetFrequencyCapInput } from '@kizuna/campaigns';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useValidationMessage } from '../../i18n/validation';
import { apiErrorCode } from '../../ui/apiError';
import { TextField } from '../../ui/Field';
import { StatCard } from '../../ui/StatCard';
import { frequencyCapInput } from '../settings/settingsForm';
import { useMatrixFormat } from './useMatrixFormat';

export interface CapSaved {
  n: number;
  version: number;
}

/** Whether the form is open and what the last save set, shared by the stat and the form. */
export function useCapEditor() {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<CapSaved | null>(null);
  return {
    editing,
    saved,
    open: () => {
      setSaved(null);
      setEditing(true);
    },
    close: (result: CapSaved | null) => {
      setEditing(false);
      setSaved(result);
    },
  };
}
export type CapEditor = ReturnType<typeof useCapEditor>;

const formId = 'matrix-cap-form';

export function FrequencyCapStat({ cap, version, canEdit, busy, editor }: { cap: number; version: number; canEdit: boolean; busy: boolean; editor: CapEditor }) {
  const { t } = useTranslation();
  const { num } = useMatrixFormat();
  // A confirmation only while it is still true: a reload after someone else's change drops it.
  const saved = editor.saved && editor.saved.n === cap && editor.saved.version === version ? editor.saved : null;
  const detail = canEdit ? (
    <>
      {saved ? (
        <span role="status" className="cap-saved">
          {t('matrix.cap.saved', { n: num(saved.n), version: saved.version })}
        </span>
      ) : null}
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={t('matrix.cap.changeLabel')}
        aria-expanded={editor.editing}
        aria-controls={editor.editing ? formId : undefined}
        disabled={busy || editor.editing}
        onClick={editor.open}
      >
        {t('matrix.cap.change')}
      </button>
    </>
  ) : null;
  return <StatCard label={t('matrix.stats.cap')} value={<span data-testid="frequency-cap">{t('matrix.stats.capValue', { n: num(cap) })}</span>} detail={detail} />;
}

interface FormProps {
  cap: number;
  version: number;
  busy: boolean;
  editor: CapEditor;
  onSave: (input: SetFrequencyCapInput) => Promise<{ version: number }>;
}

export function FrequencyCapForm({ cap, version, busy, editor, onSave }: FormProps) {
  const { t } = useTranslation();
  const message = useValidationMessage();
  // The version the planner saw when opening the form: a change made since by someone else is a conflict.
  const form = useForm<SetFrequencyCapInput>({ resolver: zodResolver(setFrequencyCapInput), defaultValues: { frequencyCapPerWeek: cap, baseVersion: version } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (data) => {
    try {
      const saved = await onSave(data);
      editor.close({ n: data.frequencyCapPerWeek, version: saved.version });
    } catch (error) {
      // The page explains the failure; after a conflict the form closes so the fresh cap is shown.
      if (apiErrorCode(error) === 'CONFLICT') editor.close(null);
    }
  });
  return (
    <form id={formId} className="panel cap-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('matrix.cap.changeLabel')}>
      <TextField
        {...frequencyCapInput}
        autoFocus
        label={t('matrix.cap.field')}
        hint={t('matrix.cap.hint')}
        error={message(errors.frequencyCapPerWeek?.message)}
        {...form.register('frequencyCapPerWeek', { valueAsNumber: true })}
      />
      <div className="cap-actions">
        <button type="submit" className="button button-primary" disabled={busy || isSubmitting}>
          {isSubmitting ? t('matrix.cap.saving') : t('matrix.cap.save')}
        </button>
        <button type="button" className="button button-secondary" disabled={isSubmitting} onClick={() => editor.close(null)}>
          {t('matrix.cap.cancel')}
        </button>
      </div>
    </form>
  );
}
