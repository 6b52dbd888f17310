"use client";

import { ErrorPage } from "@/components/error-page";

/** A layout that failed (the public or staff shell): the root layout still stands. */
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <ErrorPage {...props} />
    </main>
  );
}
