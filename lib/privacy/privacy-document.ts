/** A privacy page as data: the statement and the register are built as this, one view renders it. */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "list"; items: { id: string; text: string }[] }
  | { kind: "fields"; id: string; heading?: string; rows: { term: string; details: string[] }[] };

export interface DocumentSection {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface PrivacyDocument {
  title: string;
  intro: string[];
  sections: DocumentSection[];
}
