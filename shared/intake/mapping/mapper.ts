import type * as z from "zod";
import { type FieldProblem, MILESTONE_KEYS, type Submission, SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { AnswerValue, ParsedForm } from "#intake/providers/common.ts";
import { providerNamed } from "#intake/providers/list.ts";
import { answerTypeProblem, isKnownAnswerType } from "./answer-types.ts";
import {
  type InstantParts,
  localToInstant,
  readDate,
  readInstantParts,
  readTime,
  readZone,
} from "./instant.ts";
import { effectiveTransform, type FieldRule, type FormMapping, targetKind } from "./schema.ts";

/** A problem with one answer: `path` is the snapshot path, `field` the provider's field it came from. */
export interface MappingProblem extends FieldProblem {
  field?: string;
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

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
  const title = providerNamed(form.provider).title;
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
    const converted = convert(answer, rule, form.choiceIds?.get(key));
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

/**
 * Problems found after mapping (by the store: an interview to cancel that the applicant does not
 * have) named as the form's own fields, like the mapper's problems: `interviews.0.id` becomes
 * `{ path: "interviews.0.id", field: "Interview reference", message: 'Tally field "Interview reference": …' }`.
 * A submission's interview N is the mapping's N-th interview index in order (assemble keeps that order).
 */
export function nameFormFields(mapping: FormMapping, problems: readonly MappingProblem[]): MappingProblem[] {
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
    const mappingPath = problem.path.replace(
      /^interviews\.(\d+)(?=\.|$)/,
      (_whole, index: string) => `interviews.${interviewIndexes[Number(index)] ?? index}`,
    );
    const field = fieldFor(mappingPath, fedBy);
    return field === undefined
      ? problem
      : { ...problem, field, message: `${title} field "${field}": ${problem.message}` };
  });
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

function schemaProblems(
  error: z.ZodError,
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
function isFollowOn(path: string, issue: z.core.$ZodIssue, reported: readonly string[]): boolean {
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

function convert(
  answer: AnswerValue,
  rule: FieldRule,
  choiceIds: ReadonlyMap<string, readonly string[]> | undefined,
): Converted {
  const transform = effectiveTransform(rule);
  if (typeof transform === "object") {
    if ("choices" in transform) {
      return choose(answer, transform.choices, targetKind(rule.to) === "list", choiceIds);
    }
    if ("date" in transform) return single(answer, (value) => read(readDate(value, transform.date)));
    if ("time" in transform) return single(answer, (value) => read(readTime(value, transform.time)));
    return single(answer, (value) => read(readInstantParts(value, transform.instant)));
  }
  switch (transform) {
    case "date":
      return single(answer, (value) => read(readDate(value)));
    case "time":
      return single(answer, (value) => read(readTime(value)));
    case "instant":
      return single(answer, (value) => read(readInstantParts(value)));
    case "zone":
      return single(answer, (value) => read(readZone(value)));
    case "yesno":
      return single(answer, toYesNo);
    case "number":
      return single(answer, toNumber);
    case "list":
      return toList(answer);
    case "upper":
      return single(answer, (value) => mapText(toText(value), (text) => text.toUpperCase()));
    case "lower":
      return single(answer, (value) => mapText(toText(value), (text) => text.toLowerCase()));
    case "trim":
    case "text":
      return single(answer, toText);
  }
}

function read<T>(result: { ok: true; value: T } | { ok: false; message: string }): Converted {
  return result;
}

/**
 * Parts a widget sends even for a question left empty: Jotform's Time and Date-with-time keep their
 * AM/PM selector ("AM"), the Appointment its implementation, duration and zone.
 */
const PRESET_PARTS = new Set(["ampm", "implementation", "duration", "timezone"]);

/**
 * An answer a provider sends for a question left empty: "", [], a record of empty strings (common
 * `isBlank`), or a record whose only filled parts are presets (a blank Jotform Time
 * `{timeInput: "", hourSelect: "", minuteSelect: "", ampm: "AM"}`, an Appointment without a date).
 */
function isUnanswered(answer: AnswerValue): boolean {
  if (typeof answer !== "object" || Array.isArray(answer)) return false;
  return Object.entries(answer as Readonly<Record<string, string>>).every(
    ([part, value]) => PRESET_PARTS.has(part) || value.trim() === "",
  );
}

/**
 * Turns each interview's start, given whole or in parts (`startsAt.date`, `.time`, `.zone`), into one
 * instant with its offset. What a whole answer carries wins over parts (a Jotform Appointment's own
 * zone decides its instant); a zone default may be a name, "applicant" (applicant.timezone) or
 * "interview" (the interview's own timezone). An interview with no timezone takes the start's zone.
 */
function composeStarts(
  values: Map<string, unknown>,
  fedBy: Map<string, string>,
  mappedFrom: ReadonlyMap<string, string>,
  problems: MappingProblem[],
  title: string,
  notes: MappingNote[],
): void {
  const indexes = new Set<string>();
  for (const path of values.keys()) {
    const match = /^interviews\.(\d+)\.startsAt(\.|$)/.exec(path);
    if (match?.[1] !== undefined) indexes.add(match[1]);
  }
  for (const index of indexes) {
    const at = `interviews.${index}.startsAt`;
    const whole = values.get(at);
    const parts: InstantParts =
      typeof whole === "object" && whole !== null ? { ...(whole as InstantParts) } : {};
    let source = fedBy.get(at);
    if (typeof whole === "string") {
      const readWhole = readInstantParts(whole);
      if (!readWhole.ok) continue; // the schema names it with its own message
      Object.assign(parts, readWhole.value);
    }
    for (const part of ["date", "time", "zone"] as const) {
      const value = values.get(`${at}.${part}`);
      if (parts[part] === undefined && typeof value === "string") {
        parts[part] = value;
        source ??= fedBy.get(`${at}.${part}`);
      }
      values.delete(`${at}.${part}`);
    }
    const field = source;
    const report = (message: string) => {
      problems.push(
        field === undefined
          ? { path: at, message }
          : { path: at, field, message: `${title} field "${field}": ${message}` },
      );
      values.delete(at);
    };
    if (values.get(`interviews.${index}.status`) === "cancelled") {
      values.delete(at);
      continue;
    }
    if (parts.instant !== undefined) {
      values.set(at, parts.instant);
      continue;
    }
    if (parts.date === undefined || parts.time === undefined) {
      if (problems.some((problem) => problem.path.startsWith(at))) {
        values.delete(at);
        continue;
      }
      const part = parts.date === undefined ? "date" : "time";
      const unanswered = mappedFrom.get(`${at}.${part}`) ?? mappedFrom.get(at);
      if (unanswered !== undefined) {
        // The mapping is right (checked at load); the person left the question empty.
        problems.push({
          path: `${at}.${part}`,
          field: unanswered,
          message: `${title} field "${unanswered}" was not answered, and the interview's start needs its ${part}`,
        });
        values.delete(at);
        continue;
      }
      report(
        parts.date === undefined
          ? "the interview's start has no date"
          : `the interview's start has a date (${parts.date}) but no time; map a time to ${at}.time`,
      );
      continue;
    }
    let zone = parts.zone;
    if (zone === "applicant") zone = stringAt(values, "applicant.timezone");
    else if (zone === "interview") zone = stringAt(values, `interviews.${index}.timezone`);
    if (zone === undefined) {
      report(
        `${parts.date} ${parts.time} names no zone; map the form's zone question to ${at}.zone or set its default ("applicant", "interview" or a zone name)`,
      );
      continue;
    }
    const resolved = localToInstant(parts.date, parts.time, zone);
    if (!resolved.ok) {
      report(resolved.message);
      continue;
    }
    values.set(at, resolved.value);
    if (resolved.rule === "earlier-of-two") {
      notes.push({
        path: at,
        message: `${parts.date} ${parts.time} happens twice in ${zone} (the clocks go back); the earlier of the two instants, ${resolved.value}, was chosen`,
      });
    }
    if (values.get(`interviews.${index}.timezone`) === undefined)
      values.set(`interviews.${index}.timezone`, zone);
  }
}

function stringAt(values: ReadonlyMap<string, unknown>, path: string): string | undefined {
  const value = values.get(path);
  return typeof value === "string" ? value : undefined;
}

type One = string | number | boolean | Readonly<Record<string, string>>;

function single(answer: AnswerValue, then: (value: One) => Converted): Converted {
  if (!Array.isArray(answer)) return then(answer as One);
  const items = answer as readonly string[];
  if (items.length === 1 && items[0] !== undefined) return then(items[0]);
  return { ok: false, message: `expected one answer, got ${items.length}: ${quoteList(items)}` };
}

function toText(value: One): Converted {
  if (typeof value === "string") return { ok: true, value: value.trim() };
  if (typeof value === "number") return { ok: true, value: String(value) };
  if (typeof value === "boolean") return { ok: false, message: `expected text, got ${value}` };
  // Multi-part answers (Jotform's name {first, last}): their non-empty parts, in order.
  const parts = Object.values(value)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return { ok: true, value: parts.join(" ") };
}

function mapText(converted: Converted, change: (text: string) => string): Converted {
  return converted.ok ? { ok: true, value: change(String(converted.value)) } : converted;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

function toNumber(value: One): Converted {
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === "string" && NUMBER.test(value.trim()))
    return { ok: true, value: Number(value.trim()) };
  return { ok: false, message: `expected a number, got ${describe(value)}` };
}

const YES = new Set(["yes", "y", "true", "1", "oui", "sí", "si", "ja"]);
const NO = new Set(["no", "n", "false", "0", "non", "nein"]);

function toYesNo(value: One): Converted {
  if (typeof value === "boolean") return { ok: true, value };
  const text =
    typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().toLowerCase() : "";
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, message: `expected yes or no, got ${describe(value)}` };
}

function toList(answer: AnswerValue): Converted {
  if (Array.isArray(answer)) {
    return {
      ok: true,
      value: (answer as readonly string[]).map((item) => item.trim()).filter((item) => item !== ""),
    };
  }
  if (typeof answer === "string") return { ok: true, value: [answer.trim()] };
  if (typeof answer === "number") return { ok: true, value: [String(answer)] };
  return { ok: false, message: `expected one or more answers, got ${describe(answer as One)}` };
}

/**
 * Choices match the answer's text, or, for providers that send option ids (Tally, Typeform), any id
 * or ref of the chosen option: a mapping may key its choices by what people read or by stable ids.
 */
function choose(
  answer: AnswerValue,
  choices: Readonly<Record<string, string | number | boolean | null>>,
  many: boolean,
  choiceIds: ReadonlyMap<string, readonly string[]> | undefined,
): Converted {
  const labels = Object.keys(choices);
  const lookupOne = (label: string): { found: true; value: unknown } | { found: false } => {
    if (Object.hasOwn(choices, label)) return { found: true, value: choices[label] };
    const wanted = label.trim().toLowerCase();
    const match = labels.find((candidate) => candidate.trim().toLowerCase() === wanted);
    return match === undefined ? { found: false } : { found: true, value: choices[match] };
  };
  const lookup = (label: string): { found: true; value: unknown } | { found: false } => {
    const hit = lookupOne(label);
    if (hit.found) return hit;
    for (const id of choiceIds?.get(label) ?? []) {
      if (Object.hasOwn(choices, id)) return { found: true, value: choices[id] };
    }
    return hit;
  };
  const pick = (value: One): Converted => {
    const label = typeof value === "object" ? undefined : String(value);
    const hit = label === undefined ? ({ found: false } as const) : lookup(label);
    if (hit.found) return { ok: true, value: hit.value };
    return { ok: false, message: `${describe(value)} is not one of the mapped choices ${quoteList(labels)}` };
  };
  if (!many) return single(answer, pick);
  const listed = toList(answer);
  if (!listed.ok) return listed;
  const picked: unknown[] = [];
  const misses: string[] = [];
  for (const item of listed.value as string[]) {
    const result = pick(item);
    if (result.ok) picked.push(result.value);
    else misses.push(item);
  }
  if (misses.length > 0) {
    return { ok: false, message: `${quoteList(misses)} not among the mapped choices ${quoteList(labels)}` };
  }
  return { ok: true, value: picked };
}

function describe(value: One): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "object") return JSON.stringify(value).slice(0, 120);
  return String(value);
}

function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, 20).map((item) => JSON.stringify(item));
  return `[${shown.join(", ")}${items.length > 20 ? ", …" : ""}]`;
}
