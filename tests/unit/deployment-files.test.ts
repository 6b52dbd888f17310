// The deployment files, checked without pulling any image: they parse, name exactly the
// variables and build outputs the app has, and fit together (ports, volumes, health checks).
// scripts/test-container.ts builds and starts the image itself with podman.
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

  it("substitutes only variables the app reads, each with a default or a required-message", () => {
    const text = fs.readFileSync("docker-compose.yml", "utf8");
    const uses = [...text.matchAll(/\$\{([A-Z_]+)(:?[-?])?([^}]*)\}/g)];
    expect(uses.length).toBeGreaterThan(3);
    for (const [whole, name, operator] of uses) {
      expect(ENV_VARIABLES, whole).toContain(name);
      expect(operator, `${whole} needs a default (:-) or a message (:?)`).toMatch(/^:[-?]$/);
    }
  });

  it("builds the app from this repository's Dockerfile and publishes the port it listens on", () => {
    const build = compose.services.app.build;
    const context = typeof build === "string" ? build : build.context;
    expect(context).toBe(".");
    expect(typeof build === "string" ? "Dockerfile" : (build.dockerfile ?? "Dockerfile")).toBe("Dockerfile");
    const dockerfile = fs.readFileSync("Dockerfile", "utf8");
    const port = /ENV [^\n]*PORT=(\d+)/.exec(dockerfile)![1];
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, "m"));
    expect(compose.services.app.ports).toEqual([`${port}:${port}`]);
    expect(compose.services.mail.ports).toEqual(["8025:8025"]);
    expect(new URL(compose.services.app.environment.SMTP_URL).port).toBe("1025");
  });

  it("keeps the database in a named volume, and starts the app only once the database is healthy", () => {
    const db = compose.services.db;
    // The data in the named volume; the init script that gives buurt_app its login (decision 011) read-only.
    expect(db.volumes).toEqual(["db-data:/var/lib/postgresql/data", "./deploy/postgres-initdb:/docker-entrypoint-initdb.d:ro"]);
    expect(Object.keys(compose.volumes)).toEqual(["db-data"]);
    expect(db.healthcheck.test.join(" ")).toContain(`pg_isready -U ${db.environment.POSTGRES_USER} -d ${db.environment.POSTGRES_DB}`);
    expect(compose.services.app.depends_on.db.condition).toBe("service_healthy");
    // The app's own health check is in the image (Dockerfile HEALTHCHECK), on the health route.
    expect(fs.readFileSync("Dockerfile", "utf8")).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(fs.existsSync("app/api/health/route.ts")).toBe(true);
  });
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync("Dockerfile", "utf8");
  const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;

  it("builds with the project's build script, which emits server.js, migrate.mjs and create-coordinator.mjs", () => {
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(scripts.build).toContain("next build");
    expect(scripts["build:cli"]).toMatch(/scripts\/migrate\.ts scripts\/create-coordinator\.ts .*--outdir=\.next\/standalone --out-extension:\.js=\.mjs/);
    expect(fs.readFileSync("next.config.js", "utf8")).toMatch(/output: "standalone"/);
  });

  it("takes an extra CA bundle as a build secret only where npm downloads, never in the runtime image", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));
    const mounts = [...dockerfile.matchAll(/--mount=type=secret,id=(\w+)/g)].map((m) => m[1]);
    expect(mounts).toEqual(["extra_ca"]);
    expect(dockerfile).toMatch(/NODE_EXTRA_CA_CERTS=\/run\/secrets\/extra_ca[^\n]*\n\s*npm ci/);
    expect(runtime).not.toMatch(/extra_ca|NODE_EXTRA_CA_CERTS|COPY --from=deps/);
  });

  it("runs as a non-root user and migrates before it serves", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));
    expect(runtime).toMatch(/^USER app$/m);
    expect(runtime).toMatch(/CMD \["sh", "-c", "node migrate\.mjs && exec node server\.js"\]/);
  });
});
