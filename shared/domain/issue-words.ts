import type * as z from "zod/v4/core";
import { config } from "zod/v4/core";

/**
 * Matchpath's words for every zod issue a schema does not word itself, registered for every parse
 * (zod-mini.ts): a problem's `message` is read by a person (an integrator, an advisor, an applicant
 * behind a form), beside the field's path, so it says what would be accepted ("must be a whole
 * number", "must be one of: J-1, H-1B, none or undecided") and never repeats zod's English
 * ("Invalid input: expected number, received string") or the value sent. A schema's own message
 * still wins. Pure.
 *
 * Registered on loading this module as zod's process-wide `customError`, which outranks any locale
 * (classic zod registers English on its first schema): `zod-mini.ts`, which every domain schema is
 * built with, and `field-problems.ts`, which every error report reads (errors.ts, so the functions'
 * configuration too), load it, so no parse in any function words an issue in zod's English.
 */
export function issueWords(issue: z.$ZodRawIssue): string {
  const words = wordsFor(issue);
  // A field left out fails its type or its enum: say it is missing, then what it takes.
  const missing =
    issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value");
  return missing ? `is missing: it ${words}` : words;
}

function wordsFor(issue: z.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      // "2027" for 2027, "true" for true: a form tool's habit; say so rather than only "a number".
      return typeof issue.input === "string" && (issue.expected === "number" || issue.expected === "boolean")
        ? `${mustBe(issue.expected)}, written without quotes`
        : mustBe(issue.expected);
    case "invalid_value":
      return issue.values.length <= 2
        ? `must be ${listed(issue.values.map(quoted))}`
        : `must be one of: ${listed(issue.values.map(quoted))}`;
    case "too_small":
      return bound(issue.origin, "at least", issue.minimum, issue.inclusive !== false, issue.exact === true);
    case "too_big":
      return bound(issue.origin, "at most", issue.maximum, issue.inclusive !== false, issue.exact === true);
    case "invalid_format":
      return (
        FORMATS[issue.format] ?? "is not in the form this field takes (see the JSON Schema in shared/schema/)"
      );
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `may not hold ${issue.keys.length === 1 ? "the field" : "the fields"} ${listed(
        issue.keys.map((key) => `"${key}"`),
        "and",
      )}`;
    case "invalid_union":
      return issue.discriminator !== undefined
        ? discriminatorWords(issue.discriminator, issue.inclusive === false ? [] : (issue.options ?? []))
        : "matches none of the forms this field takes";
    case "invalid_key":
      return "has a key this field does not take";
    case "invalid_element":
      return "holds a value this field does not take";
    default:
      return "is not a value this field takes";
  }
}

/** What a value of each expected type is, as a person would ask for it. */
const KINDS: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object of named fields",
  null: "null",
  date: "a date",
  nan: "a number",
};

function mustBe(expected: string): string {
  const kind = KINDS[expected];
  return kind === undefined ? "must be a value this field takes" : `must be ${kind}`;
}

const FORMATS: Readonly<Record<string, string>> = {
  email: "must be an email address",
  date: "must be a calendar date YYYY-MM-DD",
  datetime: "must be an ISO 8601 date-time with a UTC offset, e.g. 2026-11-02T14:00:00-05:00",
  time: "must be a time of day HH:MM",
  url: "must be a URL",
  uuid: "must be a UUID",
};

/** A size or value bound: text counts characters, a list its items, a number its value. */
function bound(
  origin: string,
  side: "at least" | "at most",
  limit: number | bigint,
  inclusive: boolean,
  exact: boolean,
): string {
  if (origin === "string") {
    if (side === "at least" && Number(limit) === 1 && !exact) return "must not be empty";
    return `must be ${exact ? "exactly" : side} ${limit} character${Number(limit) === 1 ? "" : "s"} long`;
  }
  if (origin === "array" || origin === "set") {
    if (side === "at least" && Number(limit) === 1 && !exact) return "must list at least one item";
    return `must list ${exact ? "exactly" : side} ${limit} item${Number(limit) === 1 ? "" : "s"}`;
  }
  if (!inclusive) return `must be ${side === "at least" ? "more" : "less"} than ${limit}`;
  return `must be ${exact ? "exactly" : side} ${limit}`;
}

/** A tagged union's tag: its values, and "or left out" when a member may leave it out. */
function discriminatorWords(tag: string, options: readonly unknown[]): string {
  const named = options.filter((option) => option !== undefined).map(quoted);
  const optional = named.length < options.length ? ` (or "${tag}" left out)` : "";
  return `must have a "${tag}" of ${listed(named)}${optional}`;
}

function quoted(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** "a", "a or b", "a, b or c". */
function listed(items: readonly string[], last: "or" | "and" = "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

config({ customError: issueWords });
