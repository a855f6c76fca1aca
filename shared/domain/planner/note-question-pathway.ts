import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { when } from "./day-words.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { presumedSent } from "./presumed-sent.ts";

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * The Pathway application's own day for ANSWERS_CONTRADICT_INTERVIEW's "if the note is there":
 * with the Pathway not started and its projected deadline ahead, that day
 * decides whether any rank order list can count, so the question names it first: "Sun 27 Dec 2026,
 * 7:00 AM GMT+5 (Sat 26 Dec 2026, 9:00 PM ET) (projected: ECFMG's 2027 deadline is not confirmed)".
 * "" otherwise (submitted, presumed sent by the interview, or the day passed).
 */
export function notePathwayDay(context: PlanContext): string {
  if (statusAt(context, PATHWAY.index) !== "not_started" || presumedSent(context, PATHWAY.index)) return "";
  const due = pathwayDeadline(context.calendar);
  if (due === null || context.now > due) return "";
  return `${when(context, due)} (projected: ECFMG's ${context.calendar.matchYear} deadline is not confirmed)`;
}
