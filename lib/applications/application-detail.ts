import "server-only";
import type { ViewerWith } from "../auth/guards";
import { activeSubareaOptions } from "../subareas/list-subareas";
import { staffNames } from "../staff/staff-names";
import { APPLICATION_STATUSES } from "./application-query.schema";
import { findPossibleDuplicates } from "./duplicates";
import { getApplication } from "./get-application";
import { mayTransition } from "./status-machine";

/**
 * Everything the application's page (/staff/applications/[id]) shows, in one call: the
 * application, the moves the status machine allows this viewer (assign, reject, and any other
 * status), the subareas to assign to, possible duplicates and the names of the staff in its
 * history. Throws NotFoundError when there is no such application for this viewer.
 */
export async function getApplicationDetail(viewer: ViewerWith<"applications.read">, id: number) {
  const application = await getApplication(viewer, id);
  const [names, subareas, duplicates] = await Promise.all([
    staffNames(viewer, application.events.map((e) => e.actorId)),
    activeSubareaOptions(viewer),
    findPossibleDuplicates(viewer, application.id),
  ]);
  const may = (to: (typeof APPLICATION_STATUSES)[number]) => mayTransition(application.status, to, viewer);
  const moves = {
    assign: may("ASSIGNED"),
    reject: may("REJECTED"),
    others: APPLICATION_STATUSES.filter((to) => to !== "ASSIGNED" && to !== "REJECTED" && may(to)),
  };
  return { application, moves, subareas, duplicates, names };
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplicationDetail>>;
