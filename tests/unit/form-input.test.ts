import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formInput } from "@/lib/http/form-input";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};

describe("formInput", () => {
  it("gives each field its value, a field sent twice as a list, and always a list for `lists`", () => {
    const input = formInput(form([["name", "Anna"], ["ids", "1"], ["tag", "a"], ["tag", "b"], ["$ACTION_ID_x", ""]]), ["ids", "empty"]);
    expect({ ...input }).toEqual({ name: "Anna", ids: ["1"], tag: ["a", "b"], empty: [] });
  });

  it("treats a field named after an object member as a field, never as the object's prototype", () => {
    const input = formInput(form([["__proto__", "p1"], ["__proto__", "p2"], ["constructor", "c"], ["name", "Anna"]]));
    expect(Object.getPrototypeOf(input)).toBeNull();
    expect(Object.keys(input).sort()).toEqual(["__proto__", "constructor", "name"]);
    expect(input["__proto__"]).toEqual(["p1", "p2"]);
    // A strict schema refuses the unknown fields; a plain one keeps only its own.
    expect(z.object({ name: z.string() }).strict().safeParse(input).success).toBe(false);
    expect(z.object({ name: z.string() }).parse(input)).toEqual({ name: "Anna" });
  });
});
