// The top of every page: its one h1 and a sentence on what the page is for.
import type { ReactNode } from 'react';

export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {description ? <p className="page-description">{description}</p> : null}
    </div>
  );
}
