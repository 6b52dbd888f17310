// The staff navigation is derived from the route table and the capability table: every staff
// page without a parameter has one link, and each viewer sees exactly the links they may open.
import { describe, expect, it } from "vitest";
import { STAFF_ROUTES } from "@/lib/auth/authorization-matrix";
import { STAFF_NAVIGATION, staffNavigation, startPageFor } from "@/lib/auth/staff-navigation";
import type { Viewer } from "@/lib/auth/viewer-types";

const person = { userId: "u1", email: "a@example.org", name: null, locale: "nl" } as const;
const coordinator: Viewer = { role: "COORDINATOR", ...person };
const contact: Viewer = { role: "CONTACT_PERSON", ...person, subareaIds: [1] };
const routes = (viewer: Viewer | null) => staffNavigation(viewer).flatMap((group) => group.links.map((link) => link.route));

describe("the staff navigation", () => {
  it("links every staff page without a parameter exactly once", () => {
    const pages = Object.keys(STAFF_ROUTES).filter((route) => !route.startsWith("/api/") && !route.includes("["));
    const linked = STAFF_NAVIGATION.flatMap((group) => group.links.map((link) => link.route));
    expect([...linked].sort()).toEqual(pages.sort());
  });

  it("shows each viewer the links whose capability they have, and nothing when signed out", () => {
    expect(routes(contact)).toEqual(["/staff/group"]);
    // The coordinator: every page but the contact person's own group (15 links, as before).
    expect(routes(coordinator)).toHaveLength(15);
    expect(routes(coordinator)).not.toContain("/staff/group");
    expect(routes(null)).toEqual([]);
    expect(staffNavigation(contact).map((group) => group.group)).toEqual(["groups"]);
  });

  it("starts a viewer without the overview on their first page", () => {
    expect(startPageFor(contact)).toBe("/staff/group");
  });
});
