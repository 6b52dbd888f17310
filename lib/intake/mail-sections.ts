import type { MailAddress } from "./read-mail";

/**
 * A received mail's text cut into the parts that matter for intake:
 * - `body`: what the resident wrote — for a forwarded mail, the original below the (last)
 *   forward marker, not the forwarder's note above it;
 * - `signature`: from a "-- " line, a closing greeting ("Met vriendelijke groet", "Groetjes",
 *   "Kind regards", …) or "Sent from my phone" on;
 * - `quoted`: an earlier message quoted below a reply ("Op … schreef …:", "On … wrote:", lines
 *   starting with ">"), usually the coordinator's own question;
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

const FORWARD_MARKER =
  /^[ \t>]*(?:-{2,}[ \t]*)?(?:forwarded message|doorgestuurd bericht|original message|oorspronkelijk bericht|origineel bericht|begin forwarded message|begin doorgestuurd bericht)[ \t]*:?(?:[ \t]*-{2,})?[ \t]*$/gim;
// Outlook writes no marker, only a header block: "Van: …" with "Verzonden:"/"Sent:" right after.
const OUTLOOK_BLOCK = /^[ \t>]*(?:Van|From):[^\n]*\n(?:[^\n]*\n){0,2}?[ \t>]*(?:Verzonden|Sent|Datum|Date):/gim;
const FORWARD_HEADER = /^(?:Van|From|Datum|Date|Verzonden|Sent|Aan|To|Cc|Onderwerp|Subject|Reply-To|Antwoord aan):/i;
const REPLY_HEADER = /^[ \t]*(?:Op|On)\b[^\n]{0,200}(?:\n[^\n]{0,200})?\b(?:schreef|wrote)\b[^\n]{0,200}:[ \t]*$/m;
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

/** The forwarded original (after the last forward marker), with the sender from its header block. */
function splitForward(text: string): { original: string; sender: MailAddress | null } | null {
  const marker = lastMatchIndex(FORWARD_MARKER, text);
  const outlook = lastMatchIndex(OUTLOOK_BLOCK, text);
  let start: number;
  if (marker && (!outlook || marker.index >= outlook.index)) start = marker.index + marker.length;
  else if (outlook) start = outlook.index;
  else return null;
  const lines = dequote(text.slice(start)).split("\n");
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  let sender: MailAddress | null = null;
  for (; i < lines.length && FORWARD_HEADER.test(lines[i]!.trim()); i++) {
    const line = lines[i]!.trim();
    if (/^(?:Van|From):/i.test(line)) sender = parseAddressLine(line.replace(/^\w+:/, ""));
  }
  return { original: lines.slice(i).join("\n"), sender };
}

export function splitMail(input: string): MailSections {
  const text = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "");
  const forward = splitForward(text);
  let main = forward ? forward.original : text;

  let quoted = "";
  const reply = REPLY_HEADER.exec(main);
  if (reply) {
    quoted = dequote(main.slice(reply.index + reply[0].length));
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
