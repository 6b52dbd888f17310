import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BulletList, PageTitle, Section } from "@/components/prose";
import { config } from "@/lib/config/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tipsPage"))("title") };
}

export default async function TipsPage() {
  const t = await getTranslations("tipsPage");
  return (
    <article className="space-y-8">
      <div className="space-y-4">
        <PageTitle>{t("title")}</PageTitle>
        <p className="text-lg">{t("intro")}</p>
      </div>
      <Section id="inside" title={t("insideHeading")}>
        <BulletList items={[t("inside1"), t("inside2"), t("inside3"), t("inside4")]} />
      </Section>
      <Section id="outside" title={t("outsideHeading")}>
        <BulletList items={[t("outside1"), t("outside2"), t("outside3"), t("outside4"), t("outside5")]} />
      </Section>
      <Section id="away" title={t("awayHeading")}>
        <BulletList items={[t("away1"), t("away2"), t("away3")]} />
      </Section>
      <Section id="more" title={t("moreHeading")}>
        <p>{t("more", { municipality: config().MUNICIPALITY_NAME })}</p>
      </Section>
    </article>
  );
}
