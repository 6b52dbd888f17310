import "server-only";
import type { ViewerWith } from "../auth/can";
import { withViewer } from "../access/with-viewer";
import { NotFoundError } from "../errors";
import type { ExtractedFields } from "./extract-application-fields";

const draftSelect = {
  id: true,
  fileName: true,
  mailText: true,
  name: true,
  mobile: true,
  street: true,
  houseNumber: true,
  houseNumberSuffix: true,
  postcode: true,
  email: true,
  createdAt: true,
} as const;

export interface MailDraftDto extends ExtractedFields {
  id: number;
  fileName: string | null;
  mailText: string;
  createdAt: Date;
}

/** The drafts waiting to be checked, oldest first (every coordinator shares the mailbox). */
export async function listMailDrafts(viewer: ViewerWith<"intake.mail">): Promise<Omit<MailDraftDto, "mailText">[]> {
  const { mailText: _, ...select } = draftSelect;
  return withViewer(viewer, (tx) => tx.mailDraft.findMany({ select, orderBy: { id: "asc" }, take: 200 }));
}

export async function getMailDraft(viewer: ViewerWith<"intake.mail">, id: number): Promise<MailDraftDto> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  const draft = await withViewer(viewer, (tx) => tx.mailDraft.findUnique({ where: { id }, select: draftSelect }));
  if (!draft) throw new NotFoundError();
  return draft;
}

/** Throws the draft away (the mail stays in the mailbox); a second discard is "not found". */
export async function discardMailDraft(viewer: ViewerWith<"intake.mail">, id: number): Promise<void> {
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError();
  const { count } = await withViewer(viewer, (tx) => tx.mailDraft.deleteMany({ where: { id } }));
  if (count !== 1) throw new NotFoundError();
}
