import { getTranslations } from "next-intl/server";

const FIELD_NAMES = [
  "name", "mobile", "street", "houseNumber", "houseNumberSuffix", "postcode", "email", "notes", "status", "subareaId", "inGroup",
  "rejectionReason", "reason", "originalId", "id", "duplicateOfId", "description", "inviteLink", "memberCount", "postcodeFrom",
  "postcodeTo", "houseNumberFrom", "houseNumberTo", "parity", "role", "subareaIds", "userId", "newSubareaName", "streets", "reply", "subarea", "ids", "target",
] as const;
const FIELD_MESSAGES = [
  "required", "tooLong", "tooShort", "link", "invalidMobile", "notMobile", "invalidPostcode", "invalidEmail", "invalidHouseNumber", "changed", "inactive",
  "unknown", "same", "isDuplicate", "notMergeable", "anonymised", "invalid", "taken", "invalidInviteLink", "invalidNumber",
  "streetOrPostcode", "rangeOrder", "notContact", "self", "closed", "isCoordinator", "noAddress", "noneSelected", "nameWithExisting", "overlap",
] as const;

/** Everything an ActionForm on a staff page needs to explain a refusal, in the viewer's language. */
export async function staffFormTexts() {
  const t = await getTranslations("staff");
  return {
    errors: { notFound: t("errors.notFound"), conflict: t("errors.conflict"), transition: t("errors.transition"), invalid: t("errors.invalid") },
    fieldLabels: Object.fromEntries(FIELD_NAMES.map((f) => [f, t(`fields.${f}`)])),
    fieldMessages: Object.fromEntries(FIELD_MESSAGES.map((m) => [m, t(`fieldErrors.${m}`)])),
  };
}
