import type * as z from "zod/v4/core";
import type { FieldProblem } from "#domain/field-problems.ts";
import { providerNamed } from "#intake/providers/list.ts";
import type { FormMapping } from "./schema.ts";

/** A problem with one answer: `path` is the snapshot path, `field` the provider's field it came from. */
export interface MappingProblem extends FieldProblem {
  field?: string;
}

/**
 * Problems found after mapping (the intake's refusals: a step done in the future; the store's: an
 * interview to cancel that the applicant does not have) named as the form's own fields, like the
 * mapper's problems: `interviews.0.id` becomes
 * `{ path: "interviews.0.id", field: "Interview reference", message: 'Tally field "Interview reference": …' }`.
 * A submission's interview N is the mapping's N-th interview index in order (assemble keeps that order);
 * its milestone N is `milestoneKeys[N]` (the submission's milestones' keys), and its path names the
 * step as the mapping and the mapper's problems do: `milestones.0.date` becomes `milestones.usmle_step2ck.date`.
 */
export function nameFormFields(
  mapping: FormMapping,
  problems: readonly MappingProblem[],
  milestoneKeys: readonly string[] = [],
): MappingProblem[] {
  const title = providerNamed(mapping.provider).title;
  const interviewIndexes = [
    ...new Set(
      Object.values(mapping.fields).flatMap((rule) => {
        const match = /^interviews\.(\d+)\./.exec(rule.to);
        return match?.[1] === undefined ? [] : [Number(match[1])];
      }),
    ),
  ].sort((x, y) => x - y);
  const fedBy = new Map<string, string>();
  for (const [key, rule] of Object.entries(mapping.fields)) if (!fedBy.has(rule.to)) fedBy.set(rule.to, key);
  return problems.map((problem) => {
    if (problem.field !== undefined) return problem;
    const path = problem.path.replace(/^milestones\.(\d+)(?=\.|$)/, (whole, index: string) => {
      const key = milestoneKeys[Number(index)];
      return key === undefined ? whole : `milestones.${key}`;
    });
    const mappingPath = path.replace(
      /^interviews\.(\d+)(?=\.|$)/,
      (_whole, index: string) => `interviews.${interviewIndexes[Number(index)] ?? index}`,
    );
    const field = fieldFor(mappingPath, fedBy);
    return field === undefined
      ? problem
      : { ...problem, path, field, message: `${title} field "${field}": ${problem.message}` };
  });
}

/**
 * The snapshot schema's issues as problems naming the form field that fed each path (or the one
 * mapped there and left unanswered), leaving out issues that only repeat a problem already reported.
 */
export function schemaProblems(
  error: z.$ZodError,
  pathOf: (issuePath: readonly PropertyKey[]) => string,
  known: {
    fedBy: ReadonlyMap<string, string>;
    mappedFrom: ReadonlyMap<string, string>;
    values: ReadonlyMap<string, unknown>;
  },
  already: readonly MappingProblem[],
  title: string,
): MappingProblem[] {
  const reported = already.map((problem) => problem.path);
  const seen = new Set<string>();
  const out: MappingProblem[] = [];
  for (const issue of error.issues) {
    const path = pathOf(issue.path);
    if (seen.has(path) || isFollowOn(path, issue, reported)) continue;
    seen.add(path);
    const field = fieldFor(path, known.fedBy);
    if (field !== undefined) {
      out.push({ path, field, message: `${title} field "${field}": ${issue.message}` });
      continue;
    }
    const missing = !hasValueAt(known.values, path);
    const unanswered = missing ? mappedFieldFor(path, known.mappedFrom) : undefined;
    out.push(
      unanswered !== undefined
        ? {
            path,
            field: unanswered,
            message: `${title} field "${unanswered}" was not answered, and ${path} needs a value (${issue.message})`,
          }
        : {
            path,
            message: `${issue.message}${missing ? " (no form field maps here and no default is set)" : ""}`,
          },
    );
  }
  return out;
}

/**
 * A schema issue that only repeats a problem already reported: the path (or a part or parent of it)
 * was refused; an interview's timezone, taken from its start, when the start was refused; and an
 * update "with nothing to change" when what it would have changed was refused.
 */
function isFollowOn(path: string, issue: z.$ZodIssue, reported: readonly string[]): boolean {
  const related = (other: string) =>
    other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`);
  if (reported.some(related)) return true;
  const timezone = /^(interviews\.\d+)\.timezone$/.exec(path);
  if (timezone?.[1] !== undefined) {
    const start = `${timezone[1]}.startsAt`;
    if (reported.some((other) => other === start || other.startsWith(`${start}.`))) return true;
  }
  return issue.code === "custom" && path === "milestones" && reported.length > 0;
}

function hasValueAt(values: ReadonlyMap<string, unknown>, path: string): boolean {
  for (const key of values.keys()) {
    if (key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`)) return true;
  }
  return false;
}

/** The form field a mapping points at a path or one of its parts (e.g. startsAt.date), if any. */
function mappedFieldFor(path: string, mappedFrom: ReadonlyMap<string, string>): string | undefined {
  const exact = mappedFrom.get(path);
  if (exact !== undefined) return exact;
  for (const [to, key] of mappedFrom) if (to.startsWith(`${path}.`)) return key;
  return undefined;
}

/** The field that fed a path, or the path's parent (e.g. a list item of applicant.specialties). */
function fieldFor(path: string, fedBy: ReadonlyMap<string, string>): string | undefined {
  let candidate = path;
  for (;;) {
    const field = fedBy.get(candidate);
    if (field !== undefined) return field;
    const dot = candidate.lastIndexOf(".");
    if (dot < 0) return undefined;
    candidate = candidate.slice(0, dot);
  }
}
