import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/config-error";
import { parseConfig } from "@/lib/config/env";
import { databaseTarget, describeTarget } from "@/lib/db/config";

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
  });

  it("require AUTH_SECRET in production", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/^AUTH_SECRET is required in production/);
  });
});
