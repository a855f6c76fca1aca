import { NEEDED_FOR_RANKING } from "../catalog/index.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { reportsBeingInTheMatch } from "./in-the-match.ts";
import { resultsAfterDeadline } from "./season-over-state.ts";

const RANK_ORDER_LIST = indexedStep("rank_order_list");
const NEEDED_AT: readonly number[] = NEEDED_FOR_RANKING.map((key) => indexedStep(key).index);

/**
 * The context with a certified rank order list refused (`rolRefused.reason` "withdrawn") once the
 * rank order list deadline has passed and an exam or the Pathway NRMP needs is reported done on a
 * day after the deadline's local day (resultsAfterDeadline; a date on that day keeps the doubt).
 * Fact sheet, row "Exam status NRMP needs before ranking" (official, NRMP "What requirements for
 * ECFMG certification must I complete…"): ECFMG must confirm the exams and the Pathway by that
 * deadline, otherwise NRMP withdraws the applicant from the Match and from SOAP. The list then counts
 * for nothing: the season is over for them (SEASON_OVER, its withdrawn words) and the plan moves to
 * the next Match, no Match Week or SOAP. Not for an applicant who
 * reports being in the Match (reportsBeingInTheMatch: NRMP kept them, so the late date is a slip),
 * nor while another of those steps is not finished: feasibility already judges that list (its
 * MATCH_YEAR_NOT_FEASIBLE says a certified list counted only if ECFMG confirmed them in time).
 * The same context otherwise; before the deadline, one comparison.
 */
export function withdrawnByLateResult(context: PlanContext): PlanContext {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now <= rol || statusAt(context, RANK_ORDER_LIST.index) !== "done") return context;
  for (const index of NEEDED_AT)
    if (context.applicable[index] === true && !isFinished(statusAt(context, index))) return context;
  if (reportsBeingInTheMatch(context) || resultsAfterDeadline(context) === "") return context;
  const date = context.entries.at(RANK_ORDER_LIST.index)?.date ?? null;
  const entries = context.entries.copy();
  entries.set({ key: "rank_order_list", status: "not_started" });
  const statuses = context.statuses.slice();
  statuses[RANK_ORDER_LIST.index] = "not_started";
  return contextWith(context, { entries, statuses, rolRefused: { reason: "withdrawn", date } });
}
