import * as z from "zod";
import { isIanaZone } from "#domain/snapshot.ts";
import { readDate, readInstantParts, readTime } from "#intake/answers/instant.ts";
import { TargetPathSchema } from "#intake/answers/targets.ts";
import { PROVIDERS } from "#intake/providers/list.ts";
import { answerTypeProblem } from "./answer-types.ts";
import { ScalarSchema, TransformSchema, transformMismatch } from "./transforms.ts";

/**
 * A form mapping: which provider form it serves, what it produces, and where each answer goes.
 * One JSON file per connected form (in its provider's shared/intake/providers/<name>/forms/). Data, not code: an operator connects a
 * new form by writing one of these and checking it with `npm run forms -- check`.
 */

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
