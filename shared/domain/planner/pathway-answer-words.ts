import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { inTheMatchIf } from "./awaited-confirmation.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/**
 * The Pathway card after the rank order list deadline for a Pathway in progress with no date beside
 * a certified list: it went in before the deadline, and ECFMG's review (weeks) is over or nearly, so
 * the card asks for the answer, never a review time, a next Match's deadline or "submit it as soon as
 * you can", which can no longer help this Match.
 * While the Match stays live on it (inTheMatchIf), it says what the answer decides. Null otherwise.
 */
export function pathwayAnswerAction(context: PlanContext): string | null {
  if (!pathwayAwaitsAnswer(context)) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const ask =
    "Did ECFMG accept your Pathway? Tell us: mark this step done if it did, or tell your advisor if ECFMG refused it, so the plan can set up your next Pathway.";
  if (inTheMatchIf(context) === null)
    return `${ask} If it did and you matched, tell us where you matched too: your plan returns to the ${context.calendar.matchYear} Match.`;
  return `Your Pathway was in progress at the rank order list deadline, ${renderDate(localDate(ET_ZONE, rol))} (ET): if ECFMG accepted it by then, you are in the Match (see Match Week, SOAP and Match Day). ${ask}`;
}

/**
 * Whether the Pathway card is a question (pathwayAnswerAction): after the rank order list deadline,
 * a Pathway in progress with no date beside a certified list. Such a card has no date to meet: it
 * is never overdue, and it reads after Match Day's "tell us where you matched", which comes first
 * once Match Day has passed (the Pathway led as overdue).
 */
export function pathwayAwaitsAnswer(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // Moved to a later Match, the list certified for this one is kept among pastSeasonEntries.
  const certified =
    statusAt(context, RANK_ORDER_LIST.index) === "done" ||
    context.pastSeasonEntries.get(RANK_ORDER_LIST.key)?.status === "done";
  if (context.now <= rol || !certified) return false;
  const entry = context.entries.at(PATHWAY.index);
  return entry?.status === "in_progress" && entry.date === undefined;
}
