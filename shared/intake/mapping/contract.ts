import { ApplicantSchema, MedicalSchoolSchema } from "#domain/snapshot.ts";
import type { FormMapping } from "./schema.ts";

/**
 * Whether a mapping can deliver what the snapshot contract needs. A snapshot-required path that a form
 * may leave blank, with no default, refuses the whole submission (4xx, which senders do not retry), so
 * the applicant is never signed up and hears nothing: such a mapping is a mistake to fix before a
 * form goes live, reported by `npm run forms -- check` and refused for every shipped example by a test.
 */

const isOptional = (schema: unknown): boolean =>
  (schema as { _zod?: { optin?: string } })._zod?.optin === "optional";

/** Every applicant path a snapshot must carry, derived from the contract (its optional fields left out). */
export const SNAPSHOT_REQUIRED_TARGETS: readonly string[] = [
  ...Object.entries(ApplicantSchema.shape)
    .filter(([key, schema]) => key !== "medicalSchool" && !isOptional(schema))
    .map(([key]) => `applicant.${key}`),
  ...Object.entries(MedicalSchoolSchema.shape)
    .filter(([, schema]) => !isOptional(schema))
    .map(([key]) => `applicant.medicalSchool.${key}`),
];

/**
 * What a blank answer means for a path where the contract has a word for "not known": a WDOMS question
 * left blank is "I have not checked" (null), which the plan handles (it asks for the WDOMS check first).
 */
export const BLANK_MEANS: ReadonlyMap<string, { value: null; reads: string }> = new Map([
  [
    "applicant.medicalSchool.wdomsSponsorNote",
    { value: null, reads: "null (not checked yet): the plan asks for the WDOMS check first" },
  ],
]);

export interface ContractGap {
  path: string;
  message: string;
}

/**
 * The snapshot-required paths a mapping cannot be sure to fill: none of its fields and no default fill
 * the path, or the fields that do may be left blank (none is in `required`) and a blank has no meaning.
 * Empty for a milestone.update (its lookup is checked by the mapping schema) and for a sound snapshot form.
 */
export function contractGaps(mapping: FormMapping): ContractGap[] {
  if (mapping.kind !== "applicant.snapshot") return [];
  const gaps: ContractGap[] = [];
  for (const target of SNAPSHOT_REQUIRED_TARGETS) {
    if (target in mapping.defaults) continue;
    const feeding = Object.entries(mapping.fields)
      .filter(([, rule]) => rule.to === target)
      .map(([key]) => key);
    if (feeding.length === 0) {
      gaps.push({
        path: target,
        message: `the snapshot needs ${target}, but no field fills it and "defaults" has no value for it: every submission would be refused`,
      });
      continue;
    }
    if (BLANK_MEANS.has(target)) continue;
    if (!feeding.some((key) => mapping.required.includes(key))) {
      const named = feeding.map((key) => JSON.stringify(key)).join(" or ");
      gaps.push({
        path: target,
        message: `the snapshot needs ${target}, but ${named} is not in "required" and "defaults" has no value for it: a blank answer refuses the whole submission (4xx, never retried). Add it to "required" (and mark the question required in the form) or give a default`,
      });
    }
  }
  return gaps;
}
