"use client";

/**
 * The last resort, when even the root layout failed: no translations can be loaded, so it
 * speaks both languages. It replaces the whole document, hence its own <html> and <body>.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
          <h1 className="text-2xl font-bold">Er ging iets mis</h1>
          <p>Deze pagina kon niet worden geladen. Probeer het nog eens, of later opnieuw.</p>
          <div lang="en" className="space-y-2">
            <h2 className="text-xl font-semibold">Something went wrong</h2>
            <p>This page could not be loaded. Try again, or later.</p>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              Probeer het nog eens <span lang="en">/ Try again</span>
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the app itself failed: a full load */}
            <a href="/" className="text-brand-700 underline">
              Naar de startpagina <span lang="en">/ Home page</span>
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
