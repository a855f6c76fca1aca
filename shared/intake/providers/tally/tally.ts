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
  SIGNATURE,
  TEXT,
  TIME,
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
 * Tally: `Tally-Signature: <base64 HMAC-SHA256(signing secret, payload)>`, no `sha256=` prefix.
 * https://tally.so/help/webhooks ("Add a signing secret").
 */
export const TALLY_SIGNATURE_HEADER = "tally-signature";

export function signTally(payload: Uint8Array | string, secret: string): string {
  return hmacSha256Base64(secret, bodyBytes(payload));
}

/**
 * Throws SignatureError unless `Tally-Signature` is the HMAC of the body under `secret`.
 *
 * Tally's only published verifier (its Express example) signs `JSON.stringify(req.body)` after
 * `express.json()`, i.e. the RE-SERIALISED payload, and Tally publishes no statement that the bytes it
 * sends are exactly that serialisation. We therefore check the raw bytes first (the right thing if Tally
 * signs what it sends) and then `JSON.stringify(JSON.parse(raw))` (what Tally's example computes; equal
 * to the raw body whenever Tally sends compact JSON). Both are HMACs under the same secret, so the
 * fallback admits no body the secret holder did not sign in one of the two forms. Both compares are
 * constant-time.
 */
export function verifyTally(rawBody: Uint8Array | string, headers: HeaderMap, secret: string): void {
  const received = signatureHeader(headers, "Tally-Signature");
  const bytes = bodyBytes(rawBody);
  if (constantTimeEqual(received, signTally(bytes, secret))) return;
  const reserialised = reserialise(bytes);
  if (reserialised !== undefined && constantTimeEqual(received, signTally(reserialised, secret))) return;
  throw new SignatureError("Tally-Signature does not match the body");
}

function reserialise(bytes: Buffer): string | undefined {
  try {
    return JSON.stringify(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
  } catch {
    return undefined;
  }
}

/**
 * Reads a `FORM_RESPONSE` event (https://tally.so/help/webhooks, "Example webhook event"). Each field is
 * reachable by its `key` (stable, e.g. `question_3EKz4n`) and by its `label` (the question as shown; the
 * first field with a label keeps it). Choice fields send option ids (a list, or for a one-answer choice
 * sometimes a bare id); they are resolved to the options' texts here, so mappings speak the labels people
 * see, and the ids are kept in `choiceIds` so a mapping may key its choices by id instead. Idempotency key: `data.responseId`, else `eventId`.
 */
export function parseTally(rawBody: Uint8Array | string): ParsedForm {
  const { body, submission: data } = jsonSubmission(rawBody, "Tally", "data");
  const check = new ShapeCheck("Tally");
  check.expect(body.eventType === "FORM_RESPONSE", "eventType", 'must be "FORM_RESPONSE"');
  const formId = check.required(idString(data.formId), "data.formId", "must be a form id");
  const submissionId = check.required(
    idString(data.responseId) ?? idString(body.eventId),
    "data.responseId",
    "must be a response id",
  );
  check.expect(
    data.fields === undefined || Array.isArray(data.fields),
    "data.fields",
    "must be a list of fields",
  );
  const ids = check.passed({ formId, submissionId });

  const book = new TypedAnswerBook();
  for (const field of Array.isArray(data.fields) ? data.fields : []) {
    if (!isRecord(field)) continue;
    const names = [idString(field.key), idString(field.label)];
    book.add(names, tallyValue(field));
    book.describe(names, idString(field.type), chosenOptionIds(field));
  }
  return book.parsedForm("tally", ids);
}

/** Chosen option text -> [option id], for a choice field (value a bare id or a list of ids). */
function chosenOptionIds(field: Record<string, unknown>): Map<string, readonly string[]> | undefined {
  const texts = optionTexts(field.options);
  if (texts.size === 0) return undefined;
  const chosen =
    typeof field.value === "string" ? [field.value] : Array.isArray(field.value) ? field.value : [];
  const ids = new Map<string, readonly string[]>();
  for (const id of chosen) {
    const text = typeof id === "string" ? texts.get(id) : undefined;
    if (text !== undefined && typeof id === "string") ids.set(text, [id]);
  }
  return ids;
}

function tallyValue(field: Record<string, unknown>): AnswerValue | undefined {
  const value = field.value;
  // A one-answer choice may arrive as a bare option id rather than a one-item list
  // (PipedreamHQ/pipedream issue 9129): it is an id when the field's options name it.
  if (typeof value === "string") return optionTexts(field.options).get(value) ?? value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const texts = optionTexts(field.options);
    const items: string[] = [];
    for (const item of value) {
      if (typeof item === "string") items.push(texts.get(item) ?? item);
      // FILE_UPLOAD and SIGNATURE: objects with a url.
      else if (isRecord(item) && typeof item.url === "string") items.push(item.url);
    }
    return items;
  }
  if (isRecord(value)) {
    // MATRIX: row id -> column ids; as row text -> column texts.
    const rows = optionTexts(field.rows);
    const columns = optionTexts(field.columns);
    const entries: [string, string][] = [];
    for (const [row, cells] of Object.entries(value)) {
      if (!Array.isArray(cells)) continue;
      const texts = cells.filter((c): c is string => typeof c === "string").map((c) => columns.get(c) ?? c);
      entries.push([rows.get(row) ?? row, texts.join(", ")]);
    }
    // fromEntries defines own properties, so a row named "__proto__" stays data.
    return Object.fromEntries(entries);
  }
  return undefined;
}

