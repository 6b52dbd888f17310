/**
 * A throwaway database with the Dieren-West demo seed, wired in as the app's database, plus
 * the seeded staff as viewers. For integration tests of the data layer.
 */
import { setAppDatabase } from "@/lib/db";
import { inScope, type Tx } from "@/lib/db/scope";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer, ViewerOf } from "@/lib/auth/viewer-types";
import { seedDemo } from "@/prisma/seed/seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface Seeded {
  db: TestDatabase;
  coordinator: ViewerOf<"COORDINATOR">;
  contact: (n: 1 | 2 | 3 | 4) => Promise<ViewerOf<"CONTACT_PERSON">>;
  viewer: (email: string) => Promise<Viewer | null>;
  /** Runs as the service role, for arranging data and checking results. */
  service: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  subareaIds: number[];
}

export async function createSeededDatabase(
  options: { applications?: number; onQuery?: (sql: string, params: string) => void } = {},
): Promise<Seeded> {
  const db = await createTestDatabase({ onQuery: options.onQuery });
  await seedDemo(db.prisma, { applications: options.applications });
  setAppDatabase(db);
  const service = <T>(fn: (tx: Tx) => Promise<T>) => inScope(db.prisma, { role: "service" }, fn);
  const viewer = async (email: string) =>
    service(async (tx) => {
      const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
      return user ? loadViewer(tx, user.id) : null;
    });
  const coordinator = (await viewer("coordinator@example.org")) as ViewerOf<"COORDINATOR">;
  const subareaIds = await service(async (tx) => (await tx.subarea.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((s) => s.id));
  return {
    db,
    coordinator,
    contact: async (n) => (await viewer(`contact-${n}@example.org`)) as ViewerOf<"CONTACT_PERSON">,
    viewer,
    service,
    subareaIds,
  };
}
