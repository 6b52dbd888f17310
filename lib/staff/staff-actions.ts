"use server";

import { z } from "zod";
import { serverAction } from "../http/server-action";
import { StaffRole } from "../db/generated/enums";
import { inviteStaffSchema } from "./staff.schema";
import { changeStaffRole, deactivateStaff, setStaffSubareas } from "./update-staff";
import { inviteStaff, reactivateStaff } from "./manage-staff";

const userRef = z.object({ userId: z.string().min(1).max(64) });
const STAFF_PAGE = ["/staff/staff"] as const;

export const inviteStaffAction = serverAction({
  capability: "staff.manage",
  schema: inviteStaffSchema,
  lists: ["subareaIds"],
  revalidate: STAFF_PAGE,
  run: async (input, { viewer }) => {
    await inviteStaff(viewer, input);
  },
});

export const setStaffSubareasAction = serverAction({
  capability: "staff.manage",
  schema: userRef.extend({ subareaIds: z.array(z.coerce.number().int().positive()).max(50) }),
  lists: ["subareaIds"],
  revalidate: STAFF_PAGE,
  run: async ({ userId, subareaIds }, { viewer }) => {
    await setStaffSubareas(viewer, userId, subareaIds);
  },
});

export const changeStaffRoleAction = serverAction({
  capability: "staff.manage",
  schema: userRef.extend({ role: z.enum(StaffRole) }),
  revalidate: STAFF_PAGE,
  run: async ({ userId, role }, { viewer }) => {
    await changeStaffRole(viewer, userId, role);
  },
});

/** Deactivate or reactivate, by the button pressed (intent). */
export const setStaffActiveAction = serverAction({
  capability: "staff.manage",
  schema: userRef.extend({ intent: z.enum(["deactivate", "reactivate"]) }),
  revalidate: STAFF_PAGE,
  run: async ({ userId, intent }, { viewer }) => {
    await (intent === "deactivate" ? deactivateStaff(viewer, userId) : reactivateStaff(viewer, userId));
  },
});
