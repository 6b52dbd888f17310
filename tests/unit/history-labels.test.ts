import { describe, expect, it } from "vitest";
import { describeHistoryEvent, type HistoryWords } from "@/lib/applications/describe-history";
import { APPLICATION_EVENT_TYPES, HISTORY_FIELDS, HISTORY_REASONS } from "@/lib/applications/history-vocabulary";
import { PERSONAL_DATA } from "@/lib/privacy/processing-register";
import { ApplicationStatus, OutboxStatus, MessageStatus, Locale, ExpansionStatus } from "@/lib/db/generated/enums";
import { describeRule } from "@/lib/subareas/describe-rule";
import en from "@/lib/i18n/messages/en";
import nl from "@/lib/i18n/messages/nl";

const at = (messages: unknown, key: string) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], messages);
const word = expect.stringMatching(/\S/);

describe("an application's history and the inspection report in words", () => {
  it("have a Dutch and an English label for every event type, field, reason, status, mail and message state", () => {
    for (const messages of [nl, en]) {
      for (const type of APPLICATION_EVENT_TYPES) expect(at(messages, `staff.events.${type}`), type).toEqual(word);
      // A field's own history word, or else the register's label of the column (history-field-label.ts).
      for (const field of HISTORY_FIELDS) {
        expect(at(messages, `vocabulary.historyFields.${field}`) ?? at(messages, `privacy.field.${PERSONAL_DATA.Application[field]?.[1]}`), field).toEqual(word);
      }
      for (const reason of HISTORY_REASONS) expect(at(messages, `vocabulary.reasons.${reason}`), reason).toEqual(word);
      for (const status of Object.values(ApplicationStatus)) expect(at(messages, `staff.status.${status}`), status).toEqual(word);
      for (const status of Object.values(OutboxStatus)) expect(at(messages, `vocabulary.mailStatus.${status}`), status).toEqual(word);
      for (const status of Object.values(MessageStatus)) expect(at(messages, `vocabulary.messageStatus.${status}`), status).toEqual(word);
      for (const status of Object.values(ExpansionStatus)) expect(at(messages, `staff.expansion.status.${status}`), status).toEqual(word);
      for (const locale of Object.values(Locale)) expect(at(messages, `vocabulary.languages.${locale}`), locale).toEqual(word);
    }
  });
});

const words: HistoryWords = {
  eventType: (t) => `type:${t}`,
  status: (s) => `status:${s}`,
  field: (f) => `field:${f}`,
  reason: (r) => `reason:${r}`,
};

describe("describeHistoryEvent", () => {
  it("names the event, the status move and the reason, and the fields only where they are the news", () => {
    expect(describeHistoryEvent({ type: "SUBMITTED", fromStatus: null, toStatus: "NEW", detail: { fields: [] } }, words)).toBe("type:SUBMITTED · status:NEW");
    expect(describeHistoryEvent({ type: "REPEAT_ATTEMPT", fromStatus: null, toStatus: null, detail: { fields: ["repeatAttempts"] } }, words)).toBe("type:REPEAT_ATTEMPT");
    expect(describeHistoryEvent({ type: "STATUS_CHANGED", fromStatus: "ASSIGNED", toStatus: "UNREACHABLE", detail: { fields: ["status"], reason: "NOT_ON_WHATSAPP" } }, words)).toBe(
      "type:STATUS_CHANGED · status:ASSIGNED → status:UNREACHABLE · reason:NOT_ON_WHATSAPP",
    );
    expect(describeHistoryEvent({ type: "EDITED", fromStatus: null, toStatus: null, detail: { fields: ["mobile", "inGroup"] } }, words)).toBe("type:EDITED · field:mobile, field:inGroup");
  });

  it("shows what it does not know as stored, so nothing is hidden", () => {
    expect(describeHistoryEvent({ type: "SOMETHING_OLD", fromStatus: null, toStatus: null, detail: { fields: ["oldField"], reason: "OLD" } }, words)).toBe(
      "SOMETHING_OLD · oldField · OLD",
    );
  });
});

describe("describeRule", () => {
  const ruleWords = { anyStreet: "elke straat", odd: "oneven nummers", even: "even nummers", numbers: (f: number, t: number | string) => `nummers ${f}–${t}`, postcodes: (f: string, t: string) => `postcodes ${f}–${t}` };
  it("says a rule as the rule list does", () => {
    expect(describeRule({ street: "Kerkstraat", postcodeFrom: null, postcodeTo: null, houseNumberFrom: 1, houseNumberTo: 99, parity: "ODD" }, ruleWords)).toBe("Kerkstraat, nummers 1–99, oneven nummers");
    expect(describeRule({ street: null, postcodeFrom: "6951AA", postcodeTo: "6951ZZ", houseNumberFrom: null, houseNumberTo: null, parity: "ALL" }, ruleWords)).toBe(
      "elke straat, postcodes 6951 AA–6951 ZZ",
    );
  });
});
