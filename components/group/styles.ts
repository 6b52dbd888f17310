/**
 * Button and link looks of the contact person's workspace: large enough to tap on a phone. The
 * classes are defined in app/globals.css (a page of cards repeats them a few hundred times).
 */
export const primaryButton = "btn btn-primary";
export const whatsappButton = "btn btn-whatsapp";
export const secondaryButton = "btn btn-secondary";
export const summaryLink = "summary-link";
export const field = "field";
export const smallButton = "btn-small";
