import { SignatureError } from "#errors";
import {
  type AnswerType,
  CHOICE,
  DATE,
  FILES,
  GRID,
  MANY,
  NUMBER,
  PAYMENT,
  refused,
  TEXT,
  YESNO,
} from "../answer-type.ts";
import {
  type AnswerValue,
  bodyBytes,
  constantTimeEqual,
  type HeaderMap,
  hmacSha256Base64,
  idString,
  isRecord,
  type ParsedForm,
  signatureHeader,
} from "../common.ts";
import type { FormProvider } from "../provider.ts";
import { jsonSubmission, ShapeCheck, TypedAnswerBook } from "../submission-reader.ts";

/**
 * Typeform signs the raw request body: `Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, body)>`.
 * https://www.typeform.com/developers/webhooks/secure-your-webhooks/ — the docs' Express example reads
 * the body with `express.raw`, so the bytes as received are what is signed, never a re-serialised JSON.
 */
export const TYPEFORM_SIGNATURE_HEADER = "typeform-signature";

export function signTypeform(rawBody: Uint8Array | string, secret: string): string {
  return `sha256=${hmacSha256Base64(secret, bodyBytes(rawBody))}`;
}

/** Throws SignatureError unless the header carries the body's HMAC under `secret` (constant-time compare). */
export function verifyTypeform(rawBody: Uint8Array | string, headers: HeaderMap, secret: string): void {
  const received = signatureHeader(headers, "Typeform-Signature");
  if (!constantTimeEqual(received, signTypeform(rawBody, secret))) {
    throw new SignatureError("Typeform-Signature does not match the body");
  }
}

/**
 * Reads a `form_response` webhook (https://www.typeform.com/developers/webhooks/example-payload/).
 * Each answer is reachable by its field `ref` — from the answer's `field.ref`, or, as in Typeform's own
 * example where answers carry only `field.id`, from `definition.fields` — and by its field id. Hidden
 * fields are reachable as `hidden.<name>` (the usual way to pass an operator's applicant id into a form).
 * Idempotency key: `form_response.token` (one per response), else `event_id`.
 */
export function parseTypeform(rawBody: Uint8Array | string): ParsedForm {
  const { body, submission: response } = jsonSubmission(rawBody, "Typeform", "form_response");
  const check = new ShapeCheck("Typeform");
  const formId = check.required(
    idString(response.form_id) ??
      (isRecord(response.definition) ? idString(response.definition.id) : undefined),
    "form_response.form_id",
    "must be a form id",
  );
  const submissionId = check.required(
    idString(response.token) ?? idString(body.event_id),
    "form_response.token",
    "must be the response token (or event_id)",
  );
  check.expect(
    Array.isArray(response.answers) || response.answers === undefined,
    "form_response.answers",
    "must be a list of answers",
  );
  const ids = check.passed({ formId, submissionId });

  const refById = new Map<string, string>();
  if (isRecord(response.definition) && Array.isArray(response.definition.fields)) {
    for (const field of response.definition.fields) {
      if (!isRecord(field)) continue;
      const id = idString(field.id);
      const ref = idString(field.ref);
      if (id !== undefined && ref !== undefined) refById.set(id, ref);
    }
  }

  const book = new TypedAnswerBook();
  for (const answer of Array.isArray(response.answers) ? response.answers : []) {
    if (!isRecord(answer) || !isRecord(answer.field)) continue;
    const id = idString(answer.field.id);
    const ref = idString(answer.field.ref) ?? (id === undefined ? undefined : refById.get(id));
    book.add([ref, id], typeformAnswerValue(answer));
    const choiceIds = typeformChoiceIds(answer);
    book.describe([ref, id], idString(answer.field.type), choiceIds.size > 0 ? choiceIds : undefined);
  }
  if (isRecord(response.hidden)) {
    for (const [name, value] of Object.entries(response.hidden)) {
      if (typeof value === "string") book.add([`hidden.${name}`], value);
    }
  }
  return book.parsedForm("typeform", ids);
}

