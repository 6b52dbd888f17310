import type { PrivacyDocument } from "@/lib/privacy/privacy-document";

/** Renders a generated privacy page (statement or register). Pure: every text comes in built. */
export function PrivacyDocumentView({ document, footer }: { document: PrivacyDocument; footer?: React.ReactNode }) {
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{document.title}</h1>
        {document.intro.map((text) => (
          <p key={text} className="text-lg">
            {text}
          </p>
        ))}
      </header>
      {document.sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`} className="space-y-3">
          <h2 id={`${section.id}-heading`} className="text-xl font-semibold">
            {section.heading}
          </h2>
          {section.blocks.map((block, i) => {
            if (block.kind === "p") return <p key={i}>{block.text}</p>;
            if (block.kind === "list") {
              return (
                <ul key={i} className="list-disc space-y-1 pl-6">
                  {block.items.map((item) => (
                    <li key={item.id} data-item={item.id}>
                      {item.text}
                    </li>
                  ))}
                </ul>
              );
            }
            return (
              <div key={block.id} className="space-y-2">
                {block.heading && <h3 className="text-lg font-semibold">{block.heading}</h3>}
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
                  {block.rows.map((row) => (
                    <div key={row.term} className="contents">
                      <dt className="font-medium text-slate-700">{row.term}</dt>
                      <dd className="mb-2 sm:mb-0">
                        {row.details.length === 1 ? (
                          row.details[0]
                        ) : (
                          <ul className="list-disc space-y-1 pl-5">
                            {row.details.map((detail) => (
                              <li key={detail}>{detail}</li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            );
          })}
        </section>
      ))}
      {footer}
    </article>
  );
}
