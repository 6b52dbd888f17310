import "server-only";
import { intakeDraftsJob } from "../intake/intake-retention";
import type { ScheduledJob } from "./scheduler";

/** Every background job the app runs on a schedule (started by lib/server/start.ts). */
export const ALL_JOBS: ScheduledJob[] = [intakeDraftsJob];
