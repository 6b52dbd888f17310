import { _createCache } from "next-intl";

/**
 * The compiled messages (intl-messageformat objects) of every request, kept for the process.
 *
 * next-intl builds a new cache per request, so every message with a placeholder was parsed
 * again on every page: 10–15% of a staff page's server CPU (issue 15's profile). The request
 * config hands this cache to next-intl (lib/i18n/request.ts), which passes it on to use-intl's
 * `createTranslator` as `_cache` (an underscored option: use-intl's own way to share a cache).
 * Safe to share between viewers: an entry is keyed by the message's text, locale and formats,
 * never by the values put into it, and holds no formatted output
 * (tests/unit/message-cache.test.ts). Bounded by the number of messages times the languages.
 */
export const sharedMessageCache = _createCache();
