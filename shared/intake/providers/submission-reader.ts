/**
 * The steps every provider's `parse` shares, in the order it takes them: read the body, check its
 * shape (noting every problem, so one InvalidInputError lists them all), and only then collect the
 * answers under each of their names into a ParsedForm. What differs (where a provider keeps its ids,
 * how it sends an answer) stays in the provider's own folder.
 */
import type { FieldProblem } from "#domain/field-problems.ts";
import {
  AnswerBook,
  bodyText,
  isRecord,
  type ParsedForm,
  type ProviderName,
  parseJsonBody,
  shapeProblem,
} from "./common.ts";

/**
 * The JSON body, and the object under its `key` where the provider keeps the submission (Tally
 * `data`, Typeform `form_response`; no key: the body itself). Throws InvalidInputError naming `key`
 * (`(root)` without one) unless both are objects; errors reading the JSON name `the <title> body`.
 */
export function jsonSubmission(
  rawBody: Uint8Array | string,
  title: string,
  key?: string,
): { body: Record<string, unknown>; submission: Record<string, unknown> } {
  const body = parseJsonBody(bodyText(rawBody), `the ${title} body`);
  const submission = isRecord(body) && key !== undefined ? body[key] : body;
  if (!isRecord(body) || !isRecord(submission)) {
    throw shapeProblem(title, [{ path: key ?? "(root)", message: "must be an object" }]);
  }
  return { body, submission };
}

/** A provider body's shape problems, in the order they are found, for one InvalidInputError. */
export class ShapeCheck {
  readonly #problems: FieldProblem[] = [];

  /** `title`: the provider as people know it (`the <title> body is not a form submission …`). */
  constructor(private readonly title: string) {}

  /** Notes `message` at `path` unless `ok`. */
  expect(ok: boolean, path: string, message: string): void {
    if (!ok) this.#problems.push({ path, message });
  }

  /** `value`, noting `message` at `path` when it is absent. */
  required<T>(value: T | undefined, path: string, message: string): T | undefined {
    this.expect(value !== undefined, path, message);
    return value;
  }

  /**
   * `values`, each known present, when nothing was noted; otherwise throws one InvalidInputError
   * listing every problem. Every parse ends its checks here, with its form id and submission id.
   */
  passed<T extends Record<string, unknown>>(values: T): { [K in keyof T]: NonNullable<T[K]> } {
    if (this.#problems.length > 0 || Object.values(values).some((value) => value === undefined)) {
      throw shapeProblem(this.title, this.#problems);
    }
    return values as { [K in keyof T]: NonNullable<T[K]> };
  }
}

/** The ids a parse has checked (ShapeCheck.passed): the provider's form and its own submission id. */
export interface SubmissionIds {
  formId: string;
  submissionId: string;
}

/** An AnswerBook's answers as the ParsedForm of `provider`'s submission `ids`. */
export function parsedForm(provider: ProviderName, ids: SubmissionIds, book: AnswerBook): ParsedForm {
  return { provider, formId: ids.formId, submissionId: ids.submissionId, answers: book.answers };
}

/**
 * An AnswerBook for providers that also send each answer's type and, for a choice, the chosen
 * options' ids (Tally, Typeform). Those are kept per name even for a blank answer; as with the
 * answers, the first to claim a name keeps it.
 */
export class TypedAnswerBook extends AnswerBook {
  readonly types = new Map<string, string>();
  readonly choiceIds = new Map<string, ReadonlyMap<string, readonly string[]>>();

  /** Records the answer's type and chosen option ids (each when given) under each of its names. */
  describe(
    names: readonly (string | undefined)[],
    type: string | undefined,
    choiceIds: ReadonlyMap<string, readonly string[]> | undefined,
  ): void {
    for (const name of names) {
      if (name === undefined) continue;
      if (type !== undefined && !this.types.has(name)) this.types.set(name, type);
      if (choiceIds !== undefined && !this.choiceIds.has(name)) this.choiceIds.set(name, choiceIds);
    }
  }

  /** The ParsedForm of `provider`'s submission `ids`, with the types and choice ids. */
  parsedForm(provider: ProviderName, ids: SubmissionIds): ParsedForm {
    return { ...parsedForm(provider, ids, this), choiceIds: this.choiceIds, types: this.types };
  }
}
