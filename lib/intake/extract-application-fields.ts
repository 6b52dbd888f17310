import { findPhoneNumbersInText, type PhoneNumber } from "libphonenumber-js/max";
import { formatPostcode, normalisePostcode } from "../subareas/address";
import { splitMail } from "./mail-sections";
import { additionAfter, findGenericStreet, findKnownStreet, parseFullAddress, POSTCODE_ANY_CASE, type FullAddress } from "./parse-full-address";
import type { MailAddress } from "./read-mail";

/** A draft application as found in a mail: every field may be missing; the coordinator checks them all. */
export interface ExtractedFields {
  name: string | null;
  mobile: string | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  postcode: string | null;
  email: string | null;
}

export interface ExtractionContext {
  from?: MailAddress | null;
  replyTo?: MailAddress | null;
  /** Never a resident's: the central mailbox and the staff's own addresses. */
  ownAddresses?: readonly string[];
  /** Street names of the subareas' rules: found in any spelling and returned as written here. */
  knownStreets?: readonly string[];
  /** The mail's subject: tells a reply ("Re:", "Antw:") from a forward ("Fw:", "Doorst:"). */
  subject?: string | null;
}

/*
 * What is recognised (Dutch first, English too):
 *
 * Labelled lines, "Label: value" (also with the value on the next line):
 *   name      Naam, Volledige naam, Voor- en achternaam, Name, Full name; or Voornaam +
 *             Tussenvoegsel + Achternaam
 *   mobile    Mobiel, Mobiel nummer, Mobiele nummer, 06, 06-nummer, GSM, WhatsApp, Telefoon,
 *             Telefoonnummer, Tel, Tel., Mobile, Phone
 *   address   Adres, Woonadres, Straat en huisnummer, Address ("Kerkstraat 12a, 6951 AB Dieren")
 *   street    Straat, Straatnaam, Street; house number Huisnummer, Nr, House number; addition
 *             Toevoeging, Addition; postcode Postcode, Postal code, Zip
 *   e-mail    E-mail, Email, E-mailadres, Mail
 * Without labels:
 *   mobile    any phone number libphonenumber finds ("06-12345678", "06 123 456 78",
 *             "+31 6 1234 5678", "0031 6 …", foreign numbers with their country code)
 *   address   a street of the subareas' rules followed by a number ("Kerkstraat 12a",
 *             "Stationsweg 45-2", "Veluwelaan 30 B"), else any street ending in -straat, -laan,
 *             -weg, -plein, … with a number; the postcode ("6951 AB", "6951AB") next to it or,
 *             in capitals, anywhere in the mail
 *   name      "Mijn naam is …", "Ik heet …", "My name is …"; else the sender's display name if it
 *             looks like a person's; else the name under the closing greeting
 *   e-mail    the sender's address (a forward's original sender; Reply-To when the sender is a
 *             no-reply address), unless it is the mailbox's own or a staff member's
 *
 * Which phone number wins when a mail has several (e.g. a signature with a work number):
 * a mobile always beats a landline (WhatsApp needs a mobile; a landline is only proposed when
 * there is no mobile at all, so the form then shows why it is refused); then a number not
 * marked as work/office/fax; then one in the text the resident wrote over one in their
 * signature; then one on a labelled line; then the first. A forwarder's note and signature are
 * not read. A quoted earlier message (usually our own question, with our own phone number) is
 * never read: a reply counts only for what the resident wrote above or between the quotes.
 */

const LABELS = {
  name: /naam|volledige naam|voor- en achternaam|voor en achternaam|name|full name/,
  firstName: /voornaam|voornamen|first name/,
  infix: /tussenvoegsel/,
  lastName: /achternaam|last name|surname/,
  mobile: /mobiel|mobiel nummer|mobiele nummer|mobiele telefoon|06|06-nummer|gsm|whatsapp|telefoon|telefoonnummer|tel\.?|mobile|mobile number|phone|phone number/,
  address: /adres|woonadres|straat en huisnummer|straat \+ huisnummer|address|home address/,
  street: /straat|straatnaam|street/,
  houseNumber: /huisnummer|nr\.?|house number/,
  addition: /toevoeging|huisnummertoevoeging|addition/,
  postcode: /postcode|postal code|zip|zip code/,
  email: /e-mail|email|e-mailadres|emailadres|mail/,
} as const;
type Label = keyof typeof LABELS;

const LABEL_LINE = new RegExp(
  `^[ \\t*•-]*(${Object.values(LABELS).map((r) => r.source).join("|")})[ \\t]*[:=][ \\t]*(.*)$`,
  "i",
);

const POSTCODE_CAPITALS = /(?<![\p{L}\d])([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})(?![\p{L}\d])/u;
const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
const NOT_A_RESIDENT = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounces?|notifications?)(?:[+.-].*)?$/i;
const NOT_A_PERSON = /\b(?:buurtpreventie|gemeente|website|formulier|team|info|admin|noreply|bewoner|bewoners|familie|fam)\b/i;
const WORK = /\b(?:werk|work|kantoor|office|fax|zakelijk|bedrijf|business)\b/i;

