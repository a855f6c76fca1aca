import type { Deadline } from "./plan.ts";

/**
 * A target set for a later step's need (the ECFMG certificate's for ranking on H-1B, for the H-1B
 * petition, for J-1 sponsorship) names that need at the head of its source: "target for <need>:
 * <rule>". The certificate's target switches from ranking to the petition once the rank order list
 * deadline has passed, and two "passed" dates with no name read as one date that moved:
 * named, "for ranking on H-1B: passed Fri 20 Nov" and "for the H-1B petition: passed Tue 12 Jan"
 * are two targets.
 */
const LEAD = "target for ";

/** The source of a target made for `need` ("ranking on H-1B"), by `rule`. */
export function targetForSource(need: string, rule: string): string {
  return `${LEAD}${need}: ${rule}`;
}

/** The need a target was made for (targetForSource), or undefined for a step's own target. */
export function targetNeed(target: Pick<Deadline, "source">): string | undefined {
  if (!target.source.startsWith(LEAD)) return undefined;
  const end = target.source.indexOf(": ", LEAD.length);
  return end < 0 ? undefined : target.source.slice(LEAD.length, end);
}

/**
 * The words before a target's date in a step's row: none while it is ahead; once passed, "target
 * passed " (never a bare "passed on" beside an exam, read as the exam passed), with the need it was
 * made for when it has one ("target for the H-1B petition: passed ").
 */
export function passedTargetWords(target: Pick<Deadline, "source" | "at">, now: string): string {
  if (Date.parse(target.at) >= Date.parse(now)) return "";
  const need = targetNeed(target);
  return need === undefined ? "target passed " : `target for ${need}: passed `;
}
