/**
 * A TCP relay between the app and PostgreSQL that counts the statements the app sends, for
 * `npm run bench`'s "statements per request". It reads the frontend side of the PostgreSQL wire
 * protocol (v3): every simple Query ('Q') and every Execute ('E') of the extended protocol is one
 * statement, BEGIN, set_config and COMMIT included. Bytes pass through unchanged; only
 * plain-text connections can be read (the bench connects without TLS on loopback).
 * With BENCH_STATEMENT_LOG=<file> it also appends each statement's text there (to see which
 * statements a page sends). Reference: PostgreSQL documentation, "Frontend/Backend Protocol",
 * message formats.
 */
const LOG = process.env.BENCH_STATEMENT_LOG;
import fs from "node:fs";
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface StatementCounter {
  /** The loopback port to point DATABASE_URL at. */
  port: number;
  /** Statements seen since start, over all connections. */
  count(): number;
  /** Logs the statements seen from now on under `label` (BENCH_STATEMENT_LOG), or stops with undefined. */
  trace(label: string | undefined): void;
  close(): Promise<void>;
}

/** Starts a relay on a free loopback port to `target` (host and port of PostgreSQL). */
export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  let tracing: string | undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    // Until the startup message, messages carry no type byte (SSL/GSS requests may come first).
    let typed = false;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!typed) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) typed = true;
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0]!);
        if (type === "Q" || type === "E") statements++;
        // Query and Parse carry the SQL text (Parse after the statement's name), NUL-terminated.
        if (LOG && tracing && (type === "Q" || type === "P")) {
          const body = pending.subarray(5, 1 + length);
          const text = type === "Q" ? body : body.subarray(body.indexOf(0) + 1);
          fs.appendFileSync(LOG, `${tracing} ${type} ${text.subarray(0, text.indexOf(0)).toString().replace(/\s+/g, " ").slice(0, 200)}\n`);
        }
        pending = pending.subarray(1 + length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    count: () => statements,
    trace: (label) => {
      tracing = label;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
