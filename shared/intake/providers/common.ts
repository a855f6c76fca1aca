import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { FieldProblem } from "#domain/field-problems.ts";
import { InvalidInputError, SignatureError } from "#errors";
import { parseJsonText } from "#intake/json.ts";

import type { ProviderName } from "./list.ts";

export type { ProviderName } from "./list.ts";

/** Header values as API Gateway, Node's http module or a test hands them over; names in any case. */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;
export type QueryMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a provider route receives: the body exactly as sent (signatures cover these bytes), headers, query. */
export interface ProviderRequest {
  rawBody: Uint8Array | string;
  headers: HeaderMap;
  query?: QueryMap;
}

/**
 * One answer, normalised across providers: text, a number, a yes/no, several selections (labels, not
 * provider ids), or a small record of strings (Jotform's name `{first,last}` and date `{year,month,day}`).
 */
export type AnswerValue = string | number | boolean | readonly string[] | Readonly<Record<string, string>>;

/**
 * A submission as read from a provider, before any mapping: the provider's form id, its own submission
 * id (the idempotency key) and the answers, each reachable under every name the provider gives it
 * (Typeform ref and id; Tally key and label; Jotform `q3_name` and `name`; Google Forms item title).
 */
export interface ParsedForm {
  provider: ProviderName;
  formId: string;
  submissionId: string;
  answers: ReadonlyMap<string, AnswerValue>;
  /**
   * For choice answers of providers that send option ids (Tally, Typeform): field name -> chosen
   * option's text -> that option's ids and refs, so a mapping's choices may name either.
   */
  choiceIds?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Field name -> the provider's answer type, where the provider sends it (Tally `type`, Typeform `field.type`). */
  types?: ReadonlyMap<string, string>;
}

/** Case-insensitive header lookup; the first value when a header repeats. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value[0];
  }
  return undefined;
}

/**
 * The signature a header carries, trimmed. Throws SignatureError "<Display-Name> header is missing"
 * when the header is absent, empty or only whitespace: such a header carries no signature, so every
 * provider answers it the same way (401), never as a signature that does not match.
 */
export function signatureHeader(headers: HeaderMap, displayName: string): string {
  const received = headerValue(headers, displayName)?.trim();
  if (received === undefined || received === "") throw new SignatureError(`${displayName} header is missing`);
  return received;
}

export function queryValue(query: QueryMap | undefined, name: string): string | undefined {
  const value = query?.[name];
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : value[0];
}

export function bodyBytes(rawBody: Uint8Array | string): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text; a body that is not UTF-8 is input that can never succeed. */
export function bodyText(rawBody: Uint8Array | string): string {
  if (typeof rawBody === "string") return rawBody;
  try {
    return utf8.decode(rawBody);
  } catch (cause) {
    throw new InvalidInputError("body is not UTF-8 text", [{ path: "(body)", message: "must be UTF-8" }], {
      cause,
    });
  }
}

/**
 * JSON.parse that reports a syntax error as invalid input (400) and a document nested too deep as
 * over the limit (422), rather than a crash.
 */
export function parseJsonBody(text: string, what: string): unknown {
  return parseJsonText(text, what);
}

export function hmacSha256Base64(key: Uint8Array | string, message: Uint8Array | string): string {
  return createHmac("sha256", key).update(message).digest("base64");
}

/**
 * Compares two secrets or signatures in time independent of where they differ and of their length:
 * both sides are hashed first, so `timingSafeEqual` always sees 32 bytes.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a, "utf8").digest();
  const right = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(left, right);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string or a finite number as a string; anything else is absent. */
export function idString(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Answers are registered under each alias; the first answer to claim a name keeps it. */
export class AnswerBook {
  readonly answers = new Map<string, AnswerValue>();

  add(names: readonly (string | undefined)[], value: AnswerValue | undefined): void {
    if (value === undefined || isBlank(value)) return;
    for (const name of names) {
      if (name === undefined || name === "" || this.answers.has(name)) continue;
      this.answers.set(name, value);
    }
  }
}

/** An unanswered question: providers send "", [], or a record of empty strings for it. */
export function isBlank(value: AnswerValue): boolean {
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return !Number.isFinite(value);
  if (typeof value === "boolean") return false;
  if (isStringArray(value)) return value.every((item) => item.trim() === "");
  return Object.values(value).every((item) => item.trim() === "");
}

export function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

export function shapeProblem(provider: string, problems: FieldProblem[]): InvalidInputError {
  return new InvalidInputError(`the ${provider} body is not a form submission Matchpath can read`, problems);
}
