import type { ProviderName } from "#intake/providers/common.ts";
import { providerNamed } from "#intake/providers/list.ts";
import { type TargetKind, targetKind } from "./targets.ts";
import { effectiveTransform, type Transform } from "./transforms.ts";

/**
 * Every answer type each provider documents, and what Matchpath does with it: the kinds of snapshot
 * path it can fill, or why it is refused and what to ask instead. The providers guide
 * (shared/intake/PROVIDERS.md, "Answer types") shows this table; a test keeps the two equal.
 *
 * Sources: Typeform field types (https://www.typeform.com/developers/create/reference/create-form/ and
 * the webhook example payload); Tally field types (the "Example webhook event" at
 * https://tally.so/help/webhooks lists every type); Jotform question types (`control_*`,
 * https://api.jotform.com/docs/ "form questions"); Google Forms item types (Apps Script `ItemType`,
 * https://developers.google.com/apps-script/reference/forms/item-type).
 */
export interface AnswerType {
  /** The provider's own name for the type: Tally `INPUT_TIME`, Typeform `date`, Jotform `control_time`. */
  type: string;
  /** What the answer looks like, for the guide. */
  sends: string;
  /** The path kinds it can fill; empty when refused. */
  fills: readonly TargetKind[];
  /** For a refused type: why, and what to ask instead. */
  refused?: string;
}

const ALL: readonly TargetKind[] = ["text", "number", "boolean", "list", "date", "time", "zone", "instant"];
const TEXT: readonly TargetKind[] = ALL;
const NUMBER: readonly TargetKind[] = ["number", "text"];
const YESNO: readonly TargetKind[] = ["boolean", "text"];
const DATE: readonly TargetKind[] = ["date", "text"];
const TIME: readonly TargetKind[] = ["time", "text"];
const INSTANT: readonly TargetKind[] = ["instant"];
const CHOICE: readonly TargetKind[] = [...ALL];
const MANY: readonly TargetKind[] = ["list", "text"];

const FILES =
  "Matchpath keeps no uploaded files (they are personal documents): leave the question out of the mapping, or ask a yes/no such as “I have uploaded my CV” and map it to the milestone's status";
const SIGNATURE = "a signature is not applicant data: leave it out of the mapping";
const PAYMENT =
  "Matchpath tracks no payments: ask a yes/no such as “I paid the ERAS fee” and map it to the milestone's status";
const GRID =
  "a grid gives one answer per row: ask each row as its own question (e.g. one dropdown per milestone) and map each";

function refused(type: string, sends: string, why: string): AnswerType {
  return { type, sends, fills: [], refused: why };
}

export const ANSWER_TYPES: Readonly<Record<ProviderName, readonly AnswerType[]>> = {
  typeform: [
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
  ],
  tally: [
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
  ],
  jotform: [
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
  ],
  "google-forms": [
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
  ],
};

export function isKnownAnswerType(provider: ProviderName, type: string): boolean {
  return ANSWER_TYPES[provider].some((entry) => entry.type === type);
}

/**
 * Why a field of this answer type cannot fill this rule's path, with what to do instead; undefined
 * when it can. `choices` lets a choice-like answer fill any path (its values are checked later).
 */
export function answerTypeProblem(
  provider: ProviderName,
  field: string,
  type: string,
  rule: { to: string; transform?: Transform | undefined },
): string | undefined {
  const title = providerNamed(provider).title;
  const known = ANSWER_TYPES[provider].find((entry) => entry.type === type);
  if (known === undefined) {
    return `${title} field "${field}" has type ${JSON.stringify(type)}, which is not a ${title} answer type; use one of ${ANSWER_TYPES[
      provider
    ]
      .map((entry) => entry.type)
      .join(", ")}`;
  }
  if (known.refused !== undefined) return `${title} field "${field}" is a ${type} answer: ${known.refused}`;
  const transform = effectiveTransform(rule);
  if (typeof transform === "object" && "choices" in transform) return undefined;
  const kind = targetKind(rule.to);
  if (known.fills.includes(kind)) return undefined;
  if (kind === "instant" && known.fills.includes("date")) {
    return `${title} field "${field}" is a ${type} answer, a date without a time: map it to ${rule.to}.date and the time question to ${rule.to}.time`;
  }
  if (kind === "instant" && known.fills.includes("time")) {
    return `${title} field "${field}" is a ${type} answer, a time without a date: map it to ${rule.to}.time and the date question to ${rule.to}.date`;
  }
  return `${title} field "${field}" is a ${type} answer, which cannot fill ${rule.to} (a ${kind}); it fills ${known.fills.join(", ")} paths`;
}

const KIND_WORDS: Record<TargetKind, string> = {
  text: "text",
  number: "number",
  boolean: "yes/no",
  list: "list",
  date: "date",
  time: "time",
  zone: "zone",
  instant: "whole start",
};

/**
 * The answer-types table of the providers guide, as Markdown: one row per documented type. The guide
 * embeds exactly this (a test compares them); `npm run forms -- types` prints it.
 */
export function answerTypesMarkdown(): string {
  const rows = ["| Provider | Answer type | Sends | Maps to |", "| --- | --- | --- | --- |"];
  for (const [provider, types] of Object.entries(ANSWER_TYPES) as [ProviderName, readonly AnswerType[]][]) {
    for (const entry of types) {
      const mapsTo =
        entry.refused !== undefined
          ? `**refused**: ${entry.refused}`
          : entry.fills === CHOICE
            ? "text or list; any value through `choices` (keyed by label or option id)"
            : entry.fills === TEXT
              ? "any path, read by the path's kind (text, number, yes/no, date, time, zone, whole start)"
              : entry.fills.map((kind) => KIND_WORDS[kind]).join(", ");
      rows.push(`| ${providerNamed(provider).title} | \`${entry.type}\` | ${entry.sends} | ${mapsTo} |`);
    }
  }
  return `${rows.join("\n")}\n`;
}
