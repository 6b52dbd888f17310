/**
 * Posting a public form the way a browser without JavaScript does: the form's hidden Server
 * Action fields (read from the served page) plus the visible fields, as multipart. For tests
 * that send many posts, faster than driving a browser.
 *
 * `client` says who is asking. The e2e server trusts 127.0.0.1 as a proxy (TRUSTED_PROXIES), so
 * an address like "203.0.113.7" or "2001:db8::1" is sent as X-Forwarded-For over 127.0.0.1: a
 * resident behind that proxy. A loopback address like "127.0.0.2" is instead the connection's
 * own source address: a client that reaches the app directly (any X-Forwarded-For it adds via
 * `headers` is its own forgery).
 */
import http from "node:http";

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export interface RawResponse {
  status: number;
  location: string | null;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** One HTTP request from `client` (see above); the body as bytes, a FormData, or nothing. */
export async function rawRequest(
  url: URL,
  { method = "GET", client, headers = {}, body, timeoutMs = 30_000 }: { method?: string; client: string; headers?: Record<string, string>; body?: FormData | string | Buffer; timeoutMs?: number },
): Promise<RawResponse> {
  const direct = client.startsWith("127.");
  const all: Record<string, string> = { ...(direct ? {} : { "x-forwarded-for": client }), ...headers };
  let bytes: Buffer | undefined;
  if (body instanceof FormData) {
    const encoded = new Request("http://x/", { method: "POST", body });
    bytes = Buffer.from(await encoded.arrayBuffer());
    all["content-type"] = encoded.headers.get("content-type")!;
  } else if (body !== undefined) bytes = Buffer.from(body);
  if (bytes) all["content-length"] = String(bytes.length);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method, headers: { host: url.host, ...all }, localAddress: direct ? client : undefined, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, location: (response.headers.location as string | undefined) ?? null, text: Buffer.concat(chunks).toString("utf8"), headers: response.headers }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${method} ${url.pathname}: no answer in ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(bytes);
  });
}

/** The hidden inputs of the form labelled `formLabel` on `path`: each call a freshly served form. */
export async function hiddenFields(base: string, path: string, formLabel: string, client: string): Promise<[string, string][]> {
  const html = (await rawRequest(new URL(path, base), { client })).text;
  const form = new RegExp(`<form[^>]*aria-label="${formLabel}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!form) throw new Error(`no form "${formLabel}" on ${path}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

export async function postForm(base: string, path: string, data: FormData, client: string, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(new URL(path, base), { method: "POST", client, body: data, timeoutMs, headers: { origin: new URL(base).origin, ...headers } });
}

/** The form token must be older than FORM_MIN_SECONDS (1 s on the test servers). */
export const letTokenMature = () => new Promise((r) => setTimeout(r, 1100));
