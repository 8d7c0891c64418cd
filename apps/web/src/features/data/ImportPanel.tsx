// Upload form, one progress bar from upload through processing, and the outcome.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { ImportForm } from './ImportForm';
import { ImportResult } from './ImportResult';
import { describeProgress, progressPercent } from './importProgress';
import { useImport } from './useImport';

export function ImportPanel() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { state, start, busy } = useImport();
  const description = describeProgress(state);
  const failed = state.stage === 'rejected' || (state.stage === 'finished' && state.status.status === 'failed');
  const tone = failed ? 'error' : state.stage === 'finished' ? 'success' : 'active';
  const values =
    description.key === 'data.progress.processingFile'
      ? { file: description.values.file, rows: formatNumber(description.values.rows, locale) }
      : description.values;

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('data.import.title')}</h2>
      <p className="muted">{t('data.import.description')}</p>
      <ImportForm busy={busy} onImport={start} />
      {state.stage !== 'idle' ? (
        <div className="import-progress" aria-live="polite">
          <ProgressBar tone={tone} value={progressPercent(state)} label={t('data.progress.label')} valueText={t(description.key, values)} />
        </div>
      ) : null}
      <ImportResult state={state} />
    </section>
  );
}
