import { readDate, readInstantParts, readTime, readZone } from "#intake/answers/instant.ts";
import { targetKind } from "#intake/answers/targets.ts";
import type { AnswerValue } from "#intake/providers/common.ts";
import type { RecordAnswerReaders } from "#intake/providers/provider.ts";
import type { FieldRule } from "./schema.ts";
import { effectiveTransform } from "./transforms.ts";

/** One answer converted by its field rule, or why it could not be. */
export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Converts one answer by its rule's transform (text, number, yes/no, list, choices, date, time,
 * instant, zone); a record-shaped date, time or start is read by its provider's `records`.
 */
export function convert(
  answer: AnswerValue,
  rule: FieldRule,
  choiceIds: ReadonlyMap<string, readonly string[]> | undefined,
  records?: RecordAnswerReaders,
): Converted {
  const transform = effectiveTransform(rule);
  if (typeof transform === "object") {
    if ("choices" in transform) {
      return choose(answer, transform.choices, targetKind(rule.to) === "list", choiceIds);
    }
    if ("date" in transform) return single(answer, (value) => read(readDate(value, transform.date, records)));
    if ("time" in transform) return single(answer, (value) => read(readTime(value, transform.time, records)));
    return single(answer, (value) => read(readInstantParts(value, transform.instant, records)));
  }
  switch (transform) {
    case "date":
      return single(answer, (value) => read(readDate(value, {}, records)));
    case "time":
      return single(answer, (value) => read(readTime(value, {}, records)));
    case "instant":
      return single(answer, (value) => read(readInstantParts(value, {}, records)));
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
export function isUnanswered(answer: AnswerValue): boolean {
  if (typeof answer !== "object" || Array.isArray(answer)) return false;
  return Object.entries(answer as Readonly<Record<string, string>>).every(
    ([part, value]) => PRESET_PARTS.has(part) || value.trim() === "",
  );
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
