import "server-only";
import { sendAssignmentDigests } from "../group/assignment-digest";
import type { ScheduledJob } from "./scheduler";

/** Every background job the app runs on a schedule (started by lib/server/start.ts). */
export const ALL_JOBS: ScheduledJob[] = [
  // Hourly, so a digest goes out within the hour once a day has passed since the last one.
  { name: "assignment-digest", everyMs: 60 * 60_000, run: () => sendAssignmentDigests() },
];
