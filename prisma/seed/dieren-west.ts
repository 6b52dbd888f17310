/**
 * Demo data for Dieren-West. The four northern subareas, their streets and every boundary
 * below are SAMPLE DATA made up for the demo: the source document does not list streets.
 * Coordinators enter the real rules in the app.
 */
import type { Parity } from "../../lib/subareas/address";

export interface SampleRule {
  street?: string;
  postcodeFrom?: string;
  postcodeTo?: string;
  houseNumberFrom?: number;
  houseNumberTo?: number;
  parity?: Parity;
}

export interface SampleSubarea {
  name: string;
  description: string;
  status: "ACTIVE" | "PROPOSED";
  inviteLink: string | null;
  memberCount: number;
  /** Streets with the postcode the generator gives their addresses. */
  streets: { street: string; postcode: string; maxNumber: number }[];
  rules: SampleRule[];
}

const sample = "Voorbeeldgegevens: vervang de straten en grenzen door de echte.";

export const SUBAREAS: SampleSubarea[] = [
  {
    name: "Deelgebied 1 – Noordwest",
    description: sample,
    status: "ACTIVE",
    inviteLink: "https://chat.whatsapp.com/VOORBEELD-deelgebied-1",
    memberCount: 142,
    streets: [
      { street: "Kerkstraat", postcode: "6951AB", maxNumber: 60 },
      { street: "Beukenlaan", postcode: "6951AC", maxNumber: 40 },
      { street: "Eikenlaan", postcode: "6951AD", maxNumber: 36 },
    ],
    rules: [{ street: "Kerkstraat" }, { street: "Beukenlaan" }, { street: "Eikenlaan" }],
  },
  {
    name: "Deelgebied 2 – Noordoost",
    description: sample,
    status: "ACTIVE",
    inviteLink: "https://chat.whatsapp.com/VOORBEELD-deelgebied-2",
    memberCount: 118,
    streets: [
      { street: "Lindelaan", postcode: "6951BA", maxNumber: 48 },
      { street: "Stationsweg", postcode: "6951BB", maxNumber: 99 },
      { street: "Molenweg", postcode: "6951BC", maxNumber: 30 },
    ],
    rules: [{ street: "Lindelaan" }, { street: "Stationsweg", houseNumberFrom: 1, houseNumberTo: 99 }, { street: "Molenweg" }],
  },
  {
    name: "Deelgebied 3 – Midden",
    description: sample,
    status: "ACTIVE",
    inviteLink: "https://chat.whatsapp.com/VOORBEELD-deelgebied-3",
    memberCount: 96,
    streets: [
      { street: "Hoflaan", postcode: "6952AA", maxNumber: 44 },
      { street: "Parkweg", postcode: "6952AB", maxNumber: 52 },
      { street: "Admiraal Helfrichlaan", postcode: "6952AC", maxNumber: 79 },
    ],
    // The north side (odd numbers, in this sample) of the Admiraal Helfrichlaan belongs here.
    rules: [{ street: "Hoflaan" }, { street: "Parkweg" }, { street: "Admiraal Helfrichlaan", parity: "ODD" }],
  },
  {
    name: "Deelgebied 4 – Noord",
    description: sample,
    status: "ACTIVE",
    inviteLink: "https://chat.whatsapp.com/VOORBEELD-deelgebied-4",
    memberCount: 201,
    streets: [
      { street: "Veluwelaan", postcode: "6952BA", maxNumber: 70 },
      { street: "Heezerweg", postcode: "6952BB", maxNumber: 34 },
      { street: "Sporthalweg", postcode: "6952BC", maxNumber: 24 },
    ],
    rules: [{ street: "Veluwelaan" }, { street: "Heezerweg" }, { street: "Sporthalweg" }],
  },
  {
    name: "Zuid (nog geen groep)",
    description:
      "Ten zuiden van de Admiraal Helfrichlaan is nog geen buurtbrede groep. Aanmeldingen wachten op een contactpersoon. " +
      sample,
    status: "PROPOSED",
    inviteLink: null,
    memberCount: 0,
    streets: [
      { street: "Admiraal Helfrichlaan", postcode: "6953AA", maxNumber: 80 },
      { street: "Zuiderlaan", postcode: "6953AB", maxNumber: 64 },
      { street: "Kastanjelaan", postcode: "6953AC", maxNumber: 42 },
      { street: "Esdoornstraat", postcode: "6953AD", maxNumber: 28 },
    ],
    rules: [{ street: "Admiraal Helfrichlaan", parity: "EVEN" }, { postcodeFrom: "6953AA", postcodeTo: "6953ZZ" }],
  },
];

export const COORDINATOR = { email: "coordinator@example.org", name: "Demo Coördinator" };

/** contact-1 … contact-4, one per northern subarea, in the order of SUBAREAS. */
export const CONTACT_PERSONS = [1, 2, 3, 4].map((n) => ({
  email: `contact-${n}@example.org`,
  name: `Demo Contactpersoon ${n}`,
  subareaIndex: n - 1,
}));

