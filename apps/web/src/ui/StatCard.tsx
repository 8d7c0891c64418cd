// One number with its label, for summary rows.
import type { ReactNode } from 'react';

export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="stat-card">
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
      {detail ? <dd className="stat-detail">{detail}</dd> : null}
    </div>
  );
}
