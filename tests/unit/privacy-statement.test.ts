// The privacy statement and the processing register are generated from the retention policy
// and the data model: change a RETENTION_* setting and the rendered page changes with it; every
// rule, every table with personal data and every recipient is in them.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrivacyDocumentView } from "@/components/privacy/privacy-document-view";
import { contactApplicationSelect } from "@/lib/access/application-dto";
import { CONTACT_STATUSES } from "@/lib/applications/status-machine";
import { parseConfig, type AppConfig } from "@/lib/config/env";
import { Prisma } from "@/lib/db/generated/browser";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { privacyStatement, processingRegister } from "@/lib/privacy/privacy-statement";
import { PERSONAL_DATA, PROCESSING_ACTIVITIES, TABLES_WITHOUT_PERSONAL_DATA } from "@/lib/privacy/processing-register";
import { retentionPolicy } from "@/lib/privacy/retention-policy";

const env = { NODE_ENV: "test" };
const render = (locale: AppLocale, cfg: AppConfig, page = privacyStatement) => renderToStaticMarkup(createElement(PrivacyDocumentView, { document: page(locale, cfg) }));
/** The text of the list item for one retention rule. */
const item = (html: string, id: string) => new RegExp(`<li data-item="${id}">([^<]*)</li>`).exec(html)?.[1];
const periodText = (locale: AppLocale, unit: "days" | "months", amount: number) => translatorFor(locale)(`privacy.period.${unit}`, { amount });

describe("the privacy statement", () => {
  it.each(LOCALES)("describes the yearly member check with its configured period, and not when it is off (%s)", (locale) => {
    const t = translatorFor(locale);
    for (const months of [12, 18]) {
      const cfg = parseConfig({ ...env, MEMBER_CHECK_MONTHS: String(months) });
      const sentence = t("privacy.statement.memberCheck", { months });
      expect(render(locale, cfg)).toContain(sentence);
      expect(render(locale, cfg, processingRegister)).toContain(sentence);
    }
    const off = parseConfig({ ...env, MEMBER_CHECK_MONTHS: "0" });
    expect(render(locale, off)).not.toContain(t("privacy.statement.memberCheck", { months: 0 }).slice(0, 20));
  });

  it.each(LOCALES)("lists every retention rule with its configured period (%s)", (locale) => {
    const cfg = parseConfig(env);
    const html = render(locale, cfg);
    for (const rule of retentionPolicy(cfg)) {
      expect(item(html, rule.id), rule.id).toContain(periodText(locale, rule.period.unit, rule.period.amount));
    }
  });

  it.each(LOCALES)("changes when a RETENTION_* setting changes, for exactly the rules it sets (%s)", (locale) => {
    const base = parseConfig(env);
    const before = render(locale, base);
    const settings = [...new Set(retentionPolicy(base).flatMap((rule) => (rule.setting ? [rule.setting] : [])))];
    expect(settings.length).toBeGreaterThanOrEqual(8);
    for (const setting of settings) {
      const value = base[setting] + 5;
      const cfg = parseConfig({ ...env, [setting]: String(value) });
      const after = render(locale, cfg);
      for (const rule of retentionPolicy(cfg)) {
        const text = item(after, rule.id)!;
        if (rule.setting === setting) {
          expect(text, `${setting} → ${rule.id}`).toContain(periodText(locale, rule.period.unit, value));
          expect(text).not.toBe(item(before, rule.id));
        } else {
          expect(text, `${setting} must not change ${rule.id}`).toBe(item(before, rule.id));
        }
      }
    }
  });

  it("names the controller and the mailbox from the configuration", () => {
    const html = render("nl", parseConfig({ ...env, ORGANISATION_NAME: "Buurtwacht Voorbeeldwijk", MAILBOX_ADDRESS: "privacy@voorbeeld.nl" }));
    expect(html).toContain("Buurtwacht Voorbeeldwijk is verantwoordelijk");
    expect(html).toContain("privacy@voorbeeld.nl");
  });

  it("tells what a contact person sees: the contact DTO's fields, in the contact statuses", () => {
    const html = render("en", parseConfig(env));
    const contact = item(html, "contactPerson")!;
    const t = translatorFor("en");
    expect(Object.keys(contactApplicationSelect).sort()).toEqual(["id", "mobile", "name", "status"]);
    expect(contact).toContain("only name, mobile number, and status");
    for (const status of CONTACT_STATUSES) expect(contact).toContain(t(`privacy.status.${status}`));
  });
});

describe("the processing register", () => {
  it("covers every table of the data model, each with or without personal data", () => {
    const classified = [...Object.keys(PERSONAL_DATA), ...TABLES_WITHOUT_PERSONAL_DATA];
    expect(Object.values(Prisma.ModelName).filter((model) => !classified.includes(model))).toEqual([]);
    const inActivities = PROCESSING_ACTIVITIES.flatMap((a) => a.tables);
    expect(Object.keys(PERSONAL_DATA).filter((table) => !inActivities.includes(table as never))).toEqual([]);
  });

  it("gives every retention rule to exactly one activity, and shows its period", () => {
    const cfg = parseConfig({ ...env, RETENTION_LEFT_MONTHS: "7" });
    const owners = retentionPolicy(cfg).map((rule) => PROCESSING_ACTIVITIES.filter((a) => a.retention.includes(rule.id)).length);
    expect(owners.every((n) => n === 1)).toBe(true);
    const html = render("nl", cfg, processingRegister);
    expect(html).toContain("geanonimiseerd 7 maanden na je vertrek");
    for (const activity of PROCESSING_ACTIVITIES) expect(html).toContain(`id="${activity.id}"`);
  });
});
