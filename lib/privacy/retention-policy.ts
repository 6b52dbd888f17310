import { config, type AppConfig } from "../config/env";

/**
 * How long personal data is kept, per kind of record — the single source for the purge job,
 * the privacy statement and the processing register. Defaults can be overridden per
 * deployment with the RETENTION_* variables.
 */
export type RetentionRuleId =
  | "rejected"
  | "withdrawn"
  | "left"
  | "waitingReconfirm"
  | "waitingErase"
  | "answeredMessages"
  | "auditEvents";

export interface RetentionRule {
  id: RetentionRuleId;
  /** What happens when the period has passed. */
  action: "erase" | "anonymise" | "askToReconfirm";
  period: { unit: "days" | "months"; amount: number };
  /** Counted from: the status change, the answer, the event. */
  from: "statusChange" | "answered" | "event";
}

export function retentionPolicy(cfg: AppConfig = config()): RetentionRule[] {
  return [
    { id: "rejected", action: "erase", period: { unit: "days", amount: cfg.RETENTION_REJECTED_DAYS }, from: "statusChange" },
    { id: "withdrawn", action: "erase", period: { unit: "days", amount: cfg.RETENTION_WITHDRAWN_DAYS }, from: "statusChange" },
    { id: "left", action: "anonymise", period: { unit: "months", amount: cfg.RETENTION_LEFT_MONTHS }, from: "statusChange" },
    { id: "waitingReconfirm", action: "askToReconfirm", period: { unit: "months", amount: cfg.RETENTION_WAITING_RECONFIRM_MONTHS }, from: "statusChange" },
    { id: "waitingErase", action: "erase", period: { unit: "months", amount: cfg.RETENTION_WAITING_ERASE_MONTHS }, from: "statusChange" },
    { id: "answeredMessages", action: "erase", period: { unit: "months", amount: cfg.RETENTION_MESSAGES_MONTHS }, from: "answered" },
    { id: "auditEvents", action: "erase", period: { unit: "months", amount: cfg.RETENTION_AUDIT_MONTHS }, from: "event" },
  ];
}

/** The moment before which a rule applies, for a given "now". */
export function retentionCutoff(rule: RetentionRule, now: Date): Date {
  const cutoff = new Date(now);
  if (rule.period.unit === "days") cutoff.setUTCDate(cutoff.getUTCDate() - rule.period.amount);
  else cutoff.setUTCMonth(cutoff.getUTCMonth() - rule.period.amount);
  return cutoff;
}
