import { verify } from "#intake/standard-webhooks.ts";
import type { Clock } from "#ports/clock.ts";
import {
  type AnswerType,
  CHOICE,
  DATE,
  FILES,
  GRID,
  INSTANT,
  MANY,
  NUMBER,
  refused,
  TEXT,
  TIME,
} from "../answer-type.ts";
import {
  AnswerBook,
  type AnswerValue,
  type HeaderMap,
  headerValue,
  idString,
  isRecord,
  type ParsedForm,
} from "../common.ts";
import type { FormProvider } from "../provider.ts";
import { jsonSubmission, parsedForm, ShapeCheck } from "../submission-reader.ts";

/**
 * Google Forms has no webhooks; the repository ships an Apps Script
 * (apps-script.gs in this folder) that runs on the form's installable "Form submit" trigger
 * and POSTs `{ formId, responseId, namedValues }` signed per Standard Webhooks (HMAC-SHA256 over
 * `id.timestamp.body` with a `whsec_` secret; `webhook-id`, `webhook-timestamp`, `webhook-signature`).
 * Verification, including the 5-minute replay window, is the shared Standard Webhooks module's.
 */
export function verifyGoogleForms(
  rawBody: Uint8Array | string,
  headers: HeaderMap,
  secret: string,
  clock: Clock,
): void {
  const flat: Record<string, string | undefined> = {};
  for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    flat[name] = headerValue(headers, name);
  }
  verify(secret, flat, rawBody, clock);
}

/**
 * Reads the script's body. `namedValues` maps each question's title to its answers, as Apps Script's
 * own Sheets form-submit event does (title -> string[]); a single string is accepted too. Idempotency
 * key: `responseId` (`FormResponse.getId()`), stable across the script's retries.
 */
export function parseGoogleForms(rawBody: Uint8Array | string): ParsedForm {
  const { body } = jsonSubmission(rawBody, "Google Forms");
  const check = new ShapeCheck("Google Forms");
  const formId = check.required(idString(body.formId), "formId", "must be the form id");
  const submissionId = check.required(idString(body.responseId), "responseId", "must be the response id");
  const namedValues = check.required(
    isRecord(body.namedValues) ? body.namedValues : undefined,
    "namedValues",
    "must be an object",
  );
  const submission = check.passed({ formId, submissionId, namedValues });
  const book = new AnswerBook();
  for (const [title, value] of Object.entries(submission.namedValues)) {
    book.add([title.trim()], namedValue(value));
  }
  return parsedForm("google-forms", submission, book);
}

function namedValue(value: unknown): AnswerValue | undefined {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((item): item is string => typeof item === "string");
  // Sheets-style namedValues wrap a single answer in a one-element list.
  return items.length === 1 ? items[0] : items;
}

/** Every answer type Google Forms sends, and what each can fill. Source: Google Forms item types (Apps Script `ItemType`, https://developers.google.com/apps-script/reference/forms/item-type). */
const GOOGLE_FORMS_ANSWER_TYPES: readonly AnswerType[] = [
  { type: "TEXT", sends: "text", fills: TEXT },
  { type: "PARAGRAPH_TEXT", sends: "text", fills: TEXT },
  { type: "MULTIPLE_CHOICE", sends: "the chosen text", fills: CHOICE },
  { type: "LIST", sends: "the chosen text", fills: CHOICE },
  { type: "CHECKBOX", sends: "[chosen texts]", fills: MANY },
  { type: "SCALE", sends: "text of a number", fills: NUMBER },
  { type: "RATING", sends: "text of a number", fills: NUMBER },
  { type: "DATE", sends: "`2026-12-11` (a Sheet: its locale, `12/11/2026`)", fills: DATE },
  { type: "TIME", sends: "`20:00` (a Sheet: `8:00:00 PM`)", fills: TIME },
  { type: "DATETIME", sends: "`2026-12-11 20:00` (a Sheet: `12/11/2026 20:00:00`)", fills: INSTANT },
  refused(
    "DURATION",
    "`1:30:00`",
    "a duration is not a moment: ask the interview's date and time (DATE and TIME, or DATETIME)",
  ),
  refused("FILE_UPLOAD", "[Drive file ids]", FILES),
  refused("GRID", "one answer per row", GRID),
  refused("CHECKBOX_GRID", "answers per row", GRID),
];

/** Google Forms through the shipped Apps Script: `POST /intake/google-forms`, signed per Standard Webhooks. */
export const googleForms = {
  answerTypes: GOOGLE_FORMS_ANSWER_TYPES,
  name: "google-forms",
  title: "Google Forms",
  secretVariable: "GOOGLE_FORMS_SECRET",
  secretFormat: "standard-webhooks",
  verify: (request, secret, clock) => verifyGoogleForms(request.rawBody, request.headers, secret, clock),
  parse: (request) => parseGoogleForms(request.rawBody),
  guide: {
    authenticity:
      "[Standard Webhooks](https://www.standardwebhooks.com) signature from the shipped Apps Script",
    idempotencyKey: "`responseId`",
  },
} as const satisfies FormProvider<"google-forms">;