function labelOf(raw: string): Label | null {
  const text = raw.toLowerCase().trim();
  for (const [label, pattern] of Object.entries(LABELS) as [Label, RegExp][]) {
    if (new RegExp(`^(?:${pattern.source})$`).test(text)) return label;
  }
  return null;
}

/** "Label: value" lines; an empty value takes the next line (two for an address). */
function labelledValues(text: string): Partial<Record<Label, string>> {
  const values: Partial<Record<Label, string>> = {};
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const match = LABEL_LINE.exec(line);
    const label = match ? labelOf(match[1]!) : null;
    if (!match || !label || values[label]) return;
    let value = match[2]!.trim();
    if (!value) {
      const next = lines.slice(i + 1, i + (label === "address" ? 3 : 2)).filter((l) => l.trim() && !LABEL_LINE.test(l));
      value = next.join(", ").trim();
    } else if (label === "address" && !POSTCODE_ANY_CASE.test(value) && lines[i + 1] && POSTCODE_ANY_CASE.test(lines[i + 1]!) && !LABEL_LINE.test(lines[i + 1]!)) {
      value = `${value}, ${lines[i + 1]!.trim()}`;
    }
    if (value) values[label] = value;
  });
  return values;
}

function looksLikePersonName(text: string | null | undefined): text is string {
  if (!text) return false;
  const name = text.trim();
  return name.length >= 2 && name.length <= 60 && /^\p{L}[\p{L}'’. -]*$/u.test(name) && name.split(/\s+/).length <= 6 && !NOT_A_PERSON.test(name);
}

function words(name: string): number {
  return name.trim().split(/\s+/).length;
}

// The lead-in in any case ("Mijn naam is", "mijn naam is", "MIJN NAAM IS"); the name itself
// starts each part with a capital, joined by the lower-case particles of Dutch, Moroccan and
// Turkish names ("de", "van der", "van 't", "El", "d'").
const NAME_LEAD_IN = /(?<![\p{L}])(?:mijn naam is|ik heet|wij heten|my name is|i am called)[ \t]*:?[ \t]+/giu;
const NAME_PARTICLE = "van|de|der|den|het|'t|’t|te|ter|ten|op|in|el|al|la|le|du|da|di|dos|bin|ibn|d'|d’";
const STATED_NAME = new RegExp(
  `^((?:\\p{Lu}[\\p{L}'’-]*|(?:${NAME_PARTICLE})(?=[ \\t]|\\p{Lu}))(?:[ \\t]*(?:\\p{Lu}[\\p{L}'’-]*|(?:${NAME_PARTICLE})(?=[ \\t]|\\p{Lu}))){0,5})`,
  "u",
);

/** "Mijn naam is …" (at a sentence's start or inside it), with the whole name: "Jan de Vries", "Fatima el Amrani". */
function statedName(body: string): string | null {
  for (const lead of body.matchAll(NAME_LEAD_IN)) {
    const match = STATED_NAME.exec(body.slice(lead.index + lead[0].length));
    if (!match) continue;
    // A trailing particle belongs to no name ("Mijn naam is Jan en de …" stops at "Jan").
    const name = match[1]!.replace(new RegExp(`(?:[ \\t]+(?:${NAME_PARTICLE}))+$`, "u"), "").trim();
    if (looksLikePersonName(name)) return name;
  }
  return null;
}

function signedName(signature: string, closing: string | null): string | null {
  const inline = closing ? /^[^,]*,\s*(.+)$/.exec(closing)?.[1] : null;
  const below = signature.split("\n").slice(1).map((l) => l.trim()).find(Boolean);
  return [below, inline].find((candidate) => looksLikePersonName(candidate))?.trim() ?? null;
}

interface PhoneCandidate {
  phone: PhoneNumber;
  mobile: boolean;
  work: boolean;
  written: boolean;
  labelled: boolean;
  order: number;
}

function phoneCandidates(text: string, written: boolean, offset: number): PhoneCandidate[] {
  return findPhoneNumbersInText(text, "NL").map((found, i) => {
    const lineStart = text.lastIndexOf("\n", found.startsAt) + 1;
    const before = text.slice(lineStart, found.startsAt);
    return {
      phone: found.number,
      mobile: isMobile(found.number),
      work: WORK.test(before),
      written,
      labelled: LABEL_LINE.test(`${before}x`) || /\b(?:nummer|number|bereikbaar|mobiel|06)\b/i.test(before),
      order: offset + i,
    };
  });
}

function bestPhone(candidates: PhoneCandidate[]): PhoneNumber | null {
  const rank = (c: PhoneCandidate) => [Number(c.mobile), Number(!c.work), Number(c.written), Number(c.labelled), -c.order];
  let best: PhoneCandidate | null = null;
  for (const candidate of candidates) {
    if (!best) {
      best = candidate;
      continue;
    }
    const [a, b] = [rank(candidate), rank(best)];
    const i = a.findIndex((value, k) => value !== b[k]);
    if (i !== -1 && a[i]! > b[i]!) best = candidate;
  }
  return best?.phone ?? null;
}

function formatPhone(phone: PhoneNumber): string {
  return phone.country === "NL" ? phone.formatNational() : phone.formatInternational();
}

function residentAddress(candidate: MailAddress | null | undefined, own: Set<string>): string | null {
  if (!candidate) return null;
  const address = candidate.address.toLowerCase();
  const local = address.split("@")[0] ?? "";
  return own.has(address) || NOT_A_RESIDENT.test(local) ? null : address;
}

interface PartFields {
  name: string | null;
  signed: string | null;
  address: FullAddress | null;
  postcode: string | null;
  phone: PhoneNumber | null;
  email: string | null;
}

/** Everything one part of the mail (the resident's text with signature, or a quoted message) says. */
function extractPart(body: string, signature: string, closing: string | null, knownStreets: readonly string[]): PartFields {
  const text = [body, signature].join("\n");
  const labels = labelledValues(text);

  const labelledName = looksLikePersonName(labels.name) ? labels.name.trim() : null;
  const parts = [labels.firstName, labels.infix, labels.lastName].filter(Boolean).join(" ");
  const name = labelledName ?? (labels.lastName && looksLikePersonName(parts) ? parts : null) ?? statedName(body);

  // Address: labelled, else a known street, else any street-like words with a number.
  let address: FullAddress | null = null;
  if (labels.address) address = parseFullAddress(labels.address, knownStreets);
  if (!address && labels.street) {
    address = parseFullAddress(labels.street, knownStreets) ?? { street: labels.street.trim(), houseNumber: "", houseNumberSuffix: null, postcode: null };
  }
  address ??= findKnownStreet(text, knownStreets) ?? findGenericStreet(text);
  if (address && labels.houseNumber) {
    const match = /^(\d{1,5})(.*)$/.exec(labels.houseNumber.trim());
    if (match) address = { ...address, houseNumber: match[1]!, houseNumberSuffix: additionAfter(match[2]!) ?? address.houseNumberSuffix };
  }
  if (address && labels.addition) address = { ...address, houseNumberSuffix: labels.addition.trim().replace(/^[-\s]+/, "") };
  let postcode = address?.postcode ?? null;
  const labelledPostcode = labels.postcode ? POSTCODE_ANY_CASE.exec(labels.postcode) : null;
  if (labelledPostcode) postcode = normalisePostcode(`${labelledPostcode[1]}${labelledPostcode[2]}`) ?? postcode;
  const capitals = postcode ? null : POSTCODE_CAPITALS.exec(text);
  if (capitals) postcode = normalisePostcode(`${capitals[1]}${capitals[2]}`);

  // Phone: the ranking described at the top of this file.
  const phone = bestPhone([...phoneCandidates(body, true, 0), ...phoneCandidates(signature, false, 1000)]);

  const email = labels.email ? (EMAIL.exec(labels.email)?.[0]?.toLowerCase() ?? null) : null;
  return { name, signed: signedName(signature, closing), address, postcode, phone, email };
}

function isMobile(phone: PhoneNumber): boolean {
  const type = phone.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/**
 * The application fields a received mail's text holds (see the list above), for a coordinator to
 * check: never a value from a quoted earlier message or a forwarder's own note. Mobile formatted
 * nationally for NL ("06 12345678"), internationally otherwise; postcode as "6951 AB".
 */
export function extractApplicationFields(text: string, context: ExtractionContext = {}): ExtractedFields {
  const knownStreets = context.knownStreets ?? [];
  const own = new Set((context.ownAddresses ?? []).map((a) => a.toLowerCase()));
  const sections = splitMail(text, { subject: context.subject, isOwnAddress: (address) => own.has(address.toLowerCase()) });
  // The resident is a forward's original sender, else the mail's sender (or its Reply-To when
  // the sender is a no-reply form); never the person who forwarded it.
  const sender = sections.forwarded
    ? sections.sender
    : residentAddress(context.from, own)
      ? context.from!
      : (context.replyTo ?? null);

  const written = extractPart(sections.body, sections.signature, sections.closing, knownStreets);
  const address = written.address;

  const senderName = sender?.name && looksLikePersonName(sender.name) ? sender.name.trim() : null;
  // A full name beats a first name alone.
  const name = written.name ?? [senderName, written.signed].find((n) => n && words(n) >= 2) ?? senderName ?? written.signed;

  const email = [written.email, sender?.address].find((a) => a && residentAddress({ name: "", address: a }, own)) ?? null;
  const phone = written.phone;
  const postcode = written.postcode;

  return {
    name,
    mobile: phone ? formatPhone(phone) : null,
    street: address?.street ?? null,
    houseNumber: address?.houseNumber || null,
    houseNumberSuffix: address?.houseNumberSuffix ?? null,
    postcode: postcode ? formatPostcode(postcode) : null,
    email: email?.toLowerCase() ?? null,
  };
}
