import "server-only";
import type { Viewer } from "../auth/viewer-types";
import { withViewer } from "../access/with-viewer";
import { DomainValidationError } from "../errors";
import { normalisePostcode } from "./address";
import { classifyAddress, type AddressOutcome, type SubareaRule } from "./classify-address";
import { loadAddressBook } from "./load-address-book";
import { assertCan } from "../auth/can";

/**
 * The rule editor's tester: "which subarea is Kerkstraat 12?" — what the one matcher says of the
 * address, exactly as the apply form, intake and import would see it, with the deciding rule.
 */
export async function testAddress(
  viewer: Viewer,
  input: { street: string; houseNumber: number; postcode: string },
): Promise<{ outcome: AddressOutcome; rule: SubareaRule | null }> {
  assertCan(viewer, "subareas.manage");
  const postcode = input.postcode ? normalisePostcode(input.postcode) : "";
  if (postcode === null) throw new DomainValidationError({ postcode: "invalidPostcode" });
  return withViewer(viewer, async (tx) => {
    const address = { street: input.street, houseNumber: input.houseNumber, postcode };
    const book = await loadAddressBook(tx, [address]);
    const outcome = classifyAddress(book, address);
    const ruleId = outcome.kind === "covered" || outcome.kind === "waiting" ? outcome.ruleId : null;
    return { outcome, rule: book.rules.find((rule) => rule.id === ruleId) ?? null };
  });
}
