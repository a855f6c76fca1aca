import * as z from "zod";
import {
  ApplicantSchema,
  InterviewSchema,
  isIanaZone,
  MedicalSchoolSchema,
  MILESTONE_KEYS,
} from "#domain/snapshot.ts";
import { PROVIDERS } from "#intake/providers/list.ts";
import { answerTypeProblem } from "./answer-types.ts";
import { readDate, readInstantParts, readTime } from "./instant.ts";

/**
 * A form mapping: which provider form it serves, what it produces, and where each answer goes.
 * One JSON file per connected form (see shared/intake/forms/). Data, not code: an operator connects a
 * new form by writing one of these and checking it with `npm run forms -- check`.
 */

const APPLICANT_FIELDS = Object.keys(ApplicantSchema.shape).filter((key) => key !== "medicalSchool");
const SCHOOL_FIELDS = Object.keys(MedicalSchoolSchema.shape);
const MILESTONE_FIELDS = ["status", "date", "score", "note"] as const;
/** `status` ("scheduled" or "cancelled") only in a milestone.update: cancelling needs the interview's id. */
const INTERVIEW_FIELDS = [...Object.keys(InterviewSchema.shape), "status"];
/** A start built from separate answers: `interviews.N.startsAt.date`, `.time` and `.zone`. */
export const START_PARTS = ["date", "time", "zone"] as const;
const MAX_INTERVIEWS_PER_FORM = 10;

/**
 * Every snapshot path a form answer may fill, e.g. `applicant.email`, `milestones.usmle_step2ck.date`,
 * `interviews.0.startsAt`, `interviews.0.startsAt.time`.
 */
export function isTargetPath(path: string): boolean {
  const parts = path.split(".");
  const [root, a, b, c] = parts;
  if (root === "applicant") {
    if (parts.length === 2 && a !== undefined) return APPLICANT_FIELDS.includes(a);
    return parts.length === 3 && a === "medicalSchool" && b !== undefined && SCHOOL_FIELDS.includes(b);
  }
  if (root === "milestones") {
    return (
      parts.length === 3 &&
      (MILESTONE_KEYS as readonly string[]).includes(a ?? "") &&
      (MILESTONE_FIELDS as readonly string[]).includes(b ?? "")
    );
  }
  if (root === "interviews") {
    if (!/^\d+$/.test(a ?? "") || Number(a) >= MAX_INTERVIEWS_PER_FORM) return false;
    if (parts.length === 3) return INTERVIEW_FIELDS.includes(b ?? "");
    return parts.length === 4 && b === "startsAt" && (START_PARTS as readonly string[]).includes(c ?? "");
  }
  return false;
}

export type TargetKind = "number" | "boolean" | "list" | "text" | "instant" | "date" | "time" | "zone";

/** What a path holds: answers are converted by it unless a transform says otherwise. */
export function targetKind(path: string): TargetKind {
  if (
    path === "applicant.matchYear" ||
    path === "applicant.programsPlanned" ||
    /^milestones\.\w+\.score$/.test(path)
  ) {
    return "number";
  }
  if (path === "applicant.medicalSchool.wdomsSponsorNote") return "boolean";
  if (path === "applicant.specialties") return "list";
  if (/^interviews\.\d+\.startsAt$/.test(path)) return "instant";
  if (/^interviews\.\d+\.startsAt\.date$/.test(path) || /^milestones\.\w+\.date$/.test(path)) return "date";
  if (path === "applicant.graduation") return "date";
  if (/^interviews\.\d+\.startsAt\.time$/.test(path) || path === "applicant.reminderTime") return "time";
  if (/^interviews\.\d+\.(startsAt\.zone|timezone)$/.test(path) || path === "applicant.timezone")
    return "zone";
  return "text";
}

export const TargetPathSchema = z.string().refine(isTargetPath, {
  error: (issue) =>
    `${String(issue.input)} is not a snapshot path; use applicant.<field>, applicant.medicalSchool.<field>, ` +
    "milestones.<milestone key>.(status|date|score|note), interviews.<0-9>.<field> or " +
    "interviews.<0-9>.startsAt.(date|time|zone)",
});

