import "server-only";
import { getTranslations } from "next-intl/server";

type Params = Record<string, string | number>;

/**
 * The texts a form's answer is made of, found by convention in a message namespace (`texts` of
 * a Server Action, e.g. "staff", "publicForms", "intake.mail") and, key by key, in the
 * namespaces above it:
 * - a notice for `reason`: `<ns>.notice.<reason>` or `<ns>.errors.<reason>`, else `staff.errors.<reason>`;
 * - a field's message for `code`: `<ns>.fieldErrors.<field>.<code>`, `<ns>.fieldErrors.<field>`
 *   (one message that selects on `{code}`), `<ns>.fieldErrors.<code>` or `<ns>.errors.<code>`;
 * - a field's label: `<ns>.fields.<field>`.
 * An unknown reason or code gets the "invalid" text of the same place: never a raw code.
 */
export async function formMessages(namespace: string) {
  const t = await getTranslations();
  const scopes = namespace.split(".").map((_, i, parts) => parts.slice(0, parts.length - i).join("."));
  const say = (key: string, params?: Params) => (t as unknown as (key: string, params?: Params) => string)(key, params);
  const isText = (key: string) => t.has(key as never) && typeof t.raw(key as never) === "string";
  const first = (keys: string[]) => keys.find(isText);
  const selectsOnCode = (key: string) => isText(key) && (t.raw(key as never) as string).includes("{code, select");

  function notice(reason: string, params?: Params): string {
    for (const r of [reason, "invalid"]) {
      const key = first([...scopes.flatMap((s) => [`${s}.notice.${r}`, `${s}.errors.${r}`]), `staff.errors.${r}`]);
      if (key) return say(key, r === reason ? params : undefined);
    }
    return say("staff.errors.invalid");
  }

  function field(name: string, code: string): string {
    for (const c of [code, "invalid"]) {
      // The field's own wording first, wherever it is; then the code's general one.
      for (const s of scopes) {
        if (isText(`${s}.fieldErrors.${name}.${c}`)) return say(`${s}.fieldErrors.${name}.${c}`);
        if (selectsOnCode(`${s}.fieldErrors.${name}`)) return say(`${s}.fieldErrors.${name}`, { code: c });
      }
      const key = first(scopes.flatMap((s) => [`${s}.fieldErrors.${c}`, `${s}.errors.${c}`]));
      if (key) return say(key);
    }
    return notice("invalid");
  }

  function label(name: string): string | undefined {
    const key = first(scopes.map((s) => `${s}.fields.${name}`));
    return key && say(key);
  }

  return { notice, field, label, say };
}

export type FormMessages = Awaited<ReturnType<typeof formMessages>>;
