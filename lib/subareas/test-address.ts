import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { DomainValidationError, NotFoundError } from "../errors";
import { matchAddress, normalisePostcode } from "./address";
import { loadSubareaRules } from "./load-subarea-rules";

/** The rule editor's tester: "which subarea is Kerkstraat 12?" — the rule that decides, or null. */
export async function testAddress(viewer: Viewer, input: { street: string; houseNumber: number; postcode: string }) {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  const postcode = input.postcode ? normalisePostcode(input.postcode) : "";
  if (postcode === null) throw new DomainValidationError({ postcode: "invalidPostcode" });
  return withViewer(viewer, async (tx) => matchAddress(await loadSubareaRules(tx), { street: input.street, houseNumber: input.houseNumber, postcode }));
}
