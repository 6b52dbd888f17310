import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config/env";

export default async function HomePage() {
  const t = await getTranslations("home");
  const { NEIGHBOURHOOD_NAME, MUNICIPALITY_NAME } = config();
  return (
    <article className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading", { neighbourhood: NEIGHBOURHOOD_NAME })}</h1>
      <p className="text-lg">{t("intro", { neighbourhood: NEIGHBOURHOOD_NAME })}</p>
      <p role="note" className="rounded border-l-4 border-alert-700 bg-red-50 p-4 font-medium">
        {t("emergency")}
      </p>
      <section aria-labelledby="how" className="space-y-2">
        <h2 id="how" className="text-xl font-semibold">{t("howHeading")}</h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
        </ol>
      </section>
      <section aria-labelledby="support" className="space-y-2">
        <h2 id="support" className="text-xl font-semibold">{t("supportHeading")}</h2>
        <p>{t("support", { municipality: MUNICIPALITY_NAME })}</p>
      </section>
    </article>
  );
}
