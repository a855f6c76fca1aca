import { type TargetKind, targetKind } from "#intake/answers/targets.ts";
import { type AnswerType, CHOICE, TEXT } from "#intake/providers/answer-type.ts";
import type { ProviderName } from "#intake/providers/common.ts";
import { FORM_PROVIDERS, providerNamed } from "#intake/providers/list.ts";
import { effectiveTransform, type Transform } from "./transforms.ts";

/**
 * Every answer type each provider documents (its `answerTypes`), by provider: derived from the one
 * list of providers, so a new provider brings its own.
 */
export const ANSWER_TYPES: Readonly<Record<ProviderName, readonly AnswerType[]>> = Object.fromEntries(
  FORM_PROVIDERS.map((provider) => [provider.name, provider.answerTypes]),
) as Record<ProviderName, readonly AnswerType[]>;

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
