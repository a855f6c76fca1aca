import * as z from "zod";
import { type TargetKind, targetKind } from "#intake/answers/targets.ts";

/** How a mapping converts an answer (`transform`), and which transforms fit which kind of path. */

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const NAMED_TRANSFORMS = [
  "date",
  "time",
  "instant",
  "zone",
  "yesno",
  "number",
  "list",
  "upper",
  "lower",
  "trim",
  "text",
] as const;

/** How to read a date or time written for people: a BCP 47 locale (`en-GB`) or a Luxon format (`dd.MM.yyyy`). */
const ReadingSchema = z
  .strictObject({
    locale: z
      .string()
      .max(35)
      .refine(isLocale, { message: "must be a BCP 47 locale such as en-US or en-GB" })
      .optional(),
    format: z.string().min(1).max(60).optional(),
  })
  .refine((reading) => reading.locale !== undefined || reading.format !== undefined, {
    message: "give a locale or a format",
  });

function isLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/**
 * How an answer becomes a snapshot value:
 * - `{ "choices": { "<label or option id>": <value> } }` — e.g. "Passed" -> "done"; a label not
 *   listed is a problem that names the allowed labels (matching ignores case and outer spaces).
 *   Providers that send option ids (Tally, Typeform) match by the option's text or its id;
 * - `"date"` — YYYY-MM-DD, an ISO date-time (its date part) or Jotform's {year, month, day};
 *   `{ "date": { "locale" | "format" } }` for dates written for people (`11/12/2026`);
 * - `"time"` — `HH:MM`, `8:00 PM`, Jotform's time {hourSelect, minuteSelect, ampm}; `{ "time": … }`;
 * - `"instant"` — a whole start: an ISO date-time with offset, `2026-12-11 20:00`, Jotform's
 *   Appointment or date-with-time; `{ "instant": … }`;
 * - `"zone"` — a tz database zone name (Jotform's "(GMT+05:30)" label is dropped);
 * - `"yesno"` — yes/no, true/false, y/n, 1/0 and booleans;
 * - `"number"`; `"list"` (one answer or several, as a list); `"upper"`, `"lower"`, `"trim"`; `"text"`
 *   (joins a multi-part answer such as Jotform's name {first, last}).
 * Without a transform, each path converts by its kind (targetKind): numbers, yes/no, lists, dates,
 * times, zones and instants; text paths take text.
 */
export const TransformSchema = z.union([
  z.enum(NAMED_TRANSFORMS),
  z.strictObject({ choices: z.record(z.string(), ScalarSchema) }),
  z.strictObject({ date: ReadingSchema }),
  z.strictObject({ time: ReadingSchema }),
  z.strictObject({ instant: ReadingSchema }),
]);
export type Transform = z.infer<typeof TransformSchema>;

/** The transform a rule really applies: its own, else the one its target's kind implies. */
export function effectiveTransform(rule: { to: string; transform?: Transform | undefined }): Transform {
  if (rule.transform !== undefined) return rule.transform;
  const kind = targetKind(rule.to);
  if (kind === "boolean") return "yesno";
  return kind;
}

function transformName(transform: Transform): string {
  return typeof transform === "string" ? transform : (Object.keys(transform)[0] ?? "");
}

/**
 * The transforms a kind of path takes beyond the general text ones; `choices` fits every path (its
 * values are checked with the rest of the submission).
 */
const SPECIFIC: Partial<Record<TargetKind, readonly string[]>> = {
  instant: ["instant"],
  date: ["date", "text", "trim"],
  time: ["time", "text", "trim"],
  zone: ["zone", "text", "trim"],
};
const ONLY_FOR: Record<string, TargetKind> = { instant: "instant", time: "time", zone: "zone" };

/** Why a transform cannot fill a path, and what to write instead; undefined when it can. */
export function transformMismatch(to: string, transform: Transform): string | undefined {
  const name = transformName(transform);
  if (name === "choices") return undefined;
  const kind = targetKind(to);
  const allowed = SPECIFIC[kind];
  const fits = allowed === undefined ? ONLY_FOR[name] === undefined : allowed.includes(name);
  if (fits) return undefined;
  if (kind === "instant" && (name === "date" || name === "time")) {
    return `${to} is a moment, not a ${name}: map the date to ${to}.date and the time to ${to}.time (and say the zone with ${to}.zone), or give a whole date-time with "transform": "instant"`;
  }
  const options = allowed ?? ["text", "number", "yesno", "date", "list", "upper", "lower", "trim"];
  return `the "${name}" transform cannot fill ${to} (a ${kind} path); use ${options
    .map((option) => `"${option}"`)
    .join(", ")} or choices`;
}
