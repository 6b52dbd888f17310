import "server-only";
import { convert, type HtmlToTextOptions } from "html-to-text";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

export interface MailAddress {
  name: string;
  address: string;
}

/** What intake needs of a received mail: its text and who sent it. */
export interface ReceivedMail {
  /** The text part, or the HTML part turned into text; a mail forwarded as an attachment follows as a forward block. */
  text: string;
  from: MailAddress | null;
  replyTo: MailAddress | null;
  /** The Subject header ("Re: …", "Fwd: …"); null for a pasted body. */
  subject: string | null;
}

// A pasted text is a whole message (headers, blank line, body) only if it starts with header
// lines and among them are headers every mail has; otherwise "Naam: Jan" would be read as a header.
const HEADER_LINE = /^([A-Za-z][\w-]*):[ \t]?.*$|^[ \t]+\S/;
const MAIL_HEADERS = /^(from|to|subject|date|received|return-path|message-id|mime-version|content-type|delivered-to):/im;

export function looksLikeRawMail(text: string): boolean {
  const head = text.replace(/^\s+/, "").split(/\r?\n\r?\n/, 1)[0] ?? "";
  const lines = head.split(/\r?\n/);
  return lines.length >= 2 && lines.every((line) => HEADER_LINE.test(line)) && (head.match(new RegExp(MAIL_HEADERS, "gim"))?.length ?? 0) >= 2;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): MailAddress | null {
  const list = Array.isArray(field) ? field.flatMap((f) => f.value) : (field?.value ?? []);
  const first = list.find((entry) => entry.address);
  return first ? { name: (first.name ?? "").trim(), address: first.address!.trim().toLowerCase() } : null;
}

// Quotes stay recognisable as text: a <blockquote> becomes "> " lines, Outlook's reply header
// (div#divRplyFwdMsg) its "Van:/Verzonden:" lines; links and images add nothing a resident typed.
const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  limits: { maxDepth: 200 },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "hr", format: "skip" },
  ],
};

/** An HTML body as the text a resident sees in a mail client. */
export function htmlToText(html: string): string {
  return convert(html, HTML_TO_TEXT).replace(/\n{3,}/g, "\n\n");
}

async function parse(source: Buffer | string, depth: number): Promise<ReceivedMail> {
  // mailparser turns HTML into text only for some structures (not for multipart/alternative or
  // multipart/related holding only an HTML part); the HTML is always at hand, so convert it here.
  const mail: ParsedMail = await simpleParser(source, { skipImageLinks: true, skipTextLinks: true, skipHtmlToText: true });
  let text = (mail.text ?? "").trim();
  if (!text && typeof mail.html === "string") text = htmlToText(mail.html).trim();
  // Forwarded as an attachment: append the original as an inline forward block, which the
  // extraction recognises like any other forward.
  for (const attachment of mail.attachments) {
    if (attachment.contentType !== "message/rfc822" || depth > 2) continue;
    const inner = await parse(attachment.content, depth + 1);
    const sender = inner.from ? `${inner.from.name} <${inner.from.address}>`.trim() : "";
    text += `\n\n---------- Forwarded message ----------\nFrom: ${sender}\n\n${inner.text}`;
  }
  return { text, from: firstAddress(mail.from), replyTo: firstAddress(mail.replyTo), subject: mail.subject?.trim() || null };
}

/**
 * Reads an uploaded .eml file, or a pasted text that is either a whole message (raw source) or
 * just the body. Attachments other than forwarded mails are ignored and never stored.
 */
export async function readMail(source: Buffer | string): Promise<ReceivedMail> {
  if (typeof source === "string" && !looksLikeRawMail(source)) {
    return { text: source.replace(/\r\n?/g, "\n").trim(), from: null, replyTo: null, subject: null };
  }
  return parse(source, 0);
}
