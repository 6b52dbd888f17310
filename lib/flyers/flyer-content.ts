/**
 * What a flyer says, in the coordinator's chosen language. Pure: the words come from
 * lib/i18n/messages/…/flyers.json (`flyer.*`; the house rules in one line summarise
 * `rulesPage.rule1`–`rule6`), the names from the configuration, the link from `flyerLink`.
 */
import type { AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import { flyerLink } from "./flyer-link";

/**
 * Who the flyer is for: a subarea that has a group (optionally one of its streets), or a street
 * no active subarea covers — that flyer asks for a contact person instead.
 */
export type FlyerTarget = { kind: "subarea"; subarea: string; street?: string } | { kind: "uncovered"; street: string };

export interface FlyerNames {
  organisation: string;
  neighbourhood: string;
  municipality: string;
  appUrl: string;
}

export interface FlyerContent {
  locale: AppLocale;
  header: string;
  headline: string;
  /** Plain paragraphs under the headline. */
  body: string[];
  emergencyTitle: string;
  emergency: string;
  rulesLine: string;
  /** The call to action, printed just above the link. */
  cta: string;
  /** The link the QR code encodes. */
  url: string;
  /** The same link as printed (no scheme). */
  displayUrl: string;
  note: string;
  footer: string;
}

/** The texts of one flyer. */
export function flyerContent(target: FlyerTarget, locale: AppLocale, names: FlyerNames): FlyerContent {
  const t = translatorFor(locale);
  const common = {
    locale,
    header: t("flyer.header", { neighbourhood: names.neighbourhood }),
    emergencyTitle: t("flyer.emergencyTitle"),
    emergency: t("flyer.emergency"),
    rulesLine: t("flyer.rulesLine"),
    footer: t("flyer.footer", { organisation: names.organisation, municipality: names.municipality }),
  };
  if (target.kind === "uncovered") {
    const link = flyerLink(names.appUrl, "volunteer", target.street);
    return {
      ...common,
      headline: t("flyer.headlineUncovered", { street: target.street }),
      body: [t("flyer.purpose", { neighbourhood: names.neighbourhood }), t("flyer.uncoveredIntro", { street: target.street })],
      cta: t("flyer.ctaVolunteer"),
      url: link.url,
      displayUrl: link.display,
      note: t("flyer.ctaVolunteerNote"),
    };
  }
  const link = flyerLink(names.appUrl, "apply", target.street);
  return {
    ...common,
    headline: target.street ? t("flyer.headlineStreet", { street: target.street }) : t("flyer.headlineSubarea", { subarea: target.subarea }),
    body: [t("flyer.purpose", { neighbourhood: names.neighbourhood })],
    cta: t("flyer.ctaApply"),
    url: link.url,
    displayUrl: link.display,
    note: t("flyer.ctaApplyNote"),
  };
}
