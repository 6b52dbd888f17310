import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { DomainValidationError, NotFoundError } from "../errors";
import { normalisePostcode } from "./address";
import { matchSubarea } from "./match-in-database";

/** The rule editor's tester: "which subarea is Kerkstraat 12?" */
export async function testAddress(viewer: Viewer, input: { street: string; houseNumber: number; postcode: string }) {
  if (viewer.role !== "COORDINATOR") throw new NotFoundError();
  const postcode = input.postcode ? normalisePostcode(input.postcode) : "";
  if (postcode === null) throw new DomainValidationError({ postcode: "invalidPostcode" });
  return withViewer(viewer, (tx) => matchSubarea(tx, { street: input.street, houseNumber: input.houseNumber, postcode }));
}
