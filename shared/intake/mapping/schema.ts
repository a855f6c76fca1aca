import * as z from "zod";
import { ApplicantSchema, InterviewSchema, MedicalSchoolSchema, MILESTONE_KEYS } from "#domain/snapshot.ts";
import { PROVIDERS } from "#intake/providers/common.ts";

/**
 * A form mapping: which provider form it serves, what it produces, and where each answer goes.
 * One JSON file per connected form (see shared/intake/forms/). Data, not code: an operator connects a
 * new form by writing one of these and checking it with `npm run forms -- check`.
 */

const APPLICANT_FIELDS = Object.keys(ApplicantSchema.shape).filter((key) => key !== "medicalSchool");
const SCHOOL_FIELDS = Object.keys(MedicalSchoolSchema.shape);
const MILESTONE_FIELDS = ["status", "date", "score", "note"] as const;
const INTERVIEW_FIELDS = Object.keys(InterviewSchema.shape);
const MAX_INTERVIEWS_PER_FORM = 10;

/** Every snapshot path a form answer may fill, e.g. `applicant.email`, `milestones.usmle_step2ck.date`. */
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
    const index = Number(a);
    return (
      parts.length === 3 &&
      /^\d+$/.test(a ?? "") &&
      index < MAX_INTERVIEWS_PER_FORM &&
      INTERVIEW_FIELDS.includes(b ?? "") &&
      c === undefined
    );
  }
  return false;
}

/** Paths that hold a number, a yes/no or a list: their answers are converted unless a transform says otherwise. */
export function targetKind(path: string): "number" | "boolean" | "list" | "text" {
  if (
    path === "applicant.matchYear" ||
    path === "applicant.programsPlanned" ||
    /^milestones\.\w+\.score$/.test(path)
  ) {
    return "number";
  }
  if (path === "applicant.medicalSchool.wdomsSponsorNote") return "boolean";
  if (path === "applicant.specialties") return "list";
  return "text";
}

export const TargetPathSchema = z.string().refine(isTargetPath, {
  error: (issue) =>
    `${String(issue.input)} is not a snapshot path; use applicant.<field>, applicant.medicalSchool.<field>, ` +
    "milestones.<milestone key>.(status|date|score|note) or interviews.<0-9>.<field>",
});

const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const NAMED_TRANSFORMS = [
  "date",
  "yesno",
  "number",
  "list",
  "upper",
  "lower",
  "trim",
  "text",
] as const;

/**
 * How an answer becomes a snapshot value:
 * - `{ "choices": { "<label as the form shows it>": <value> } }` — e.g. "Passed" -> "done"; a label
 *   not listed is a problem that names the allowed labels (matching ignores case and outer spaces);
 * - `"date"` — YYYY-MM-DD, an ISO date-time (its date part) or Jotform's {year, month, day};
 * - `"yesno"` — yes/no, true/false, y/n, 1/0 and booleans;
 * - `"number"`; `"list"` (one answer or several, as a list); `"upper"`, `"lower"`, `"trim"`; `"text"`
 *   (joins a multi-part answer such as Jotform's name {first, last}).
 * Without a transform, number, yes/no and list paths convert by their kind and text paths take text.
 */
export const TransformSchema = z.union([
  z.enum(NAMED_TRANSFORMS),
  z.strictObject({ choices: z.record(z.string(), ScalarSchema) }),
]);
export type Transform = z.infer<typeof TransformSchema>;

export const FieldRuleSchema = z.strictObject({
  to: TargetPathSchema,
  transform: TransformSchema.optional(),
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
    const targets = [
      ...Object.values(mapping.fields).map((rule) => rule.to),
      ...Object.keys(mapping.defaults),
    ];
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