function optionTexts(options: unknown): Map<string, string> {
  const texts = new Map<string, string>();
  if (!Array.isArray(options)) return texts;
  for (const option of options) {
    if (isRecord(option) && typeof option.id === "string" && typeof option.text === "string") {
      texts.set(option.id, option.text);
    }
  }
  return texts;
}

/** Every answer type Tally sends, and what each can fill. Source: Tally field types (the "Example webhook event" at https://tally.so/help/webhooks lists every type). */
const TALLY_ANSWER_TYPES: readonly AnswerType[] = [
  { type: "INPUT_TEXT", sends: "text", fills: TEXT },
  { type: "TEXTAREA", sends: "text", fills: TEXT },
  { type: "INPUT_EMAIL", sends: "text", fills: TEXT },
  { type: "INPUT_PHONE_NUMBER", sends: "text", fills: TEXT },
  { type: "INPUT_LINK", sends: "text", fills: TEXT },
  { type: "HIDDEN_FIELDS", sends: "text", fills: TEXT },
  { type: "CALCULATED_FIELDS", sends: "number or text", fills: TEXT },
  { type: "INPUT_NUMBER", sends: "number", fills: NUMBER },
  { type: "RATING", sends: "number", fills: NUMBER },
  { type: "LINEAR_SCALE", sends: "number", fills: NUMBER },
  { type: "INPUT_DATE", sends: "`2023-06-28`", fills: DATE },
  { type: "INPUT_TIME", sends: "`12:00`", fills: TIME },
  { type: "MULTIPLE_CHOICE", sends: "option id, or [option id]", fills: CHOICE },
  { type: "DROPDOWN", sends: "[option id]", fills: CHOICE },
  { type: "CHECKBOXES", sends: "[option ids]; each box also as a yes/no", fills: CHOICE },
  { type: "MULTI_SELECT", sends: "[option ids]", fills: MANY },
  { type: "RANKING", sends: "[option ids] in rank order", fills: MANY },
  refused("FILE_UPLOAD", "[{id, name, url, mimeType, size}]", FILES),
  refused("SIGNATURE", "[{id, name, url}]", SIGNATURE),
  refused("PAYMENT", "price, currency, name, email, link", PAYMENT),
  refused("MATRIX", "{row id: [column ids]}", GRID),
];

/** Tally: `POST /intake/tally`, signed with `TALLY_SECRET`. */
export const tally = {
  answerTypes: TALLY_ANSWER_TYPES,
  name: "tally",
  title: "Tally",
  secretVariable: "TALLY_SECRET",
  secretFormat: "shared-string",
  verify: (request, secret) => verifyTally(request.rawBody, request.headers, secret),
  parse: (request) => parseTally(request.rawBody),
  guide: {
    authenticity: "`Tally-Signature: <base64 HMAC-SHA256>`",
    idempotencyKey: "`data.responseId` (else `eventId`)",
  },
} as const satisfies FormProvider<"tally">;
