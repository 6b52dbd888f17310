/**
 * vCard 3.0 (RFC 2426), the version phones import most reliably, for adding a batch of new
 * members as contacts at once. Only name and mobile number, as the contact person sees them.
 */
export interface VCardPerson {
  name: string;
  mobile: string;
}

/** Text values escape backslash, comma, semicolon and line breaks. */
export function escapeVCardText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/;/g, "\\;").replace(/\r\n|\r|\n/g, "\\n");
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

export function toVCards(people: readonly VCardPerson[], { organisation, note }: { organisation: string; note: string }): string {
  return people
    .map((person) => {
      const name = escapeVCardText(person.name);
      return [
        "BEGIN:VCARD",
        "VERSION:3.0",
        `N:;${name};;;`,
        `FN:${name}`,
        `ORG:${escapeVCardText(organisation)}`,
        `TEL;TYPE=CELL:${person.mobile.replace(/[^\d+]/g, "")}`,
        `NOTE:${escapeVCardText(note)}`,
        "END:VCARD",
      ]
        .map(foldLine)
        .join("\r\n");
    })
    .map((card) => `${card}\r\n`)
    .join("");
}
