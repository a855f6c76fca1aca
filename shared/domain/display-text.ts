import * as z from "./zod-mini.ts";

/**
 * Free text a person typed that Matchpath shows to people: the applicant's name (every email's
 * greeting, the advisor's digest and escalations), the medical school's name (the plan's school
 * check, so emails and pages) and an interview's program (reminders, calendar events). Decided per
 * character class:
 * - line breaks and tabs (U+0009, U+000A, U+000D) are normalised: a form's multi-line field or a
 *   paste sends them innocently; at the ends they are trimmed (the schema's trim), inside a run
 *   becomes one space, since each of these texts is one line (a subject, a greeting, an ICS SUMMARY);
 * - the directional marks (U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC
 *   LETTER MARK) are removed: invisible, inserted innocently by right-to-left keyboards and
 *   copies from right-to-left apps, and without them the text reads the same on its own line; left in
 *   a sentence they can move the punctuation around them;
 * - every other control character (U+0000-U+001F, U+007F, U+0080-U+009F) and the bidirectional
 *   embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are refused: no keyboard types
 *   a control character (it is a corrupted export or an injection, and the intended text cannot be
 *   guessed), and an override reorders how the rest of the text displays, so a name or program would
 *   read differently in an email than as stored (the "Trojan Source" class, CVE-2021-42574).
 * Pure.
 */

const LINE_BREAKS_AND_TABS = /[\t\n\r]+/g;
const DIRECTIONAL_MARKS = /[\u200E\u200F\u061C]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds.
const REFUSED = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The text with line breaks and tabs made one space and directional marks removed (not trimmed). */
export function normalisedDisplayText(text: string): string {
  return text.replace(LINE_BREAKS_AND_TABS, " ").replace(DIRECTIONAL_MARKS, "");
}

/**
 * Why `text` (normalised) is refused, naming its first refused character and where it is, or
 * undefined when it has none.
 */
export function refusedCharacter(text: string): string | undefined {
  const match = REFUSED.exec(text);
  if (match === null) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const at = `found at character ${match.index + 1}`;
  return code >= 0x202a
    ? `must not contain ${hex} (${NAMES.get(code)}), ${at}: it reorders how the text after it displays; send the text as typed, without it`
    : `must not contain ${hex} (${NAMES.get(code) ?? "a control character"}), ${at}: no keyboard types it, so it is no part of the text; send the text as typed, without it`;
}

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x0000, "NULL, a control character"],
  [0x007f, "DELETE, a control character"],
  [0x202a, "LEFT-TO-RIGHT EMBEDDING"],
  [0x202b, "RIGHT-TO-LEFT EMBEDDING"],
  [0x202c, "POP DIRECTIONAL FORMATTING"],
  [0x202d, "LEFT-TO-RIGHT OVERRIDE"],
  [0x202e, "RIGHT-TO-LEFT OVERRIDE"],
  [0x2066, "LEFT-TO-RIGHT ISOLATE"],
  [0x2067, "RIGHT-TO-LEFT ISOLATE"],
  [0x2068, "FIRST STRONG ISOLATE"],
  [0x2069, "POP DIRECTIONAL ISOLATE"],
]);

/**
 * Free text shown to people (display-text.ts): line breaks, tabs and directional marks normalised,
 * then trimmed; control characters and bidirectional overrides refused, naming the character.
 */
export const displayText = (maxLength: number) =>
  z.string().check(
    z.overwrite(normalisedDisplayText),
    z.trim(),
    z.minLength(1),
    z.maxLength(maxLength),
    z.superRefine((text, ctx) => {
      const message = refusedCharacter(text);
      if (message !== undefined) ctx.addIssue({ code: "custom", message, input: text });
    }),
  );
