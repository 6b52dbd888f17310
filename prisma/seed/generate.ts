/**
 * Deterministic fake applications for the demo and the benchmark. Everything here is invented:
 * names from short lists, numbers in the Dutch mobile range, addresses on the sample streets.
 */
import { matchAddress, type AddressRuleInput } from "../../lib/subareas/address";
import type { SampleSubarea } from "./dieren-west";

/** mulberry32: a small seeded generator, so every seed run produces the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Anna", "Bram", "Carla", "Daan", "Eva", "Fleur", "Gerrit", "Hanna", "Iris", "Jan", "Karin", "Lars",
  "Marieke", "Noah", "Olga", "Pieter", "Quinten", "Rosa", "Sem", "Tessa", "Umar", "Vera", "Wim", "Yara", "Zoë",
  "Ahmed", "Bas", "Chantal", "Dirk", "Els", "Femke", "Gijs", "Henk", "Ilse", "Joost", "Kees", "Lotte", "Mohammed"];
const LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
  "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
  "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "van Dijk", "Willems", "Verbeek", "Schouten", "Hoekstra"];
// Letter and addition as BAG models them (12A, 12B, 12-BIS); one pick, so the rest of the data stays as it was.
const NONE = { houseLetter: null, houseNumberSuffix: null };
const HOUSE_ADDITIONS = [NONE, NONE, NONE, NONE, NONE, NONE, NONE, { houseLetter: "A", houseNumberSuffix: null }, { houseLetter: "B", houseNumberSuffix: null }, { houseLetter: null, houseNumberSuffix: "BIS" }];

export type SeedStatus = "NEW" | "ASSIGNED" | "ADDED" | "LEFT" | "WAITING" | "UNREACHABLE" | "REJECTED" | "WITHDRAWN";

/** Share of each status in generated data; every status occurs. */
const STATUS_MIX: [SeedStatus, number][] = [
  ["NEW", 0.14], ["ASSIGNED", 0.16], ["ADDED", 0.4], ["LEFT", 0.05], ["UNREACHABLE", 0.05],
  ["REJECTED", 0.05], ["WITHDRAWN", 0.05], ["WAITING", 0.1],
];

export interface GeneratedApplication {
  name: string;
  mobile: string;
  street: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberSuffix: string | null;
  postcode: string;
  email: string | null;
  locale: "nl" | "en";
  status: SeedStatus;
  rejectionReason: "OUTSIDE_AREA" | "DUPLICATE" | "SPAM" | "RULE_VIOLATION" | null;
  source: "WEB" | "MAILBOX" | "IMPORT" | "STAFF";
  subareaId: number | null;
  suggestedSubareaId: number | null;
  matchedRuleId: number | null;
  inGroup: boolean;
  createdAt: Date;
}

export interface SeedArea {
  subarea: SampleSubarea;
  id: number;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function pickStatus(rng: () => number, waitingOnly: boolean): SeedStatus {
  if (waitingOnly) return rng() < 0.85 ? "WAITING" : pick(rng, ["REJECTED", "WITHDRAWN"] as const);
  let r = rng() * (1 - 0.1);
  for (const [status, share] of STATUS_MIX) {
    if (status === "WAITING") continue;
    if ((r -= share) < 0) return status;
  }
  return "ADDED";
}

/**
 * `count` applications spread over the sample streets. Mobile numbers are unique per seed
 * offset: +316 followed by 8 digits derived from the index.
 */
export function generateApplications(
  count: number,
  areas: SeedArea[],
  rules: AddressRuleInput[],
  { seed = 1, offset = 0, now = new Date() }: { seed?: number; offset?: number; now?: Date } = {},
): GeneratedApplication[] {
  const rng = seededRandom(seed + offset);
  const streets = areas.flatMap(({ subarea }) => subarea.streets);
  const statusOf = new Map(areas.map(({ id, subarea }) => [id, subarea.status]));
  const out: GeneratedApplication[] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(rng, streets);
    const houseNumber = 1 + Math.floor(rng() * place.maxNumber);
    const address = { street: place.street, houseNumber, postcode: place.postcode };
    const rule = matchAddress(rules, address);
    const suggested = rule?.subareaId ?? null;
    const proposed = suggested !== null && statusOf.get(suggested) === "PROPOSED";
    const status = pickStatus(rng, proposed);
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const n = offset + i;
    const ageDays = Math.floor(rng() * (status === "NEW" ? 6 : 400));
    const assigned = !proposed && !["NEW", "WAITING"].includes(status) && status !== "REJECTED";
    out.push({
      name: `${first} ${last}`,
      mobile: `+316${String(10_000_000 + ((n * 7919) % 49_999_999)).padStart(8, "0")}`,
      ...address,
      ...pick(rng, HOUSE_ADDITIONS),
      email: rng() < 0.6 ? `${first}.${last}.${n}@example.net`.toLowerCase().replace(/\s+/g, "") : null,
      locale: rng() < 0.9 ? "nl" : "en",
      status,
      rejectionReason: status === "REJECTED" ? pick(rng, ["OUTSIDE_AREA", "DUPLICATE", "SPAM", "RULE_VIOLATION"] as const) : null,
      source: pick(rng, ["WEB", "WEB", "WEB", "MAILBOX", "IMPORT"] as const),
      subareaId: assigned ? suggested : null,
      suggestedSubareaId: suggested,
      matchedRuleId: rule?.id ?? null,
      // Some people who left or withdrew are still in the group: the contact person's removal tasks.
      inGroup: status === "ADDED" || ((status === "LEFT" || status === "WITHDRAWN") && assigned && rng() < 0.5),
      createdAt: new Date(now.getTime() - ageDays * 86_400_000 - Math.floor(rng() * 86_400_000)),
    });
  }
  return out;
}
