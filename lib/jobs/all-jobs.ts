import "server-only";
import { sendAssignmentDigests } from "../group/assignment-digest";
import { database } from "../db";
import { kickMailWorker } from "../mail/mail-worker";
import { MEMBER_CHECK_JOB, runMemberCheck } from "../members/member-check";
import { purge, PURGE_JOB } from "../privacy/purge";
import type { ScheduledJob } from "./scheduler";

/** Every background job the app runs on a schedule (started by lib/server/start.ts). */
export const ALL_JOBS: ScheduledJob[] = [
  // Hourly, so a digest goes out within the hour once a day has passed since the last one.
  { name: "assignment-digest", everyMs: 60 * 60_000, run: () => sendAssignmentDigests() },
  {
    // The retention policy (lib/privacy/retention-policy.ts); `npm run purge` runs the same for cron.
    name: PURGE_JOB,
    everyMs: 60 * 60_000,
    run: async (renew) => {
      const { prisma } = await database();
      const counts = await purge(prisma, { renew });
      if (counts.waitingReconfirm > 0) kickMailWorker();
      return counts;
    },
  },
  {
    // The yearly member check (lib/members/member-check.ts): hourly, so questions, reminders and
    // the contact person's list follow within the hour of their day.
    name: MEMBER_CHECK_JOB,
    everyMs: 60 * 60_000,
    run: async (renew) => {
      const { prisma } = await database();
      const counts = await runMemberCheck(prisma, { renew });
      if (counts.asked + counts.reminded > 0) kickMailWorker();
      return counts;
    },
  },
];
