/**
 * `text` with its leading word in lower case, to follow other words mid-sentence ("You plan" →
 * "you plan", "Will your program …" → "H-1B visa: will your program …"). A date ("Fri 26 Feb
 * 2027"), a number or a name in capitals ("NRMP", "R3", "MyERAS") is never lower-cased: `text` as
 * is. The one way the planner lower-cases a sentence's start. Pure.
 */
export function lowerFirst(text: string): string {
  if (!LEADING_WORD.test(text) || LEADING_DATE.test(text)) return text;
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** A capitalised word of letters: "You", "Register", "A" (not "NRMP", "R3", "MyERAS"). */
const LEADING_WORD = /^[A-Z][a-z]*\b/;
/** A date as renderDate writes it, weekday or month first: "Fri 26 Feb 2027", "Feb 26". */
const LEADING_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*,? \d/;
