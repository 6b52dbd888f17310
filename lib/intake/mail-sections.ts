import type { MailAddress } from "./read-mail";

/**
 * A received mail's text cut into the parts that matter for intake:
 * - `body`: what the resident wrote — for a forwarded mail, the original below the (last)
 *   forward marker, not the forwarder's note above it;
 * - `signature`: from a "-- " line, a closing greeting ("Met vriendelijke groet", "Groetjes",
 *   "Kind regards", …) or "Sent from my phone" on;
 * - `quoted`: an earlier message quoted below a reply ("Op … schreef …:", "On … wrote:", lines
 *   starting with ">", Outlook's "-----Oorspronkelijk bericht-----" or "Van:/Verzonden:" block
 *   when the mail is a reply), usually the coordinator's own question;
 * - `sender`: the original sender named in a forward's header block ("Van:", "From:").
 */
export interface MailSections {
  body: string;
  signature: string;
  quoted: string;
  /** The closing greeting line itself, e.g. "Groet, Henk", when there is one. */
  closing: string | null;
  /** True when the mail forwards another: the outer sender is then not the resident. */
  forwarded: boolean;
  sender: MailAddress | null;
}

// Only ever a forward: "Forwarded message", "Doorgestuurd bericht", Apple's "Begin forwarded message".
const FORWARD_MARKER =
  /^[ \t>]*(?:-{2,}[ \t]*)?(?:forwarded message|doorgestuurd bericht|begin forwarded message|begin doorgestuurd bericht)[ \t]*:?(?:[ \t]*-{2,})?[ \t]*$/gim;
// Outlook writes these above a reply and above a forward alike: "-----Oorspronkelijk bericht-----",
// or no marker at all, only a header block: "Van: …" with "Verzonden:"/"Sent:" right after.
const ORIGINAL_MARKER = /^[ \t>]*(?:-{2,}[ \t]*)?(?:original message|oorspronkelijk bericht|origineel bericht)[ \t]*:?(?:[ \t]*-{2,})?[ \t]*$/gim;
const OUTLOOK_BLOCK = /^[ \t>]*(?:Van|From):[^\n]*\n(?:[^\n]*\n){0,2}?[ \t>]*(?:Verzonden|Sent|Datum|Date):/gim;
const REPLY_SUBJECT = /^\s*(?:re|antw|aw|sv|vs|r)\s*(?:\[\d+\])?\s*:/i;
const FORWARD_SUBJECT = /^\s*(?:fw|fwd|doorst|wg|tr|rv)\s*(?:\[\d+\])?\s*:/i;
const FORWARD_HEADER = /^(?:Van|From|Datum|Date|Verzonden|Sent|Aan|To|Cc|Onderwerp|Subject|Reply-To|Antwoord aan):/i;
const REPLY_HEADER = /^[ \t]*(?:Op|On)\b[^\n]{0,200}(?:\n[^\n]{0,200})?\b(?:schreef|wrote|geschreven)\b[^\n]{0,200}:[ \t]*$/m;
const SIGNATURE_START =
  /^(?:--[ \t]*$|(?:met\s+)?(?:vriendelijke|hartelijke|beste|lieve|warme|zonnige)?\s*groet(?:en|jes)?\b|m\.?v\.?g\.?\b|mvg\b|(?:kind|best|warm)\s+regards\b|regards\b|best wishes\b|cheers\b|verzonden (?:vanaf|met|vanuit)\b|sent from\b|verstuurd vanaf\b)/i;

function dequote(text: string): string {
  return text.replace(/^[ \t]*>[ \t]?/gm, "");
}

/** "Fatima El Amrani <f@x.nl>", "f@x.nl", "Name [mailto:f@x.nl]" → name and address. */
export function parseAddressLine(value: string): MailAddress | null {
  const address = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/.exec(value)?.[0];
  if (!address) return null;
  const name = value
    .replace(/\[mailto:[^\]]*\]|<[^>]*>|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g, "")
    .replace(/["()]/g, "")
    .trim();
  return { name, address: address.toLowerCase() };
}

function lastMatchIndex(pattern: RegExp, text: string): { index: number; length: number } | null {
  let last: { index: number; length: number } | null = null;
  for (const match of text.matchAll(pattern)) last = { index: match.index, length: match[0].length };
  return last;
}

/** The header block ("Van:", "Datum:", …) at the start of `text`: the text after it and the sender it names. */
function readHeaderBlock(text: string): { rest: string; sender: MailAddress | null } {
  const lines = dequote(text).split("\n");
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  let sender: MailAddress | null = null;
  for (; i < lines.length && FORWARD_HEADER.test(lines[i]!.trim()); i++) {
    const line = lines[i]!.trim();
    if (/^(?:Van|From):/i.test(line)) sender = parseAddressLine(line.replace(/^\w+:/, ""));
  }
  return { rest: lines.slice(i).join("\n"), sender };
}

export interface SplitOptions {
  /** The mail's subject: "Re:"/"Antw:" makes an ambiguous marker a reply, "Fw:"/"Doorst:" a forward. */
  subject?: string | null;
  /** True for the mailbox's own and the staff's addresses: a quoted message from one is our own question. */
  isOwnAddress?: (address: string) => boolean;
}

type Boundary = { kind: "forward" | "original" | "reply"; index: number; length: number };

function firstMatch(pattern: RegExp, text: string): { index: number; length: number } | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  pattern.lastIndex = 0;
  return match ? { index: match.index, length: match[0].length } : null;
}

