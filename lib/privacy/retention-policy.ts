import { config, type AppConfig } from "../config/env";

/**
 * How long personal data is kept, per kind of record — the single source for the purge job
 * (purge.ts), the privacy statement and the processing register (privacy-statement.ts,
 * processing-register.ts). Defaults can be overridden per deployment with the RETENTION_*
 * variables; the housekeeping periods are fixed here.
 */
export type RetentionRuleId =
  | "rejected"
  | "withdrawn"
  | "left"
  | "waitingReconfirm"
  | "waitingErase"
  | "answeredMessages"
  | "closedExpansionRequests"
  | "blockedNumbers"
  | "closedPrivacyRequests"
  | "handledViolationReports"
  | "auditEvents"
  | "sentMail"
  | "mailDrafts"
  | "importFiles"
  | "expiredSignInLinks"
  | "expiredSessions"
  | "expiredRateLimits";

export interface RetentionRule {
  id: RetentionRuleId;
  /**
   * What happens when the period has passed. `erase`: the personal data goes, an anonymous row
   * may stay for counts; `anonymise`: the same, for people who were members; `delete`: the
   * whole row goes; `askToReconfirm`: the resident gets a mail asking whether to keep waiting.
   */
  action: "erase" | "anonymise" | "delete" | "askToReconfirm";
  period: { unit: "days" | "months"; amount: number };
  /**
   * Counted from: the status change; for waiting people the status change or their last
   * confirmation, whichever is later; the answer; the last change; the blocking; the closing;
   * the event; the mail's creation; the expiry.
   */
  from: "statusChange" | "waitingSince" | "answered" | "lastChange" | "blocked" | "closed" | "event" | "created" | "expiry";
  /** The environment variable that sets the period, or null when it is fixed in this file. */
  setting: keyof AppConfig & `RETENTION_${string}` | null;
}

/** Sent and failed mail is kept this long, to answer "did you send me …?" and to see delivery problems. */
export const SENT_MAIL_DAYS = 30;
/**
 * Intake drafts hold data of people who are not applicants yet: a mail draft nobody saved or
 * discarded goes after a week (the mail is still in the mailbox), an uploaded spreadsheet after
 * a day (the file is still with the coordinator).
 */
export const MAIL_DRAFT_DAYS = 7;
export const IMPORT_FILE_DAYS = 1;
/** Expired sign-in links, sessions and rate-limit counters are of no use after a day. */
export const EXPIRED_DAYS = 1;

export function retentionPolicy(cfg: AppConfig = config()): RetentionRule[] {
  const days = (amount: number) => ({ unit: "days" as const, amount });
  const months = (amount: number) => ({ unit: "months" as const, amount });
  return [
    { id: "rejected", action: "erase", period: days(cfg.RETENTION_REJECTED_DAYS), from: "statusChange", setting: "RETENTION_REJECTED_DAYS" },
    { id: "withdrawn", action: "erase", period: days(cfg.RETENTION_WITHDRAWN_DAYS), from: "statusChange", setting: "RETENTION_WITHDRAWN_DAYS" },
    { id: "left", action: "anonymise", period: months(cfg.RETENTION_LEFT_MONTHS), from: "statusChange", setting: "RETENTION_LEFT_MONTHS" },
    { id: "waitingReconfirm", action: "askToReconfirm", period: months(cfg.RETENTION_WAITING_RECONFIRM_MONTHS), from: "waitingSince", setting: "RETENTION_WAITING_RECONFIRM_MONTHS" },
    { id: "waitingErase", action: "erase", period: months(cfg.RETENTION_WAITING_ERASE_MONTHS), from: "waitingSince", setting: "RETENTION_WAITING_ERASE_MONTHS" },
    { id: "answeredMessages", action: "delete", period: months(cfg.RETENTION_MESSAGES_MONTHS), from: "answered", setting: "RETENTION_MESSAGES_MONTHS" },
    // A declined or withdrawn offer to start a group is treated like a rejected application.
    { id: "closedExpansionRequests", action: "delete", period: days(cfg.RETENTION_REJECTED_DAYS), from: "lastChange", setting: "RETENTION_REJECTED_DAYS" },
    { id: "blockedNumbers", action: "delete", period: months(cfg.RETENTION_BLOCKED_MONTHS), from: "blocked", setting: "RETENTION_BLOCKED_MONTHS" },
    // Handled requests are evidence that rights were honoured: kept as long as the audit trail.
    { id: "closedPrivacyRequests", action: "delete", period: months(cfg.RETENTION_AUDIT_MONTHS), from: "closed", setting: "RETENTION_AUDIT_MONTHS" },
    { id: "handledViolationReports", action: "delete", period: months(cfg.RETENTION_AUDIT_MONTHS), from: "closed", setting: "RETENTION_AUDIT_MONTHS" },
    { id: "auditEvents", action: "delete", period: months(cfg.RETENTION_AUDIT_MONTHS), from: "event", setting: "RETENTION_AUDIT_MONTHS" },
    { id: "sentMail", action: "delete", period: days(SENT_MAIL_DAYS), from: "created", setting: null },
    { id: "mailDrafts", action: "delete", period: days(MAIL_DRAFT_DAYS), from: "created", setting: null },
    { id: "importFiles", action: "delete", period: days(IMPORT_FILE_DAYS), from: "created", setting: null },
    { id: "expiredSignInLinks", action: "delete", period: days(EXPIRED_DAYS), from: "expiry", setting: null },
    { id: "expiredSessions", action: "delete", period: days(EXPIRED_DAYS), from: "expiry", setting: null },
    { id: "expiredRateLimits", action: "delete", period: days(EXPIRED_DAYS), from: "expiry", setting: null },
  ];
}

export function retentionRule(id: RetentionRuleId, cfg: AppConfig = config()): RetentionRule {
  return retentionPolicy(cfg).find((rule) => rule.id === id)!;
}

/** The moment before which a rule applies, for a given "now". */
export function retentionCutoff(rule: RetentionRule, now: Date): Date {
  const cutoff = new Date(now);
  if (rule.period.unit === "days") cutoff.setUTCDate(cutoff.getUTCDate() - rule.period.amount);
  else cutoff.setUTCMonth(cutoff.getUTCMonth() - rule.period.amount);
  return cutoff;
}
