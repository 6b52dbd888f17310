/** The first focusable element of every page: jumps past the header to `<main id="main">`. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a href="#main" className="skip-link">
      {label}
    </a>
  );
}
