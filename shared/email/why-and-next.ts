import type { Item } from "./reminder-items.ts";

/**
 * An item's why and next step, each paragraph said once: when the step's action begins with the
 * reminder's why (Match Week's Monday question: the action is the why and the Statement of Need),
 * the action alone, under "Next"; when the why is the fuller one, the why alone. Otherwise the
 * action in full and the why's sentences the action does not say (sayOnce): under "Why it matters"
 * while its opening sentence stands, else after the action (Step 3's apply-by notice and its card
 * open with the same long sentence, worded apart only near its end).
 */
export function whyAndNext(item: Pick<Item, "why" | "action">): { why?: string; action?: string } {
  const { why, action } = item;
  if (action === undefined) return { why };
  if (action.startsWith(why)) return { action };
  if (why.startsWith(action)) return { why };
  const rest = sayOnce(why, action);
  if (rest === "") return { action };
  // A why whose opening sentence the action says is a version of it: what it adds goes on after the action.
  return openingOf(rest) === openingOf(why) ? { why: rest, action } : { action: `${action} ${rest}` };
}

function openingOf(paragraph: string): string {
  return paragraph.split(SENTENCE_END)[0] ?? "";
}

/** A sentence's end: its full stop, question or exclamation mark, then the next one's capital. */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z])/;

/**
 * How far two sentences open alike before a reader takes them for one said twice: a long clause
 * (Step 3's shared opening runs to about 255 characters; two different sentences of the catalog
 * share at most their first words). Our judgement on reading, not a fact.
 */
const SAME_OPENING = 80;

/**
 * A sentence that goes on from the one before it ("Then come ECFMG's review …" after the J-1
 * switch): it is one thought with that sentence, kept or left out with it.
 */
const GOES_ON = /^(Then|It|Its|They|Their|So|But|And|Also|Otherwise)\b/;

/**
 * `paragraph` less each sentence `said` already says: the same sentence, or one opening with the
 * same SAME_OPENING characters or more that adds no more after that opening than the opening
 * itself (the same statement worded apart at its end; one that goes on to a new instruction is
 * kept whole). A sentence left out takes the sentences going on from it (GOES_ON) along, so no
 * thought is left without its start. "" when none is left.
 */
export function sayOnce(paragraph: string, said: string): string {
  const known = said.split(SENTENCE_END);
  const kept: string[] = [];
  let dropping = false;
  for (const sentence of paragraph.split(SENTENCE_END)) {
    dropping = (dropping && GOES_ON.test(sentence)) || known.some((other) => sameSentence(sentence, other));
    if (!dropping) kept.push(sentence);
  }
  return kept.join(" ");
}

function sameSentence(one: string, other: string): boolean {
  if (one === other) return true;
  const shared = sharedOpening(one, other);
  return shared >= SAME_OPENING && one.length - shared <= shared && !addsDay(one.slice(shared), other);
}

/**
 * A tail naming a day the other sentence does not name adds a fact, not a wording: Step 3's "so
 * apply now, by Fri 26 Feb 2027 at the latest" is not its card's "so apply now". Lead times worded
 * apart ("about 14 days to process") stay a wording.
 */
function addsDay(tail: string, other: string): boolean {
  for (const day of tail.match(DAYS) ?? []) if (!other.includes(day)) return true;
  return false;
}

/** A day as the emails write it: "26 Feb 2027". */
const DAYS = /\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/g;

/** How many characters two sentences share from their start. */
function sharedOpening(one: string, other: string): number {
  const most = Math.min(one.length, other.length);
  let at = 0;
  while (at < most && one.charCodeAt(at) === other.charCodeAt(at)) at++;
  return at;
}
