import { describe, expect, it } from "vitest";
import { daysLeft, localDay, privacyDueAt } from "@/lib/privacy/privacy-deadline";

describe("the one-month deadline of a privacy request", () => {
  it.each([
    ["2027-03-15T08:00:00.000Z", "2027-04-15T12:00:00.000Z"],
    ["2027-01-31T15:00:00.000Z", "2027-02-28T12:00:00.000Z"],
    ["2028-01-31T15:00:00.000Z", "2028-02-29T12:00:00.000Z"],
    ["2027-12-20T10:00:00.000Z", "2028-01-20T12:00:00.000Z"],
    // 23:30 on 31 October in Amsterdam is still 31 October there.
    ["2027-10-31T22:30:00.000Z", "2027-11-30T12:00:00.000Z"],
  ])("received %s is due %s", (received, due) => {
    expect(privacyDueAt(new Date(received)).toISOString()).toBe(due);
  });

  it("counts calendar days in Amsterdam, not 24-hour periods", () => {
    const now = new Date("2027-03-15T22:30:00Z"); // 23:30 in Amsterdam
    expect(localDay(now)).toBe("2027-03-15");
    expect(daysLeft(new Date("2027-03-15T23:30:00Z"), now)).toBe(1); // 00:30 the next day there
    expect(daysLeft(new Date("2027-03-15T12:00:00Z"), now)).toBe(0);
    expect(daysLeft(privacyDueAt(now), now)).toBe(31);
    expect(daysLeft(new Date("2027-03-12T12:00:00Z"), now)).toBe(-3);
  });
});
