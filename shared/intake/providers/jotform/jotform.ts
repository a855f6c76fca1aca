import { LimitExceededError, SignatureError } from "#errors";
import { parseJsonText } from "#intake/json.ts";
import {
  type AnswerType,
  CHOICE,
  DATE,
  FILES,
  GRID,
  INSTANT,
  MANY,
  NUMBER,
  PAYMENT,
  refused,
  SIGNATURE,
  TEXT,
  TIME,
} from "../answer-type.ts";
import {
  AnswerBook,
  type AnswerValue,
  bodyBytes,
  bodyText,
  constantTimeEqual,
  type HeaderMap,
  headerValue,
  idString,
  isRecord,
  type ParsedForm,
  type QueryMap,
  queryValue,
  shapeProblem,
} from "../common.ts";
import type { FormProvider } from "../provider.ts";
import { parsedForm, ShapeCheck } from "../submission-reader.ts";
import { JOTFORM_RECORD_ANSWERS } from "./answers.ts";
import { jotformSavedRequest } from "./saved-body.ts";

/**
 * Jotform does not sign its webhooks: no HMAC, no signing secret, no signature header is offered (see
 * test/fixtures/providers/SOURCES.md). The route is therefore authenticated by a secret token the
 * operator puts in the webhook URL (`/intake/jotform?token=<secret>`), compared in constant time. Treat
 * that URL as the secret it contains: it is visible to whoever can see the form's integrations, so
 * generate it at random (e.g. `openssl rand -hex 32`) and rotate it by changing both the URL in Jotform
 * and JOTFORM_TOKEN. TLS keeps it off the wire; the HTTP layer must never log query strings.
 */
export const JOTFORM_TOKEN_PARAM = "token";

export function verifyJotform(query: QueryMap | undefined, token: string): void {
  const received = queryValue(query, JOTFORM_TOKEN_PARAM);
  if (received === undefined || received === "") {
    throw new SignatureError("the Jotform webhook URL carries no ?token=");
  }
  if (!constantTimeEqual(received, token)) {
    throw new SignatureError("the Jotform webhook token does not match");
  }
}

/**
 * Reads a Jotform webhook POST: multipart/form-data (what Jotform sends), urlencoded, or a flat JSON
 * object (Jotform's older shape). The answers are in `rawRequest`, a JSON string keyed `q<N>_<name>`;
 * each answer is reachable as `q<N>_<name>` and as `<name>`. The form and submission ids are the
 * top-level `formID` and `submissionID` (numeric strings, kept as strings).
 *
 * Multipart is decoded by the platform's own `Response.formData()` (WHATWG fetch, Node ≥ 18), not a
 * hand-written parser.
 */
export async function parseJotform(rawBody: Uint8Array | string, headers: HeaderMap): Promise<ParsedForm> {
  const fields = await formFields(rawBody, headerValue(headers, "content-type") ?? "");
  const rawRequestText = fields.get("rawRequest");
  let rawRequest: unknown;
  try {
    rawRequest =
      rawRequestText === undefined ? undefined : parseJsonText(rawRequestText, "rawRequest", "rawRequest");
  } catch (error) {
    if (error instanceof LimitExceededError) throw error;
    rawRequest = undefined;
  }
  const check = new ShapeCheck("Jotform");
  const answers = check.required(
    isRecord(rawRequest) ? rawRequest : undefined,
    "rawRequest",
    "must be a JSON object string",
  );
  const formId = check.required(
    idString(fields.get("formID")) ?? (answers === undefined ? undefined : slugForm(answers.slug)),
    "formID",
    "must be the form id",
  );
  const submissionId = check.required(
    idString(fields.get("submissionID")),
    "submissionID",
    "must be the submission id",
  );
  const submission = check.passed({ answers, formId, submissionId });

  const book = new AnswerBook();
  for (const [key, value] of Object.entries(submission.answers)) {
    const match = /^q\d+_(.+)$/.exec(key);
    if (match === null) continue;
    book.add([key, match[1]], jotformValue(value));
  }
  return parsedForm("jotform", submission, book);
}

