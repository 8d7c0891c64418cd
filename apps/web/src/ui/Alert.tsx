// Messages in a box: errors are announced at once (role=alert), success and info politely (role=status).
import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

export function Alert({ tone, title, children }: { tone: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`alert alert-${tone}`}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}
