import "server-only";
import { withViewer } from "../access/with-viewer";
import type { Viewer } from "../auth/viewer-types";
import { NotFoundError } from "../errors";
import { streetKey } from "../subareas/address";
import type { FlyerTarget } from "./flyer-content";
import { assertCan } from "../auth/can";

/** One choice on the flyer page: `key` is what the form sends back, `target` what gets printed. */
export interface FlyerChoice {
  key: string;
  target: FlyerTarget;
}

export interface FlyerChoices {
  /** Each active subarea: the whole subarea, then each street its address rules name. */
  subareas: { id: number; name: string; choices: FlyerChoice[] }[];
  /** Streets without a group, with the number of residents waiting there. */
  uncovered: (FlyerChoice & { waiting: number })[];
}

/**
 * What a coordinator can make a flyer for (others get NotFoundError).
 *
 * An uncovered street is one the neighbourhood knows but no active subarea's rule names: a street
 * residents wait in (the coverage page's "streets without a group": WAITING applications, in the
 * neighbourhood's spelling) or a street of a proposed subarea's rules. A street that an active
 * subarea's rule names is never uncovered, even when waiting applications are still filed under it.
 * Only street names leave the database: no resident's data is read.
 */
export async function listFlyerChoices(viewer: Viewer): Promise<FlyerChoices> {
  assertCan(viewer, "flyers.make");
  const [subareas, proposedRules, waiting] = await withViewer(viewer, (tx) =>
    Promise.all([
      tx.subarea.findMany({
        where: { status: "ACTIVE" },
        orderBy: { name: "asc" },
        select: { id: true, name: true, rules: { where: { street: { not: null } }, select: { street: true, houseNumberFrom: true, houseNumberTo: true, parity: true } } },
      }),
      tx.addressRule.findMany({ where: { street: { not: null }, subarea: { status: "PROPOSED" } }, select: { street: true } }),
      tx.application.groupBy({ by: ["street"], where: { status: "WAITING", anonymisedAt: null }, _count: { _all: true } }),
    ]),
  );
  // Streets an active subarea takes whole: never uncovered.
  const covered = new Set<string>();
  const result: FlyerChoices = { subareas: [], uncovered: [] };
  for (const subarea of subareas) {
    const streets = new Map<string, string>();
    for (const rule of subarea.rules) {
      const key = streetKey(rule.street!);
      if (rule.houseNumberFrom === null && rule.houseNumberTo === null && rule.parity === "ALL") covered.add(key);
      if (!streets.has(key)) streets.set(key, rule.street!.trim());
    }
    result.subareas.push({
      id: subarea.id,
      name: subarea.name,
      choices: [
        { key: `subarea:${subarea.id}`, target: { kind: "subarea", subarea: subarea.name } },
        ...[...streets.values()]
          .sort((a, b) => a.localeCompare(b, "nl"))
          .map((street): FlyerChoice => ({ key: `subarea:${subarea.id}:${street}`, target: { kind: "subarea", subarea: subarea.name, street } })),
      ],
    });
  }
  const uncovered = new Map<string, { street: string; waiting: number }>();
  const add = (street: string, count: number) => {
    const key = streetKey(street);
    if (!key || covered.has(key)) return;
    const entry = uncovered.get(key) ?? { street: street.trim(), waiting: 0 };
    entry.waiting += count;
    uncovered.set(key, entry);
  };
  for (const rule of proposedRules) add(rule.street!, 0);
  for (const row of waiting) add(row.street, row._count._all);
  result.uncovered = [...uncovered.values()]
    .sort((a, b) => b.waiting - a.waiting || a.street.localeCompare(b.street, "nl"))
    .map(({ street, waiting }) => ({ key: `street:${street}`, target: { kind: "uncovered", street }, waiting }));
  return result;
}

/** The choice the form sent, looked up among the current choices; NotFoundError when it is not one of them. */
export async function resolveFlyerChoice(viewer: Viewer, key: string): Promise<FlyerTarget> {
  const choices = await listFlyerChoices(viewer);
  const all = [...choices.subareas.flatMap((s) => s.choices), ...choices.uncovered];
  const found = all.find((choice) => choice.key === key);
  if (!found) throw new NotFoundError();
  return found.target;
}