const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

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

export const FieldRuleSchema = z.strictObject({
  to: TargetPathSchema,
  transform: TransformSchema.optional(),
  /**
   * The provider's answer type (Tally `INPUT_TIME`, Typeform `date`, Jotform `control_appointment`,
   * Google Forms `DATETIME`): checked at load against what it can fill (answer-types.ts). Tally and
   * Typeform also send it with each answer, and it is checked then too.
   */
  type: z.string().min(1).max(60).optional(),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

export const MAPPING_KINDS = ["applicant.snapshot", "milestone.update"] as const;

export const FormMappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().max(2000).optional(),
    provider: z.enum(PROVIDERS),
    formId: z.string().trim().min(1).max(200),
    kind: z.enum(MAPPING_KINDS),
    /** Provider field (Typeform ref or id, Tally key or label, Jotform q-name, Google Forms title) -> rule. */
    fields: z.record(z.string().min(1), FieldRuleSchema).refine((fields) => Object.keys(fields).length > 0, {
      message: "must map at least one field",
    }),
    /** Values for snapshot paths the form does not ask (e.g. the match year a form is for). */
    defaults: z.record(TargetPathSchema, z.union([ScalarSchema, z.array(z.string())])).default({}),
    /** Provider fields that must be answered; each missing one is reported. */
    required: z.array(z.string().min(1)).default([]),
  })
  .superRefine((mapping, ctx) => {
    for (const [index, key] of mapping.required.entries()) {
      if (!(key in mapping.fields)) {
        ctx.addIssue({
          code: "custom",
          path: ["required", index],
          message: `${key} is required but not listed in fields`,
        });
      }
    }
    for (const [key, rule] of Object.entries(mapping.fields)) {
      const mismatch = rule.transform === undefined ? undefined : transformMismatch(rule.to, rule.transform);
      if (mismatch !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["fields", key, "transform"],
          message: `field "${key}": ${mismatch}`,
        });
      }
      const misfit =
        rule.type === undefined ? undefined : answerTypeProblem(mapping.provider, key, rule.type, rule);
      if (misfit !== undefined)
        ctx.addIssue({ code: "custom", path: ["fields", key, "type"], message: misfit });
    }
    const targets = [
      ...Object.values(mapping.fields).map((rule) => rule.to),
      ...Object.keys(mapping.defaults),
    ];
    for (const problem of interviewProblems(mapping.kind, new Set(targets), mapping.defaults)) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    if (mapping.kind === "milestone.update") {
      const lookup = new Set(["applicant.externalId", "applicant.email"]);
      if (!targets.some((target) => lookup.has(target))) {
        ctx.addIssue({
          code: "custom",
          path: ["fields"],
          message:
            "a milestone.update form must map applicant.externalId or applicant.email to find the applicant",
        });
      }
      for (const target of targets) {
        if (target.startsWith("applicant.") && !lookup.has(target)) {
          ctx.addIssue({
            code: "custom",
            path: ["fields"],
            message: `${target}: a milestone.update only finds the applicant (externalId or email); it cannot change the profile`,
          });
        }
      }
      if (!targets.some((target) => target.startsWith("milestones.") || target.startsWith("interviews."))) {
        ctx.addIssue({
          code: "custom",
          path: ["fields"],
          message:
            "a milestone.update form must map a milestone (milestones.<key>.status) or an interview (interviews.0.…)",
        });
      }
    }
  });
export type FormMapping = z.output<typeof FormMappingSchema>;

/** The zone words a mapping may default `interviews.N.startsAt.zone` to, besides a zone name. */
export const ZONE_WORDS = ["applicant", "interview"] as const;

/**
 * Load-time checks of the interviews a mapping builds: a start from parts needs its date, its time and
 * a zone; a cancellation needs the interview's id and a milestone.update; zone words must make sense.
 */
