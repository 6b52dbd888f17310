import Link from "next/link";

/** Headings, sections and calls to action shared by the public information pages. */
export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="text-3xl font-bold tracking-tight">{children}</h1>;
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ButtonLink({ href, children, secondary }: { href: string; children: React.ReactNode; secondary?: boolean }) {
  return (
    <Link
      href={href}
      prefetch={false}
      className={
        secondary
          ? "inline-block rounded border-2 border-brand-700 px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50"
          : "inline-block rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
      }
    >
      {children}
    </Link>
  );
}

export function EmergencyNote({ children }: { children: React.ReactNode }) {
  return (
    <p role="note" className="rounded border-l-4 border-alert-700 bg-red-50 p-4 font-medium">
      {children}
    </p>
  );
}

export function BulletList({ items }: { items: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