async function formFields(rawBody: Uint8Array | string, contentType: string): Promise<Map<string, string>> {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const fields = new Map<string, string>();
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    let form: FormData;
    try {
      form = await new Response(bodyBytes(rawBody), { headers: { "content-type": contentType } }).formData();
    } catch (cause) {
      throw shapeProblem("Jotform", [
        { path: "(body)", message: `is not valid ${type}: ${describe(cause)}` },
      ]);
    }
    for (const [name, value] of form.entries()) {
      if (typeof value === "string" && !fields.has(name)) fields.set(name, value);
    }
    return fields;
  }
  if (type === "application/json") {
    let body: unknown;
    try {
      body = parseJsonText(bodyText(rawBody), "the Jotform body");
    } catch (error) {
      if (error instanceof LimitExceededError) throw error;
      body = undefined;
    }
    if (!isRecord(body))
      throw shapeProblem("Jotform", [{ path: "(body)", message: "must be a JSON object" }]);
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === "string") fields.set(name, value);
      else if (typeof value === "number") fields.set(name, String(value));
      else if (name === "rawRequest" && isRecord(value)) fields.set(name, JSON.stringify(value));
    }
    return fields;
  }
  throw shapeProblem("Jotform", [
    {
      path: "(content-type)",
      message: "must be multipart/form-data, application/x-www-form-urlencoded or application/json",
    },
  ]);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : "unreadable";
}

function slugForm(slug: unknown): string | undefined {
  if (typeof slug !== "string") return undefined;
  return /^submit\/(\d+)$/.exec(slug)?.[1];
}

function jotformValue(value: unknown): AnswerValue | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (isRecord(value)) {
    // Name {first,last}, date {month,day,year}, address...: keep the string parts, in Jotform's order.
    const entries = Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    return Object.fromEntries(entries);
  }
  return undefined;
}

/** Every answer type Jotform sends, and what each can fill. Source: Jotform question types (`control_*`, https://api.jotform.com/docs/ "form questions"). */
const JOTFORM_ANSWER_TYPES: readonly AnswerType[] = [
  { type: "control_textbox", sends: "text", fills: TEXT },
  { type: "control_textarea", sends: "text", fills: TEXT },
  { type: "control_email", sends: "text", fills: TEXT },
  { type: "control_phone", sends: "{full} or {area, phone}", fills: TEXT },
  { type: "control_fullname", sends: "{first, last} (joined)", fills: TEXT },
  { type: "control_inline", sends: "{blank: text, …} (joined)", fills: TEXT },
  { type: "control_number", sends: "text of a number", fills: NUMBER },
  { type: "control_spinner", sends: "text of a number", fills: NUMBER },
  { type: "control_scale", sends: "text of a number", fills: NUMBER },
  { type: "control_rating", sends: "text of a number", fills: NUMBER },
  { type: "control_radio", sends: "the chosen text", fills: CHOICE },
  { type: "control_dropdown", sends: "the chosen text", fills: CHOICE },
  { type: "control_checkbox", sends: "[chosen texts]", fills: MANY },
  {
    type: "control_datetime",
    sends: "{month, day, year} (+ {hour, min, ampm} with time)",
    fills: [...DATE, ...INSTANT],
  },
  { type: "control_birthdate", sends: "{month: “June”, day, year}", fills: DATE },
  { type: "control_time", sends: "{timeInput, hourSelect, minuteSelect, ampm}", fills: TIME },
  { type: "control_appointment", sends: "{date: “2026-12-11 20:00”, duration, timezone}", fills: INSTANT },
  refused(
    "control_address",
    "{addr_line1, city, state, postal, country}",
    "Matchpath stores no postal address: leave it out, or ask the country as a dropdown for applicant.medicalSchool.country",
  ),
  refused("control_fileupload", "[file URLs]", FILES),
  refused("control_signature", "an image URL", SIGNATURE),
  refused("control_payment", "products and totals", PAYMENT),
  refused("control_matrix", "one answer per row", GRID),
];

/** Jotform: `POST /intake/jotform?token=…`, the token being `JOTFORM_TOKEN`. */
export const jotform = {
  answerTypes: JOTFORM_ANSWER_TYPES,
  name: "jotform",
  title: "Jotform",
  secretVariable: "JOTFORM_TOKEN",
  secretFormat: "shared-string",
  verify: (request, secret) => verifyJotform(request.query, secret),
  parse: (request) => parseJotform(request.rawBody, request.headers),
  savedRequest: jotformSavedRequest,
  recordAnswers: JOTFORM_RECORD_ANSWERS,
  guide: {
    authenticity: "secret token in the URL (Jotform signs nothing)",
    idempotencyKey: "`submissionID`",
    routeQuery: "?token=<secret>",
  },
} as const satisfies FormProvider<"jotform">;
