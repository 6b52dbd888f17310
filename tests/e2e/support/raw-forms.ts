/**
 * Posting a public form the way a browser without JavaScript does: the form's hidden Server
 * Action fields (read from the served page) plus the visible fields, as multipart. For tests
 * that send many posts, faster than driving a browser.
 */
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden inputs of the form labelled `formLabel` on `path`. */
export async function hiddenFields(base: string, path: string, formLabel: string, client: string): Promise<[string, string][]> {
  const html = await (await fetch(new URL(path, base), { headers: { "x-forwarded-for": client } })).text();
  const form = new RegExp(`<form[^>]*aria-label="${formLabel}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!form) throw new Error(`no form "${formLabel}" on ${path}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

export interface RawResponse {
  status: number;
  location: string | null;
  text: string;
}

export async function postForm(base: string, path: string, data: FormData, client: string, timeoutMs = 30_000): Promise<RawResponse> {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    body: data,
    redirect: "manual",
    headers: { origin: new URL(base).origin, "x-forwarded-for": client },
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

/** The form token must be older than FORM_MIN_SECONDS (1 s on the test servers). */
export const letTokenMature = () => new Promise((r) => setTimeout(r, 1100));
