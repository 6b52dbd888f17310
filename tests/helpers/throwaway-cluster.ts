import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL cluster of its own (initdb into a temp dir, its own port) that a test may crash,
 * stop and restart; the shared server on 5432 is never touched. Binaries come from
 * `pg_config --bindir`, so no version is hard-coded. `available()` is false when they are
 * missing; callers skip then, except under CI=true where they must fail.
 */
export class ThrowawayCluster {
  readonly dir: string;
  private readonly bin: string;

  constructor(readonly port: number) {
    this.bin = ThrowawayCluster.bindir() ?? "";
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "buurt-cluster-"));
    // PostgreSQL refuses to run as root: as root, the cluster runs as the system's postgres user.
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres:", this.dir]);
  }

  /** The directory holding initdb and pg_ctl, or null when PostgreSQL's server tools are absent. */
  static bindir(): string | null {
    try {
      const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
      return fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")) ? dir : null;
    } catch {
      return null;
    }
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlFor(database: string, user = "postgres"): string {
    return `postgresql://${user}@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb (trust auth, user postgres) and start; `settings` go to postgresql.conf. */
  init(settings: Record<string, string | number> = {}): void {
    this.run("initdb", ["-D", this.data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    const conf = { listen_addresses: "'127.0.0.1'", port: this.port, unix_socket_directories: `'${this.dir}'`, fsync: "off", ...settings };
    fs.appendFileSync(path.join(this.data, "postgresql.conf"), Object.entries(conf).map(([k, v]) => `${k} = ${v}\n`).join(""));
    this.start();
  }

  /** Starts the server; `wait: false` returns at once (the server may still be recovering). */
  start({ wait = true }: { wait?: boolean } = {}): void {
    this.run("pg_ctl", ["-D", this.data, "-l", path.join(this.dir, "log"), wait ? "-w" : "-W", "start"]);
  }

  /** `immediate` is a crash as far as the database is concerned: recovery replays the log. */
  stop(mode: "immediate" | "fast" | "smart" = "fast"): void {
    this.run("pg_ctl", ["-D", this.data, "-m", mode, "-w", "stop"]);
  }

  /** Stops the server if it runs and removes every file. Never throws. */
  remove(): void {
    spawnSync(...asServerUser(path.join(this.bin, "pg_ctl"), ["-D", this.data, "-m", "immediate", "-w", "stop"]), { stdio: "ignore" });
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return path.join(this.dir, "data");
  }

  private run(tool: string, args: string[]): void {
    const [cmd, all] = asServerUser(path.join(this.bin, tool), args);
    const result = spawnSync(cmd, all, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  }
}

function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}
