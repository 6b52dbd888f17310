import type { Prisma } from "../db/generated/client";
import type { ApplicationStatus } from "../db/generated/enums";

/**
 * What each role gets to see of an application. A contact person's DTO has no address,
 * e-mail, notes or history field at all, so no code path can leak one by accident.
 */

export const contactApplicationSelect = {
  id: true,
  name: true,
  mobile: true,
  status: true,
} as const satisfies Prisma.ApplicationSelect;

export interface ContactApplicationDto {
  id: number;
  name: string;
  mobile: string;
  status: ApplicationStatus;
}

/** The columns of an application a coordinator's list and detail both show. */
const coordinatorApplicationFields = {
  id: true,
  name: true,
  mobile: true,
  street: true,
  houseNumber: true,
  houseLetter: true,
  houseNumberSuffix: true,
  postcode: true,
  addressUnrecognised: true,
  email: true,
  status: true,
  source: true,
  repeatAttempts: true,
  createdAt: true,
  version: true,
} as const satisfies Prisma.ApplicationSelect;

const subareaRelations = {
  subarea: { select: { id: true, name: true } },
  suggestedSubarea: { select: { id: true, name: true, status: true } },
} as const satisfies Prisma.ApplicationSelect;

/**
 * A list row reads the subarea ids only; the list joins the names from the subareas it reads in
 * the same transaction (lib/applications/list-applications.ts), which saves Prisma's two extra
 * queries per page for the relations.
 */
export const coordinatorApplicationRowSelect = { ...coordinatorApplicationFields, subareaId: true, suggestedSubareaId: true } as const satisfies Prisma.ApplicationSelect;

export type CoordinatorApplicationRowDto = Prisma.ApplicationGetPayload<{ select: typeof coordinatorApplicationFields & typeof subareaRelations }>;

export const coordinatorApplicationDetailSelect = {
  ...coordinatorApplicationFields,
  ...subareaRelations,
  emailConfirmedAt: true,
  locale: true,
  rulesVersion: true,
  rulesAcceptedAt: true,
  rejectionReason: true,
  notes: true,
  inGroup: true,
  lastRepeatAt: true,
  statusChangedAt: true,
  updatedAt: true,
  anonymisedAt: true,
  duplicateOfId: true,
  matchedRule: {
    select: { id: true, street: true, postcodeFrom: true, postcodeTo: true, houseNumberFrom: true, houseNumberTo: true, parity: true },
  },
  events: {
    orderBy: { at: "asc" },
    select: { id: true, at: true, actorKind: true, actorId: true, type: true, fromStatus: true, toStatus: true, subareaId: true, detail: true },
  },
} as const satisfies Prisma.ApplicationSelect;

export type CoordinatorApplicationDetailDto = Prisma.ApplicationGetPayload<{ select: typeof coordinatorApplicationDetailSelect }>;
