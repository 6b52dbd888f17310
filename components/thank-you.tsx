import Link from "next/link";
import { PageTitle } from "@/components/prose";

/** The page after a public form: what happened, anything more to say, and the way home. */
export function ThankYou({ title, status, children, backHome }: { title: string; status: string; children?: React.ReactNode; backHome: string }) {
  return (
    <article className="space-y-5">
      <PageTitle>{title}</PageTitle>
      <p role="status" className="text-lg">
        {status}
      </p>
      {children}
      <p>
        <Link href="/" prefetch={false} className="text-brand-700 underline">
          {backHome}
        </Link>
      </p>
    </article>
  );
}
