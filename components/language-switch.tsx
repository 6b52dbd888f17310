"use client";

import type { PlainFormAction } from "@/lib/http/form-result";
import type { LanguageChoice } from "@/lib/i18n/language-choices";

/**
 * A button for every other language (lib/i18n/language-choices.ts), each labelled in its own
 * language. `action` is setLocale (lib/i18n/locale-actions.ts): a plain form, so it works
 * without JavaScript.
 */
export function LanguageSwitch({ action, languages }: { action: PlainFormAction; languages: LanguageChoice[] }) {
  return languages.map((language) => (
    <form key={language.locale} action={action}>
      <input type="hidden" name="locale" value={language.locale} />
      <button
        type="submit"
        lang={language.locale}
        aria-label={language.switchLabel}
        className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
      >
        {language.name}
      </button>
    </form>
  ));
}
