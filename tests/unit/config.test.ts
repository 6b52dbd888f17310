import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/config-error";
import { parseConfig } from "@/lib/config/env";
import { databaseTarget, describeTarget, migrationTarget } from "@/lib/db/config";

describe("DATABASE_URL", () => {
  it("unset means the embedded database under .data/", () => {
    const target = databaseTarget({});
    expect(target.kind).toBe("embedded");
    expect(describeTarget(target)).toBe("the embedded database in .data/pglite");
  });

  it("names host and database, never the password", () => {
    const target = databaseTarget({ DATABASE_URL: "postgresql://app:s3cret@db.internal:6543/buurt" });
    expect(target).toMatchObject({ kind: "postgres", host: "db.internal:6543", database: "buurt" });
    expect(describeTarget(target)).toBe('PostgreSQL database "buurt" on db.internal:6543');
  });

  it.each([
    ["not a url", "DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database."],
    ["mysql://db/buurt", "DATABASE_URL must start with postgresql:// (it starts with mysql://)."],
    ["postgresql://db.internal", "DATABASE_URL must name a host and a database, as in postgresql://user:password@host:5432/database."],
  ])("refuses %j with one sentence", (url, message) => {
    expect(() => databaseTarget({ DATABASE_URL: url })).toThrow(new ConfigError(message));
  });
});

describe("MIGRATION_DATABASE_URL", () => {
  it("is where migrations run when set; the app keeps DATABASE_URL", () => {
    const env = { DATABASE_URL: "postgresql://buurt_app:a@db:5432/buurt", MIGRATION_DATABASE_URL: "postgresql://buurt:o@db:5432/buurt" };
    expect(migrationTarget(env)).toMatchObject({ kind: "postgres", url: env.MIGRATION_DATABASE_URL, variable: "MIGRATION_DATABASE_URL" });
    expect(databaseTarget(env)).toMatchObject({ kind: "postgres", url: env.DATABASE_URL });
  });

  it("unset means migrations run where the app runs, as before", () => {
    expect(migrationTarget({ DATABASE_URL: "postgresql://buurt:o@db:5432/buurt" })).toMatchObject({ url: "postgresql://buurt:o@db:5432/buurt" });
    expect(migrationTarget({}).kind).toBe("embedded");
  });

  it("is refused without DATABASE_URL, and when it is not a PostgreSQL URL", () => {
    expect(() => migrationTarget({ MIGRATION_DATABASE_URL: "postgresql://buurt:o@db:5432/buurt" })).toThrow(
      new ConfigError("MIGRATION_DATABASE_URL is set but DATABASE_URL is not; set both (owner and app role) or neither."),
    );
    expect(() => migrationTarget({ DATABASE_URL: "postgresql://a@db/b", MIGRATION_DATABASE_URL: "mysql://db/buurt" })).toThrow(
      new ConfigError("MIGRATION_DATABASE_URL must start with postgresql:// (it starts with mysql://)."),
    );
  });
});

describe("application settings", () => {
  it("have working defaults for the demo", () => {
    const config = parseConfig({ NODE_ENV: "development" });
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.mailFrom).toBe('"Buurtpreventie Dieren-West" <buurtpreventie@dieren-west.nl>');
  });

  it("name the variable that is wrong", () => {
    expect(() => parseConfig({ SMTP_URL: "http://mail" })).toThrow("SMTP_URL must be a URL starting with smtp:// or smtps://.");
    expect(() => parseConfig({ AUTH_SECRET: "short" })).toThrow(/^AUTH_SECRET must be at least 32 characters/);
    expect(() => parseConfig({ MAILBOX_ADDRESS: "nope" })).toThrow("MAILBOX_ADDRESS must be an e-mail address.");
    expect(() => parseConfig({ MEMBER_CHECK_MONTHS: "yearly" })).toThrow("MEMBER_CHECK_MONTHS must be a whole number.");
    expect(() => parseConfig({ MEMBER_CHECK_MONTHS: "-1" })).toThrow("MEMBER_CHECK_MONTHS must be at least 0.");
    expect(parseConfig({ MEMBER_CHECK_MONTHS: "0" }).MEMBER_CHECK_MONTHS).toBe(0);
  });

  it("require AUTH_SECRET in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/^AUTH_SECRET is required in production/);
  });
});