/** The value of one answer by its `type`: text, email, number, boolean, date, phone_number, url, file_url, choice, choices. */
function typeformAnswerValue(answer: Record<string, unknown>): AnswerValue | undefined {
  const type = typeof answer.type === "string" ? answer.type : undefined;
  switch (type) {
    case "choice": {
      const choice = answer.choice;
      if (!isRecord(choice)) return undefined;
      return stringOf(choice.label) ?? stringOf(choice.other);
    }
    case "choices": {
      const choices = answer.choices;
      if (!isRecord(choices)) return undefined;
      const labels = Array.isArray(choices.labels) ? choices.labels.filter((l) => typeof l === "string") : [];
      const other = stringOf(choices.other);
      return other === undefined ? labels : [...labels, other];
    }
    case undefined:
      return undefined;
    default: {
      // text, email, number, boolean, date, phone_number, url, file_url: the value sits under the type's name.
      const value = answer[type];
      if (typeof value === "string" || typeof value === "boolean") return value;
      if (typeof value === "number" && Number.isFinite(value)) return value;
      return undefined;
    }
  }
}

/**
 * Chosen label -> the choice's id and ref: `choice: {id, ref, label}` and
 * `choices: {ids, refs, labels}` (index-aligned), as Typeform's webhook reference lists them.
 */
function typeformChoiceIds(answer: Record<string, unknown>): Map<string, readonly string[]> {
  const ids = new Map<string, readonly string[]>();
  const aliasesOf = (...values: unknown[]) => values.filter((v): v is string => typeof v === "string");
  if (answer.type === "choice" && isRecord(answer.choice) && typeof answer.choice.label === "string") {
    ids.set(answer.choice.label, aliasesOf(answer.choice.id, answer.choice.ref));
  }
  if (answer.type === "choices" && isRecord(answer.choices) && Array.isArray(answer.choices.labels)) {
    const { labels, ids: choiceIds, refs } = answer.choices;
    labels.forEach((label, index) => {
      if (typeof label !== "string") return;
      ids.set(
        label,
        aliasesOf(
          Array.isArray(choiceIds) ? choiceIds[index] : undefined,
          Array.isArray(refs) ? refs[index] : undefined,
        ),
      );
    });
  }
  return ids;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Every answer type Typeform sends, and what each can fill. Source: Typeform field types (https://www.typeform.com/developers/create/reference/create-form/ and the webhook example payload). */
const TYPEFORM_ANSWER_TYPES: readonly AnswerType[] = [
  { type: "short_text", sends: "text", fills: TEXT },
  { type: "long_text", sends: "text", fills: TEXT },
  { type: "email", sends: "email", fills: TEXT },
  { type: "phone_number", sends: "phone_number", fills: TEXT },
  { type: "website", sends: "url", fills: TEXT },
  { type: "number", sends: "number", fills: NUMBER },
  { type: "opinion_scale", sends: "number", fills: NUMBER },
  { type: "rating", sends: "number", fills: NUMBER },
  { type: "nps", sends: "number", fills: NUMBER },
  { type: "yes_no", sends: "boolean", fills: YESNO },
  { type: "legal", sends: "boolean", fills: YESNO },
  { type: "date", sends: "date `2026-12-11`", fills: DATE },
  { type: "multiple_choice", sends: "choice {id, ref, label | other}", fills: CHOICE },
  { type: "dropdown", sends: "choice {id, ref, label}", fills: CHOICE },
  { type: "picture_choice", sends: "choice or choices", fills: CHOICE },
  { type: "ranking", sends: "choices {ids, refs, labels} in rank order", fills: MANY },
  refused(
    "calendly",
    "url of the Calendly booking",
    "the answer is the booking's URL, not its time: ask the interview's date (a date question) and time (a short text or a choice of slots) and map them to interviews.N.startsAt.date and .time",
  ),
  refused("file_upload", "file_url", FILES),
  refused("payment", "payment {amount, last4, name}", PAYMENT),
  refused("matrix", "one answer per row", GRID),
  refused("multi_format", "a video or audio recording", "recordings are not applicant data: ask in text"),
  refused(
    "contact_info",
    "a group of answers",
    "ask the email and the name as their own questions (email, short_text) and map each",
  ),
  refused(
    "address",
    "a group of answers",
    "Matchpath stores no postal address: leave it out, or ask the country as a dropdown for applicant.medicalSchool.country",
  ),
];

/** Typeform: `POST /intake/typeform`, signed with `TYPEFORM_SECRET`. */
export const typeform = {
  answerTypes: TYPEFORM_ANSWER_TYPES,
  name: "typeform",
  title: "Typeform",
  secretVariable: "TYPEFORM_SECRET",
  secretFormat: "shared-string",
  verify: (request, secret) => verifyTypeform(request.rawBody, request.headers, secret),
  parse: (request) => parseTypeform(request.rawBody),
  guide: {
    authenticity: "`Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`",
    idempotencyKey: "`form_response.token` (else `event_id`)",
  },
} as const satisfies FormProvider<"typeform">;