function interviewProblems(
  kind: (typeof MAPPING_KINDS)[number],
  targets: ReadonlySet<string>,
  defaults: Readonly<Record<string, unknown>>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const indexes = new Set<string>();
  for (const target of targets) {
    const match = /^interviews\.(\d+)\./.exec(target);
    if (match?.[1] !== undefined) indexes.add(match[1]);
  }
  for (const index of indexes) {
    const at = `interviews.${index}`;
    const has = (suffix: string) => targets.has(`${at}.${suffix}`);
    if (has("status") && kind === "applicant.snapshot") {
      problems.push({
        path: ["fields"],
        message: `${at}.status: a snapshot lists the interviews the applicant has; to cancel one, use a milestone.update form that maps ${at}.id and ${at}.status`,
      });
    }
    if (has("status") && !has("id")) {
      problems.push({
        path: ["fields"],
        message: `${at}.status: cancelling or moving an interview needs its id; map ${at}.id (e.g. a hidden field with the booking id)`,
      });
    }
    const whole = has("startsAt");
    for (const [part, other] of [
      ["date", "time"],
      ["time", "date"],
    ] as const) {
      if (has(`startsAt.${part}`) && !has(`startsAt.${other}`) && !whole) {
        problems.push({
          path: ["fields"],
          message: `${at}.startsAt.${part} is mapped but ${at}.startsAt.${other} is not: an interview starts at a date and a time`,
        });
      }
    }
    if ((has("startsAt.date") || has("startsAt.time")) && !whole && !has("startsAt.zone")) {
      problems.push({
        path: ["fields"],
        message: `${at}.startsAt: say which zone the date and time are in: map the form's zone question to ${at}.startsAt.zone, or set the default "${at}.startsAt.zone" to "applicant", "interview" or a zone name such as America/Chicago`,
      });
    }
    // Defaults are used as written (no transform reads them), so a start's part must already be in
    // the one shape the mapper joins: refused here, not at the first submission.
    for (const [suffix, reader, shape] of [
      ["startsAt.date", readDate, "a date written YYYY-MM-DD, e.g. 2026-12-11"],
      ["startsAt.time", readTime, "a 24-hour time written HH:MM, e.g. 14:30"],
    ] as const) {
      const value = defaults[`${at}.${suffix}`];
      if (value === undefined) continue;
      const read = typeof value === "string" ? reader(value) : undefined;
      if (read?.ok !== true || read.value !== value) {
        problems.push({
          path: ["defaults", `${at}.${suffix}`],
          message: `must be ${shape}${read !== undefined && !read.ok ? ` (${read.message})` : ""}`,
        });
      }
    }
    const wholeDefault = defaults[`${at}.startsAt`];
    if (wholeDefault !== undefined) {
      const read = typeof wholeDefault === "string" ? readInstantParts(wholeDefault) : undefined;
      if (read?.ok !== true || read.value.instant === undefined) {
        problems.push({
          path: ["defaults", `${at}.startsAt`],
          message: `must be an ISO 8601 date-time with an offset, e.g. 2026-12-11T14:30:00-06:00; for a local date and time use the defaults ${at}.startsAt.date, .time and .zone`,
        });
      }
    }
    const zone = defaults[`${at}.startsAt.zone`];
    if (zone !== undefined) {
      if (zone === "applicant" && kind === "milestone.update") {
        problems.push({
          path: ["defaults", `${at}.startsAt.zone`],
          message: `"applicant" needs the applicant's zone, which a milestone.update does not carry; use "interview" (the program's zone, ${at}.timezone), a zone name, or the form's zone question`,
        });
      } else if (zone === "interview" && !has("timezone")) {
        problems.push({
          path: ["defaults", `${at}.startsAt.zone`],
          message: `"interview" reads the zone from ${at}.timezone, which nothing fills; map it or set its default`,
        });
      } else if (
        typeof zone !== "string" ||
        (!(ZONE_WORDS as readonly string[]).includes(zone) && !isIanaZone(zone))
      ) {
        problems.push({
          path: ["defaults", `${at}.startsAt.zone`],
          message: `must be "applicant", "interview" or a time zone name such as America/Chicago`,
        });
      }
    }
  }
  return problems;
}
