"use server";

import { serverAction } from "../http/server-action";
import { neighbourhoodTextsSchema, textsFromForm } from "./neighbourhood-texts.schema";
import { saveNeighbourhoodTexts } from "./neighbourhood-texts";

/** Saves the neighbourhood's own texts (both languages) from /staff/settings. */
export const saveNeighbourhoodTextsAction = serverAction({
  capability: "settings.edit",
  schema: neighbourhoodTextsSchema,
  // "Intro (English)": the text's name and the language, as the settings page shows them.
  label: (field, texts) => {
    const [key, locale] = field.split("_");
    return key && locale ? `${texts.say(`staff.settingsPage.keys.${key}.label`)} (${texts.say(`vocabulary.languages.${locale}`)})` : undefined;
  },
  revalidate: ["/", "/volunteer", "/staff/settings"],
  run: async (input, { viewer }) => {
    await saveNeighbourhoodTexts(viewer, textsFromForm(input));
  },
});
