// Mail intake's reading: each kind of mail a resident sends, as a fixture with the fields it
// must give. Details inside a quoted earlier message (our own question, our own phone number)
// are never taken; every mail a mail client can display gives text.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractApplicationFields, type ExtractedFields } from "@/lib/intake/extract-application-fields";
import { readMail } from "@/lib/intake/read-mail";

const OWN = ["buurtpreventie@dieren-west.nl"];
const none: ExtractedFields = { name: null, mobile: null, street: null, houseNumber: null, houseNumberSuffix: null, postcode: null, email: null };

async function fieldsOf(file: string): Promise<ExtractedFields> {
  const bytes = fs.readFileSync(`tests/fixtures/mail/${file}`);
  const mail = await readMail(file.endsWith(".txt") ? bytes.toString("utf8") : bytes);
  return extractApplicationFields(mail.text, { from: mail.from, replyTo: mail.replyTo, subject: mail.subject, ownAddresses: OWN });
}

describe("a reply written above (or between) a quoted message counts only for the resident's own text", () => {
  const cases: Record<string, Partial<ExtractedFields>> = {
    // Pasted, no subject: Outlook's "-----Oorspronkelijk bericht-----"; 06-18765432 is the association's.
    "reply-outlook-marker.txt": { mobile: "06 56789012" },
    // Outlook's bare "Van:/Verzonden:" block (windows-1252, quoted-printable); the quote has a name, address and number.
    "reply-outlook-header-block.eml": { name: "Lotte Visser", mobile: "06 22334455", street: "Lindelaan", houseNumber: "4", postcode: "6951 BA", email: "lotte.visser@example.net" },
    // Gmail in English, "On … wrote:" wrapped over two lines, "> " quoting with labels inside.
    "reply-gmail-english.eml": { name: "Mark de Boer", mobile: "06 44556677", street: "Eikenlaan", houseNumber: "9", postcode: "6951 AD", email: "mark.deboer@example.com" },
    // Answers between quoted questions: the answers count, the questions (with our number) do not.
    "reply-interleaved.txt": { mobile: "06 38887766", street: "Beukenlaan", houseNumber: "14", postcode: "6951 AC" },
    // HTML only (Apple Mail): the quote is a <blockquote type="cite"> with labelled details.
    "reply-html-blockquote.eml": { name: "Sara Jansen", mobile: "06 31415926", street: "Molenweg", houseNumber: "2", postcode: "6951 BC", email: "sara@example.org" },
    // HTML only inside multipart/related (Outlook on the web): the quote follows div#divRplyFwdMsg.
    "reply-outlook-web-html.eml": { name: "Noah Smit", mobile: "06 27182818", street: "Parkweg", houseNumber: "3", postcode: "6952 AB", email: "noah.smit@example.net" },
    // Not a reply: "-----Original Message-----" under "FW:" is a forward, and the original is the resident's.
    "forward-outlook-original.eml": { name: "Yara Bos", mobile: "06 12121212", street: "Hoflaan", houseNumber: "5", postcode: "6952 AA", email: "yara.bos@example.com" },
  };
  it.each(Object.entries(cases))("%s", async (file, expected) => {
    expect(await fieldsOf(file)).toStrictEqual({ ...none, ...expected });
  });

  it("takes nothing from a quote even when the resident's own text has nothing", () => {
    const text = "Zie hieronder.\n\nOp za 28 nov 2026 om 14:02 schreef Buurtpreventie <buurtpreventie@dieren-west.nl>:\n> Naam: Kees Coordinator\n> Kerkstraat 1, 6951 AB\n> 06-18765432";
    expect(extractApplicationFields(text, { ownAddresses: OWN })).toStrictEqual(none);
  });

  it("tells a reply from a forward by the subject when the marker is Outlook's ambiguous one", () => {
    const text = "Hierbij.\n\n-----Oorspronkelijk bericht-----\nVan: Yara Bos <yara.bos@example.com>\nVerzonden: dinsdag 24 november 2026 18:45\n\nHoflaan 5, 6952 AA. 06 12121212.";
    expect(extractApplicationFields(text, { subject: "Doorst: Aanmelding" })).toMatchObject({ mobile: "06 12121212", email: "yara.bos@example.com" });
    expect(extractApplicationFields(text, { subject: "Antw: Aanmelding" })).toMatchObject({ mobile: null, street: null, email: null });
  });
});

describe("every mail a mail client can display gives text to read", () => {
  const cases: Record<string, Partial<ExtractedFields>> = {
    // multipart/alternative holding only an HTML part.
    "html-only-alternative.eml": { name: "Sanne Bakker", mobile: "06 23456789", street: "Lindelaan", houseNumber: "7", postcode: "6951 BA", email: "sanne.bakker@example.net" },
    // multipart/mixed > multipart/alternative > base64 Latin-1 HTML, beside a PDF; a non-breaking hyphen in the number.
    "html-only-mixed-base64.eml": { name: "Ruben Claes", mobile: "06 13572468", street: "Veluwelaan", houseNumber: "30", houseNumberSuffix: "B", postcode: "6952 BA", email: "ruben.claes@example.be" },
  };
  it.each(Object.entries(cases))("%s", async (file, expected) => {
    expect(await fieldsOf(file)).toStrictEqual({ ...none, ...expected });
  });
});

describe("a name stated in a sentence is taken whole", () => {
  it("reads the pasted mail of 2026-11-30 (\"Mijn naam is\" starting a sentence)", async () => {
    expect(await fieldsOf("pasted-name-sentence.txt")).toStrictEqual({ ...none, name: "Jan de Vries", mobile: "06 12345678", street: "Kerkstraat", houseNumber: "12", houseNumberSuffix: "a", postcode: "6951 AB" });
  });

  it.each([
    ["Mijn naam is Jan de Vries, ik woon hier.", "Jan de Vries"],
    ["Goedemiddag. Mijn naam is Anneke van der Berg en ik wil graag meedoen.", "Anneke van der Berg"],
    ["MIJN NAAM IS Fatima el Amrani.", "Fatima el Amrani"],
    ["Hallo, mijn naam is: Joost van 't Hek", "Joost van 't Hek"],
    ["Ik heet Anneke d’Hondt.", "Anneke d’Hondt"],
    ["Ik heet Jan-Willem Bos\nKerkstraat 3", "Jan-Willem Bos"],
    ["My name is Emma Johnson and I live here.", "Emma Johnson"],
    ["Mijn naam is Jan en de buren kennen mij.", "Jan"],
  ])("%s", (text, name) => {
    expect(extractApplicationFields(text).name).toBe(name);
  });
});
