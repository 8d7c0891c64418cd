// Two linked rings: the bond (絆) the product is named for. Decorative; the name is written next to it.
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--color-accent)" />
      <circle cx="12.5" cy="16" r="6" fill="none" stroke="white" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="6" fill="none" stroke="white" strokeWidth="2.6" />
    </svg>
  );
}
