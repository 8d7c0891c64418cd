// An accessible progress bar: role=progressbar with aria-valuenow 0–100 and a spoken description.
export function ProgressBar({
  value,
  label,
  valueText,
  tone = 'active',
}: {
  value: number;
  label: string;
  valueText: string;
  tone?: 'active' | 'success' | 'error';
}) {
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped)}
        aria-valuetext={valueText}
      >
        <div className={`progress-fill progress-${tone}`} style={{ width: `${clamped}%` }} />
      </div>
      <p className="progress-text" aria-hidden="true">
        {valueText}
      </p>
    </div>
  );
}