/** Where the first earlier message starts: a forward marker, an Outlook marker or header block, or a reply header. */
function firstBoundary(text: string): Boundary | null {
  const found: Boundary[] = [];
  const forward = firstMatch(FORWARD_MARKER, text);
  if (forward) found.push({ kind: "forward", ...forward });
  for (const pattern of [ORIGINAL_MARKER, OUTLOOK_BLOCK]) {
    const match = firstMatch(pattern, text);
    if (match) found.push({ kind: "original", ...match });
  }
  const reply = REPLY_HEADER.exec(text);
  if (reply) found.push({ kind: "reply", index: reply.index, length: reply[0].length });
  return found.sort((a, b) => a.index - b.index)[0] ?? null;
}

const PHONE_LIKE = /(?:\+|\b00|\b0)[1-9](?:[ \t.()-]?\d){7,12}\b/;
const POSTCODE_LIKE = /\b[1-9]\d{3}\s?[A-Z]{2}\b/;

/**
 * Outlook writes "-----Oorspronkelijk bericht-----" (or a bare "Van:/Verzonden:" block) above a
 * reply's quote and above a forward alike. A reply when the subject says so ("Re:", "Antw:"),
 * when the quoted message is our own, or when the text above it holds a phone number or a
 * postcode (a resident answering our question); a forward when the subject says "Fw:"/"Doorst:"
 * or nothing points at a reply.
 */
function isReply(above: string, below: string, options: SplitOptions): boolean {
  const subject = options.subject ?? "";
  if (REPLY_SUBJECT.test(subject)) return true;
  if (FORWARD_SUBJECT.test(subject)) return false;
  const sender = readHeaderBlock(below).sender;
  if (sender && options.isOwnAddress?.(sender.address)) return true;
  const note = above.split("\n");
  const end = note.findIndex((line) => SIGNATURE_START.test(line.trim()));
  const written = (end === -1 ? note : note.slice(0, end)).join("\n");
  return PHONE_LIKE.test(written) || POSTCODE_LIKE.test(written);
}

/** The forwarded original (after the last forward marker), with the sender from its header block. */
function splitForward(text: string): { original: string; sender: MailAddress | null } | null {
  const markers = [lastMatchIndex(FORWARD_MARKER, text), lastMatchIndex(ORIGINAL_MARKER, text)];
  const marker = markers.reduce((a, b) => (!a || (b && b.index > a.index) ? b : a), null);
  const outlook = lastMatchIndex(OUTLOOK_BLOCK, text);
  let start: number;
  if (marker && (!outlook || marker.index >= outlook.index)) start = marker.index + marker.length;
  else if (outlook) start = outlook.index;
  else return null;
  const { rest, sender } = readHeaderBlock(text.slice(start));
  return { original: rest, sender };
}

/**
 * Cuts a received mail's text into the resident's own text, their signature and what they quoted
 * (see {@link MailSections}). A reply's quote is everything from the first reply header, Outlook
 * marker or header block on, and from any ">" line; nothing in it is the resident's.
 */
export function splitMail(input: string, options: SplitOptions = {}): MailSections {
  const text = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "");
  const boundary = firstBoundary(text);
  let forward: { original: string; sender: MailAddress | null } | null = null;
  let main = text;
  let quoted = "";
  if (boundary) {
    const above = text.slice(0, boundary.index);
    // After an Outlook marker line; an Outlook header block is kept, as it names the sender.
    const headerBlock = /^[ \t>]*(?:Van|From):/i.test(text.slice(boundary.index));
    const below = text.slice(boundary.index + (headerBlock ? 0 : boundary.length));
    if (boundary.kind === "forward" || (boundary.kind === "original" && !isReply(above, below, options))) {
      forward = splitForward(text);
      main = forward?.original ?? text;
    } else if (boundary.kind === "original") {
      main = above;
      quoted = dequote(below);
    }
  }

  const reply = REPLY_HEADER.exec(main);
  if (reply) {
    quoted = `${dequote(main.slice(reply.index + reply[0].length))}\n${quoted}`;
    main = main.slice(0, reply.index);
  }
  const kept: string[] = [];
  for (const line of main.split("\n")) {
    if (/^[ \t]*>/.test(line)) quoted += `\n${dequote(line)}`;
    else kept.push(line);
  }

  const start = kept.findIndex((line) => SIGNATURE_START.test(line.trim()));
  const body = (start === -1 ? kept : kept.slice(0, start)).join("\n").trim();
  const signatureLines = start === -1 ? [] : kept.slice(start);
  const closing = signatureLines[0] && !/^--/.test(signatureLines[0].trim()) ? signatureLines[0].trim() : null;
  return { body, signature: signatureLines.join("\n").trim(), quoted: quoted.trim(), closing, forwarded: forward !== null, sender: forward?.sender ?? null };
}
