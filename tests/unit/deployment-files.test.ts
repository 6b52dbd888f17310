// No Docker engine runs here, so the deployment files are checked for what can be checked:
// they parse, and they name exactly the variables and build outputs the app has.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARIABLES } from "@/lib/config/env";

describe(".env.example", () => {
  it("lists every variable the app reads, and no other", () => {
    const names = fs
      .readFileSync(".env.example", "utf8")
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.slice(0, line.indexOf("=")));
    expect([...names].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});

describe("docker-compose.yml", () => {
  const compose = parse(fs.readFileSync("docker-compose.yml", "utf8"));

  it("runs PostgreSQL, a mail catcher and the app", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db", "mail"]);
  });

  it("gives the app only variables it reads, pointing at the other services", () => {
    const env: Record<string, string> = compose.services.app.environment;
    for (const name of Object.keys(env)) expect(ENV_VARIABLES).toContain(name);
    const db = compose.services.db.environment;
    // Migrations as the owner; the app as buurt_app, whose login the volume's init script makes.
    expect(env.MIGRATION_DATABASE_URL).toBe(`postgresql://${db.POSTGRES_USER}:${db.POSTGRES_PASSWORD}@db:5432/${db.POSTGRES_DB}`);
    expect(env.DATABASE_URL).toBe(`postgresql://buurt_app:buurt_app@db:5432/${db.POSTGRES_DB}`);
    const init = fs.readFileSync("deploy/postgres-initdb/10-app-role.sql", "utf8");
    expect(init).toMatch(/CREATE ROLE buurt_app LOGIN NOINHERIT PASSWORD 'buurt_app';/);
    expect(compose.services.db.volumes).toContain("./deploy/postgres-initdb:/docker-entrypoint-initdb.d:ro");
    expect(new URL(env.SMTP_URL!).hostname).toBe("mail");
    expect(env.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
  });
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync("Dockerfile", "utf8");
  const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;

  it("builds with the project's build script, which emits server.js and migrate.mjs", () => {
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(scripts.build).toContain("next build");
    expect(scripts["build:cli"]).toContain("--outfile=.next/standalone/migrate.mjs");
    expect(fs.readFileSync("next.config.js", "utf8")).toMatch(/output: "standalone"/);
  });

  it("runs as a non-root user and migrates before it serves", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));
    expect(runtime).toMatch(/^USER app$/m);
    expect(runtime).toMatch(/CMD \["sh", "-c", "node migrate\.mjs && exec node server\.js"\]/);
  });
});
