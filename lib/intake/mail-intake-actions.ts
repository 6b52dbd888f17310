"use server";

import { z } from "zod";
import { APPLICATION_FIELDS } from "../applications/application-fields.schema";
import { DomainValidationError } from "../errors";
import { formAction, serverAction } from "../http/server-action";
import { createMailDrafts, UnreadableMailError, type MailInput } from "./create-mail-drafts";
import { discardMailDraft } from "./mail-drafts";
import { saveMailDraft } from "./save-mail-draft";
import { MAX_MAIL_FILES, MAX_UPLOAD_BYTES } from "./upload-limits";

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
const draftId = z.object({ id: z.coerce.number().catch(0) });

/** Reads uploaded .eml files and/or a pasted mail into drafts, then opens the (first) draft. */
export const uploadMailAction = serverAction({
  capability: "intake.mail",
  schema: z.object({}),
  texts: "intake.mail",
  run: async (_input, { viewer, formData, texts, refuse }) => {
    const files = formData.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
    const pasted = String(formData.get("pasted") ?? "").trim();
    if (files.length === 0 && !pasted) return refuse("nothing");
    if (files.length > MAX_MAIL_FILES) return refuse("tooMany", { count: MAX_MAIL_FILES });
    const total = files.reduce((sum, f) => sum + f.size, 0) + Buffer.byteLength(pasted);
    if (total > MAX_UPLOAD_BYTES) return refuse("tooLarge", { size: megabytes });

    const inputs: MailInput[] = await Promise.all(files.map(async (f) => ({ fileName: f.name, source: Buffer.from(await f.arrayBuffer()) })));
    if (pasted) inputs.push({ fileName: null, source: pasted });
    try {
      const ids = await createMailDrafts(viewer, inputs);
      return { redirect: ids.length === 1 ? `/staff/intake/${ids[0]}` : `/staff/intake?added=${ids.length}` };
    } catch (error) {
      if (error instanceof UnreadableMailError) return refuse("unreadable", { file: error.fileName ?? texts.say("intake.mail.pastedMail") });
      throw error;
    }
  },
});

/** Saves a checked draft as an application, or says why not (per field, outside the area, duplicate). */
export const saveMailDraftAction = serverAction({
  capability: "intake.mail",
  schema: draftId,
  texts: "intake.mail",
  keep: APPLICATION_FIELDS,
  fieldsBeside: true,
  run: async ({ id }, { viewer, formData, texts, refuse }) => {
    const values = Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, String(formData.get(field) ?? "").slice(0, 1000)]));
    const result = await saveMailDraft(viewer, id, values as Record<(typeof APPLICATION_FIELDS)[number], string>);
    if (result.ok) return { redirect: `/staff/intake?saved=${result.applicationId}&status=${result.status}` };
    if ("fieldErrors" in result) throw new DomainValidationError(result.fieldErrors);
    if ("outside" in result) return refuse("outside");
    const { id: duplicate, status } = result.duplicateOf;
    return refuse("duplicate", { status: texts.say(`staff.status.${status}`) }, {
      link: { href: `/staff/applications/${duplicate}`, label: texts.say("intake.mail.duplicateLink", { id: duplicate }) },
    });
  },
});

/** Throws a draft away; the mail stays in the mailbox. Back to the mailbox either way. */
export const discardMailDraftAction = formAction({
  capability: "intake.mail",
  schema: draftId,
  refused: () => "/staff/intake",
  run: async ({ id }, { viewer }) => {
    await discardMailDraft(viewer, id);
    return { redirect: "/staff/intake" };
  },
});
