import { describe, expect, it } from "vitest";
import { mayUndo, TRANSITIONS, UNDOABLE } from "@/lib/applications/status-machine";
import { expansionApprovalSchema } from "@/lib/expansion/expansion.schema";

const base = { id: "1", version: "1", streets: "", inviteLink: "https://chat.whatsapp.com/AbCdEf123" };

describe("expansion approval: one choice, and the invite link", () => {
  it("an existing subarea: its id, no new name", () => {
    expect(expansionApprovalSchema.parse({ ...base, target: "5", newSubareaName: "" })).toEqual({
      id: 1, version: 1, streets: [], subareaId: 5, newSubareaName: null, inviteLink: "https://chat.whatsapp.com/AbCdEf123",
    });
  });
  it("a new subarea: its name", () => {
    expect(expansionApprovalSchema.parse({ ...base, target: "new", newSubareaName: " Zuid-Oost " })).toMatchObject({ subareaId: null, newSubareaName: "Zuid-Oost" });
  });
  it("refuses in words: no choice, a new one without a name, a name with an existing one, no or a wrong link", () => {
    const fields = (input: Record<string, string>) => {
      const r = expansionApprovalSchema.safeParse({ ...base, ...input });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(fields({ newSubareaName: "" })).toEqual({ target: "required" });
    expect(fields({ target: "new", newSubareaName: "" })).toEqual({ newSubareaName: "required" });
    expect(fields({ target: "5", newSubareaName: "Zuid" })).toEqual({ newSubareaName: "nameWithExisting" });
    expect(fields({ target: "5", newSubareaName: "", inviteLink: "" })).toEqual({ inviteLink: "required" });
    expect(fields({ target: "5", newSubareaName: "", inviteLink: "https://example.org/groep" })).toEqual({ inviteLink: "invalidInviteLink" });
  });
});

describe("undo through the status machine", () => {
  it("every undoable change is one the machine allows, and its way back too is a real status", () => {
    for (const [back, undone] of Object.entries(UNDOABLE)) {
      for (const to of Object.keys(undone)) {
        expect(mayUndo(back as never, to as never, { role: "CONTACT_PERSON" })).toBe(true);
        expect(Object.keys(TRANSITIONS)).toContain(back);
      }
    }
  });
  it("a contact person may undo added, unreachable and left, nothing else", () => {
    expect(mayUndo("ASSIGNED", "ADDED", { role: "CONTACT_PERSON" })).toBe(true);
    expect(mayUndo("ADDED", "LEFT", { role: "CONTACT_PERSON" })).toBe(true);
    expect(mayUndo("NEW", "ASSIGNED", { role: "CONTACT_PERSON" })).toBe(false);
    expect(mayUndo("ASSIGNED", "ADDED", { role: "COORDINATOR" })).toBe(false);
    expect(mayUndo("ADDED", "REJECTED", { role: "CONTACT_PERSON" })).toBe(false);
  });
});
