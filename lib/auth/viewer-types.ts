import type { StaffRole } from "./capabilities";

/** The signed-in staff member, as every data-layer function receives them. */
export type Viewer =
  | { role: "COORDINATOR"; userId: string; email: string; name: string | null; locale: "nl" | "en" }
  | {
      role: "CONTACT_PERSON";
      userId: string;
      email: string;
      name: string | null;
      locale: "nl" | "en";
      /** The subareas this contact person looks after; may be empty. */
      subareaIds: readonly number[];
    };

export type ViewerOf<R extends StaffRole> = Extract<Viewer, { role: R }>;
