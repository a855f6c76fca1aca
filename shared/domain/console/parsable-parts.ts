import type { FieldProblem } from "../field-problems.ts";
import { ApplicantSchema, type MilestoneEntry, MilestoneEntrySchema } from "../snapshot.ts";
import type { RefusalInput } from "./submission-refusals.ts";

/**
 * The parts of a submission its schema refused that parse on their own, for the refusal rules
 * (submission-refusals.ts): a 400 that named a bad email and nine other fields but not Step 1
 * "waived" brought a second 400 once those were fixed. With these the first answer names both: each
 * milestone entry that parses, and a snapshot's zone, graduation and Match year where each parses.
 * `indices`: each kept entry's index in the body, so a rule's `milestones.<n>` path names the body's
 * entry (everyProblem). null when the body names no submission type. Pure.
 */
export function parsableParts(body: unknown): { input: RefusalInput; indices: number[] } | null {
  if (typeof body !== "object" || body === null) return null;
  const { type, milestones, applicant } = body as Record<string, unknown>;
  if (type !== "applicant.snapshot" && type !== "milestone.update") return null;
  const kept: MilestoneEntry[] = [];
  const indices: number[] = [];
  (Array.isArray(milestones) ? milestones : []).forEach((entry: unknown, index) => {
    const parsed = MilestoneEntrySchema.safeParse(entry);
    if (!parsed.success) return;
    kept.push(parsed.data);
    indices.push(index);
  });
  if (type === "milestone.update") return { input: { type, milestones: kept }, indices };
  const fields =
    typeof applicant === "object" && applicant !== null ? (applicant as Record<string, unknown>) : {};
  const { shape } = ApplicantSchema;
  const timezone = shape.timezone.safeParse(fields.timezone);
  const graduation = shape.graduation.safeParse(fields.graduation);
  const matchYear = shape.matchYear.safeParse(fields.matchYear);
  return {
    input: {
      type,
      milestones: kept,
      applicant: {
        ...(timezone.success ? { timezone: timezone.data } : {}),
        ...(graduation.success ? { graduation: graduation.data } : {}),
        ...(matchYear.success ? { matchYear: matchYear.data } : {}),
      },
    },
    indices,
  };
}

/**
 * A rule's problems on parsableParts' input, named as the body names them: `milestones.<k>…` of the
 * kept entries becomes `milestones.<indices[k]>…`; less any the schema already named (same path and
 * words). Pure.
 */
function rulePaths(
  problems: readonly FieldProblem[],
  indices: readonly number[],
  named: readonly FieldProblem[],
): FieldProblem[] {
  const said = new Set(named.map((problem) => `${problem.path}\n${problem.message}`));
  return problems
    .map((problem) => ({
      path: problem.path.replace(
        /^milestones\.(\d+)(?=\.|$)/,
        (_, kept: string) => `milestones.${indices[Number(kept)]}`,
      ),
      message: problem.message,
    }))
    .filter((problem) => !said.has(`${problem.path}\n${problem.message}`));
}

/**
 * The schema's problems (`named`), then the refusal rules' (`refuse`) on `parts` (parsableParts of
 * the body), named as the body names them: the one list the intake's 400 and `npm run plan` give.
 */
export function everyProblem(
  parts: ReturnType<typeof parsableParts>,
  named: readonly FieldProblem[],
  refuse: (input: RefusalInput) => readonly FieldProblem[],
): FieldProblem[] {
  if (parts === null) return [...named];
  return [...named, ...rulePaths(refuse(parts.input), parts.indices, named)];
}
