/**
 * A catalog status text split once at its placeholders ({date}, {due}, {weeks}, {rankingOpens}):
 * literal, placeholder, literal, ... fill (step-text.ts) fills the parts on every plan.
 */
export function templateParts(text: string): string[] {
  // The last text met in its slot (by length) first: a comparison with the same catalog text, where
  // the Map's look-up of a whole text was fill's costliest line (planner bench: ~11 a plan, most
  // with no placeholder at all). Any other text, or a collision, goes on to the Map.
  const slot = text.length & (PART_SLOTS - 1);
  if (slotTexts[slot] === text) return slotParts[slot] as string[];
  let parts = templateCache.get(text);
  if (parts === undefined) {
    parts = text.split(/\{(date|due|weeks|rankingOpens)\}/);
    templateCache.set(text, parts);
  }
  slotTexts[slot] = text;
  slotParts[slot] = parts;
  return parts;
}

const templateCache = new Map<string, string[]>();
const PART_SLOTS = 256;
const slotTexts: (string | undefined)[] = new Array(PART_SLOTS).fill(undefined);
const slotParts: (string[] | undefined)[] = new Array(PART_SLOTS).fill(undefined);
