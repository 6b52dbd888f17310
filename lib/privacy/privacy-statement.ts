import { config, type AppConfig } from "../config/env";
import { CONTACT_STATUSES } from "../applications/status-machine";
import type { AppLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator";
import type { Block, PrivacyDocument } from "./privacy-document";
import { categoriesOf, contactPersonFields, PROCESSING_ACTIVITIES, type ProcessingActivity, type Recipient } from "./processing-register";
import { retentionPolicy, type RetentionRule } from "./retention-policy";

/**
 * The public privacy statement and the register of processing activities, generated from the
 * retention policy (with the deployment's RETENTION_* settings), the processing register and
 * the contact person's DTO — never written by hand, so they say what the code does.
 */

const RECIPIENTS: readonly Recipient[] = ["coordinators", "contactPerson", "groupMembers", "processors"];
const RIGHTS = ["access", "rectification", "erasure", "objection", "withdraw"] as const;
const SECURITY = ["minimum", "audit", "hashes", "signIn", "erasure"] as const;

function texts(locale: AppLocale, cfg: AppConfig) {
  const t = translatorFor(locale);
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  const values = { organisation: cfg.ORGANISATION_NAME, neighbourhood: cfg.NEIGHBOURHOOD_NAME, mailbox: cfg.MAILBOX_ADDRESS };
  const period = (rule: RetentionRule) => t(`privacy.period.${rule.period.unit}`, { amount: rule.period.amount });
  const retention = (rule: RetentionRule) => t(`privacy.retention.${rule.id}`, { period: period(rule) });
  const recipient = (id: Recipient) =>
    id === "contactPerson"
      ? t("privacy.recipient.contactPerson", {
          fields: list(contactPersonFields().map((f) => t(`privacy.field.${f}`))),
          statuses: new Intl.ListFormat(locale, { type: "disjunction" }).format(CONTACT_STATUSES.map((s) => t(`privacy.status.${s}`))),
        })
      : t(`privacy.recipient.${id}`);
  const categories = (activity: ProcessingActivity) =>
    categoriesOf(activity).map(({ category, fields }) => {
      const name = t(`privacy.category.${category}`);
      const labels = fields.map((f) => t(`privacy.field.${f}`));
      // "Name", not "Name: name".
      const same = labels.length === 1 && labels[0]!.toLowerCase() === name.toLowerCase();
      return { id: category, text: same ? name : `${name}: ${list(labels)}` };
    });
  // The yearly member check (lib/members/member-check.ts), described when it is on.
  const memberCheck = cfg.MEMBER_CHECK_MONTHS > 0 ? [t("privacy.statement.memberCheck", { months: cfg.MEMBER_CHECK_MONTHS })] : [];
  return { t, list, values, retention, recipient, categories, memberCheck };
}

export function privacyStatement(locale: AppLocale, cfg: AppConfig = config()): PrivacyDocument {
  const { t, values, retention, recipient, categories, memberCheck } = texts(locale, cfg);
  const rules = retentionPolicy(cfg);
  const activity = (a: ProcessingActivity): Block => ({
    kind: "fields",
    id: a.id,
    heading: t(`privacy.activity.${a.id}.name`),
    rows: [
      { term: t("privacy.statement.purposeLabel"), details: [t(`privacy.activity.${a.id}.purpose`)] },
      { term: t("privacy.statement.basisLabel"), details: [t(`privacy.basis.${a.basis}`)] },
      { term: t("privacy.statement.dataLabel"), details: categories(a).map((c) => c.text) },
    ],
  });
  return {
    title: t("privacy.statement.title"),
    intro: [t("privacy.statement.intro", values), t("privacy.statement.generated")],
    sections: [
      { id: "controller", heading: t("privacy.statement.controllerHeading"), blocks: [{ kind: "p", text: t("privacy.statement.controller", values) }] },
      { id: "activities", heading: t("privacy.statement.activitiesHeading"), blocks: PROCESSING_ACTIVITIES.map(activity) },
      {
        id: "recipients",
        heading: t("privacy.statement.recipientsHeading"),
        blocks: [
          { kind: "list", items: RECIPIENTS.map((id) => ({ id, text: recipient(id) })) },
          { kind: "p", text: t("privacy.statement.nobodyElse") },
        ],
      },
      {
        id: "retention",
        heading: t("privacy.statement.retentionHeading"),
        blocks: [
          { kind: "p", text: t("privacy.statement.retentionIntro") },
          { kind: "list", items: rules.map((rule) => ({ id: rule.id, text: retention(rule) })) },
          ...memberCheck.map((text) => ({ kind: "p" as const, text })),
          { kind: "p", text: t("privacy.statement.keptForRemoval") },
          { kind: "p", text: t("privacy.statement.anonymous") },
        ],
      },
      {
        id: "rights",
        heading: t("privacy.statement.rightsHeading"),
        blocks: [
          { kind: "list", items: RIGHTS.map((id) => ({ id, text: t(`privacy.rights.${id}`) })) },
          { kind: "p", text: t("privacy.statement.rightsHow", values) },
          { kind: "p", text: t("privacy.statement.complaint") },
        ],
      },
      {
        id: "security",
        heading: t("privacy.statement.securityHeading"),
        blocks: [{ kind: "list", items: SECURITY.map((id) => ({ id, text: t(`privacy.security.${id}`) })) }],
      },
    ],
  };
}

export function processingRegister(locale: AppLocale, cfg: AppConfig = config()): PrivacyDocument {
  const { t, list, values, retention, recipient, categories, memberCheck } = texts(locale, cfg);
  const rules = new Map(retentionPolicy(cfg).map((rule) => [rule.id, rule]));
  return {
    title: t("privacy.register.title"),
    intro: [t("privacy.register.intro")],
    sections: PROCESSING_ACTIVITIES.map((a) => ({
      id: a.id,
      heading: t(`privacy.activity.${a.id}.name`),
      blocks: [
        {
          kind: "fields",
          id: `${a.id}-register`,
          rows: [
            { term: t("privacy.register.controller"), details: [t("privacy.register.controllerValue", values)] },
            { term: t("privacy.register.purpose"), details: [t(`privacy.activity.${a.id}.purpose`)] },
            { term: t("privacy.register.basis"), details: [t(`privacy.basis.${a.basis}`)] },
            { term: t("privacy.register.subjects"), details: [list(a.subjects.map((s) => t(`privacy.subjects.${s}`)))] },
            { term: t("privacy.register.categories"), details: categories(a).map((c) => c.text) },
            { term: t("privacy.register.recipients"), details: a.recipients.map(recipient) },
            { term: t("privacy.register.transfers"), details: [t("privacy.register.transfersValue")] },
            {
              term: t("privacy.register.retention"),
              details: [...a.retention.map((id) => retention(rules.get(id)!)), ...(a.id === "staff" ? [t("privacy.activity.staff.retention")] : []), ...(a.id === "membership" ? memberCheck : [])],
            },
            { term: t("privacy.register.security"), details: SECURITY.map((id) => t(`privacy.security.${id}`)) },
          ],
        },
      ],
    })),
  };
}
