import { MILESTONE_KEYS, type Submission, SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { AnswerValue, ParsedForm } from "#intake/providers/common.ts";
import { providerNamed } from "#intake/providers/list.ts";
import type { FormProvider } from "#intake/providers/provider.ts";
import { answerTypeProblem, isKnownAnswerType } from "./answer-types.ts";
import { BLANK_MEANS } from "./contract.ts";
import { convert, isUnanswered } from "./convert.ts";
import { composeStarts } from "./interview-starts.ts";
import { type MappingProblem, schemaProblems } from "./problems.ts";
import type { FormMapping } from "./schema.ts";

// The mapper's parts, one concern each: convert.ts (one answer by its rule), interview-starts.ts
// (date, time and zone into one instant), problems.ts (naming the form field behind each problem).

/**
 * Turns a provider's answers into a Submission by a form mapping, and validates it with SubmissionSchema.
 * Every problem is collected — unanswered required fields, labels with no choice, dates that do not
 * parse, values the snapshot schema rejects — and thrown together as one InvalidInputError whose
 * problems each name the snapshot path and, where one fed it, the provider field. Either the whole
 * submission is returned, valid, or nothing is.
 */
export function mapSubmission(mapping: FormMapping, form: ParsedForm): Submission {
  return mapSubmissionWithNotes(mapping, form).submission;
}

/** A choice the mapper made that a person checking a mapping should see (e.g. the earlier of two instants). */
export interface MappingNote {
  path: string;
  message: string;
}

/** mapSubmission, plus the notes on choices it made by a documented rule (`npm run forms -- check` prints them). */
export function mapSubmissionWithNotes(
  mapping: FormMapping,
  form: ParsedForm,
): { submission: Submission; notes: MappingNote[] } {
  const notes: MappingNote[] = [];
  const provider: FormProvider = providerNamed(form.provider);
  const title = provider.title;
  const problems: MappingProblem[] = [];
  const values = new Map<string, unknown>(Object.entries(mapping.defaults));
  const fedBy = new Map<string, string>();

  const answerOf = (key: string): AnswerValue | undefined => {
    const answer = form.answers.get(key);
    return answer === undefined || isUnanswered(answer) ? undefined : answer;
  };
  for (const key of mapping.required) {
    const rule = mapping.fields[key];
    if (rule !== undefined && answerOf(key) === undefined) {
      problems.push({
        path: rule.to,
        field: key,
        message: `${title} field "${key}" is required but was not answered`,
      });
    }
  }
  for (const [key, rule] of Object.entries(mapping.fields)) {
    const answer = answerOf(key);
    // Several fields may feed one path (e.g. an email asked on two pages): the first answered wins.
    if (answer === undefined || fedBy.has(rule.to)) continue;
    const sentType = form.types?.get(key);
    const misfit =
      sentType !== undefined && isKnownAnswerType(form.provider, sentType)
        ? answerTypeProblem(form.provider, key, sentType, rule)
        : undefined;
    if (misfit !== undefined) {
      problems.push({ path: rule.to, field: key, message: misfit });
      continue;
    }
    const converted = convert(answer, rule, form.choiceIds?.get(key), provider.recordAnswers);
    if (converted.ok) {
      values.set(rule.to, converted.value);
      fedBy.set(rule.to, key);
    } else {
      problems.push({ path: rule.to, field: key, message: `${title} field "${key}": ${converted.message}` });
    }
  }

  const mappedFrom = new Map<string, string>();
  for (const [key, rule] of Object.entries(mapping.fields)) {
    if (!mappedFrom.has(rule.to)) mappedFrom.set(rule.to, key);
  }
  // A blank answer where the contract has a word for "not known" is that word, not a refusal (a 4xx
  // would leave the applicant unsigned and unaware); a required question left blank is still reported.
  if (mapping.kind === "applicant.snapshot") {
    for (const [target, blank] of BLANK_MEANS) {
      const field = mappedFrom.get(target);
      if (field === undefined || values.has(target) || problems.some((problem) => problem.path === target))
        continue;
      values.set(target, blank.value);
      notes.push({
        path: target,
        message: `${title} field "${field}" was not answered: read as ${blank.reads}`,
      });
    }
  }
  composeStarts(values, fedBy, mappedFrom, problems, title, notes);
  const { candidate, pathOf } = assemble(mapping, form, values);
  const parsed = SubmissionSchema.safeParse(candidate);
  if (parsed.success && problems.length === 0) return { submission: parsed.data, notes };
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, pathOf, { fedBy, mappedFrom, values }, problems, title));
  }
  throw new InvalidInputError(
    `the ${title} answers do not map onto the snapshot (${mapping.kind} mapping for form ${mapping.formId})`,
    problems,
  );
}

/** Builds the submission object; `pathOf` turns a schema issue path back into the mapping's own path. */
function assemble(
  mapping: FormMapping,
  form: ParsedForm,
  values: ReadonlyMap<string, unknown>,
): { candidate: Record<string, unknown>; pathOf: (issuePath: readonly PropertyKey[]) => string } {
  const applicant: Record<string, unknown> = {};
  const school: Record<string, unknown> = {};
  const milestones = new Map<string, Record<string, unknown>>();
  const interviews = new Map<number, Record<string, unknown>>();
  for (const [path, value] of values) {
    const [root, a, b] = path.split(".") as [string, string, string | undefined];
    if (root === "applicant" && a === "medicalSchool" && b !== undefined) school[b] = value;
    else if (root === "applicant") applicant[a] = value;
    else if (root === "milestones" && b !== undefined) {
      const entry = milestones.get(a) ?? { key: a };
      entry[b] = value;
      milestones.set(a, entry);
    } else if (root === "interviews" && b !== undefined) {
      const index = Number(a);
      const entry = interviews.get(index) ?? {};
      entry[b] = value;
      interviews.set(index, entry);
    }
  }
  if (Object.keys(school).length > 0) applicant.medicalSchool = school;

  const milestoneKeys = MILESTONE_KEYS.filter((key) => milestones.has(key));
  const interviewIndexes = [...interviews.keys()].sort((x, y) => x - y);
  const candidate: Record<string, unknown> = {
    type: mapping.kind,
    submissionId: `${form.provider}:${form.submissionId}`,
    applicant:
      mapping.kind === "milestone.update"
        ? applicant.externalId !== undefined
          ? { externalId: applicant.externalId }
          : { email: applicant.email }
        : applicant,
    milestones: milestoneKeys.map((key) => milestones.get(key)),
  };
  if (interviewIndexes.length > 0)
    candidate.interviews = interviewIndexes.map((index) => interviews.get(index));

  const pathOf = (issuePath: readonly PropertyKey[]): string => {
    const parts = issuePath.map(String);
    if (parts[0] === "milestones" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
      parts[1] = milestoneKeys[Number(parts[1])] ?? parts[1];
    }
    if (parts[0] === "interviews" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
      parts[1] = String(interviewIndexes[Number(parts[1])] ?? parts[1]);
    }
    return parts.length === 0 ? "(root)" : parts.join(".");
  };
  return { candidate, pathOf };
}
