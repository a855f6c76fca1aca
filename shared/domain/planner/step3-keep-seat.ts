import { startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { petitionDue } from "./step3-after-ranking.ts";
import { petitionWords, step3MovableForRanking } from "./step3-move-for-ranking.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * The Step 3 card's half of STEP3_NEEDED_FOR_H1B's advice, for a sitting booked after its last day
 * for ranking while an earlier seat can still be found (step3MovableForRanking) and before the
 * petition's day: "If no earlier seat is open, keep Sat 20 Feb 2027: …". The card, which the
 * timeline and "Your next steps" show alone, said only "move it earlier", inviting the applicant
 * to cancel a seat the petition after the Match still needs. "" otherwise.
 */
export function step3KeepSeatNote(context: PlanContext, dates: PlanDates): string {
  const given = context.entries.at(STEP3_INDEX);
  if (given?.date === undefined || given.status !== "scheduled") return "";
  const day = startOfLocalDate(context.zone, given.date);
  const petition = petitionDue(dates);
  if (petition === null || day >= petition.at) return "";
  if (!step3MovableForRanking(context, dates.due("usmle_step3"), day)) return "";
  return petitionWords(context, day, given.date.slice(0, 10), petition);
}
