/** The first focusable element of every page: jumps past the header to `<main id="main">`. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
      {label}
    </a>
  );
}
