import { createTranslator, initializeConfig, _createCache, _createIntlFormatters } from "next-intl";
import { describe, expect, it } from "vitest";
import { sharedMessageCache } from "@/lib/i18n/message-cache";
import { messagesFor } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * One request as next-intl's server serves it: the request config (lib/i18n/request.ts)
 * through use-intl's initializeConfig, then a translator with formatters of its own request.
 */
function requestTranslator(locale: AppLocale) {
  const config = initializeConfig({ locale, messages: messagesFor(locale), timeZone: "Europe/Amsterdam", _cache: sharedMessageCache } as Parameters<typeof initializeConfig>[0]);
  const formatters = _createIntlFormatters(_createCache());
  return createTranslator({ ...config, _formatters: formatters, namespace: "staff.inbox" } as Parameters<typeof createTranslator>[0]) as (key: string, values?: Record<string, string>) => string;
}

const compiled = () => Object.keys(sharedMessageCache.message);

describe("the shared message cache (lib/i18n/message-cache.ts)", () => {
  it("compiles a message once for the process and formats each request's own values", () => {
    expect(requestTranslator("nl")("select", { name: "Anna de Vries" })).toBe("Selecteer Anna de Vries");
    const afterFirst = compiled();
    expect(afterFirst.length).toBeGreaterThan(0);
    expect(requestTranslator("nl")("select", { name: "Bram Jansen" })).toBe("Selecteer Bram Jansen");
    expect(compiled()).toEqual(afterFirst);
  });

  it("keeps each language apart", () => {
    const english = requestTranslator("en")("select", { name: "Anna de Vries" });
    expect(english).not.toBe("Selecteer Anna de Vries");
    expect(english).toContain("Anna de Vries");
    expect(requestTranslator("nl")("select", { name: "Anna de Vries" })).toBe("Selecteer Anna de Vries");
  });

  it("holds no values and no formatted text: nothing of one viewer reaches another", () => {
    requestTranslator("nl")("suggested", { name: "Geheim Deelgebied" });
    const keys = compiled().join("\n");
    expect(keys).not.toMatch(/Anna de Vries|Bram Jansen|Geheim Deelgebied/);
    for (const entry of Object.values(sharedMessageCache.message)) expect(typeof entry).not.toBe("string");
  });
});
