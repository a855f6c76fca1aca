import { CHECKED_FOR_RANKING } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const MATCH_WEEK = indexedStep("match_week");
const MATCH_DAY = indexedStep("match_day");
const SOAP = indexedStep("soap");
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/**
 * Whether the applicant reports having been in this season's Match after its rank order list
 * deadline: Match Week done (NRMP told them whether they matched) or Match Day done (where), each
 * reported or implied by a later step (the signed contract, the J-1 steps after it), or SOAP taken
 * part in or declined (soapShowsInTheMatch); any one,
 * as a step waived stays waived when a later one implies it. NRMP withdraws an IMG from the Match
 * and from SOAP unless ECFMG confirms Step 1, Step 2 CK and the clinical and communication skills
 * requirement (the Pathway) by that deadline (official:
 * https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/),
 * so such an applicant met them and took part: feasibility has nothing to assess at any time, as
 * for a certified list once the deadline has passed (assessFeasibility). A graduation after
 * residency starts stays CERTIFICATION_AFTER_START's to warn about, as it is after the deadline.
 * Without this rule, a contract reported signed would write the Match off until the deadline, then plan it
 * with the post-Match steps a minute later.
 */
export function reportsBeingInTheMatch(context: PlanContext): boolean {
  return (
    statusAt(context, MATCH_WEEK.index) === "done" ||
    // An outcome told before NRMP could tell it is withdrawn (MATCH_OUTCOME_BEFORE_MATCH_WEEK), but
    // says the applicant is in the Match all the same: not written off.
    context.matchOutcomeEarly !== null ||
    statusAt(context, MATCH_DAY.index) === "done" ||
    soapShowsInTheMatch(context)
  );
}

/** The ECFMG application and what NRMP needs ECFMG to confirm by the rank order list deadline. */
const CONFIRMED_AT: readonly number[] = [
  indexedStep("ecfmg_application").index,
  ...CHECKED_FOR_RANKING.map((key) => indexedStep(key).index),
];

/**
 * The context with the exams and the Pathway done once the applicant reports being in the Match
 * (reportsBeingInTheMatch) from the day ranking opens, on either side of the rank order list
 * deadline as feasibility reads it (a report earlier than that is a data slip, and the exam steps stay):
 * NRMP kept them in it, so ECFMG had
 * confirmed those by the deadline (after Match Week marked done, Match Day
 * stayed "If your USMLE Step 2 CK result reached ECFMG …" and Step 2 CK "overdue: result
 * pending"). The same context when nothing changes.
 */
export function confirmedByTheMatch(context: PlanContext): PlanContext {
  // Before ranking opens no Match of the season has happened: such a report proves nothing yet.
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens.at;
  if (context.now < opens || !reportsBeingInTheMatch(context)) return context;
  let statuses: MilestoneStatus[] | undefined;
  for (const index of CONFIRMED_AT) {
    if (context.applicable[index] !== true || isFinished(statusAt(context, index))) continue;
    statuses ??= context.statuses.slice();
    statuses[index] = "done";
  }
  return statuses === undefined ? context : contextWith(context, { statuses });
}

/**
 * `later` (a moved plan's later Match, enteredLaterMatch) with what being in the entered Match proved
 * (confirmedByTheMatch on `entered`: the exams and the Pathway ECFMG confirmed by its deadline) done
 * too, when the plan moved although the applicant was in that Match (SOAP's outcome, "not
 * matched, not in SOAP"): a Step 2 CK booked before that deadline is no question for the next
 * Match. `later` itself when nothing changes.
 */
export function carriedConfirmation(later: PlanContext, entered: PlanContext): PlanContext {
  if (entered.now < entered.calendar.dates.nrmp_rank_order_list_entry_opens.at) return later;
  if (!reportsBeingInTheMatch(entered)) return later;
  let statuses: MilestoneStatus[] | undefined;
  for (const index of CONFIRMED_AT) {
    if (isFinished(statusAt(later, index)) || statusAt(entered, index) !== "done") continue;
    statuses ??= later.statuses.slice();
    statuses[index] = "done";
  }
  return statuses === undefined ? later : contextWith(later, { statuses });
}

/**
 * SOAP in progress, done, or declined ("Not for me", waived) beside a certified list, from Match
 * Week's Monday (season date
 * nrmp_match_week_start_and_soap_start): NRMP admits to SOAP only applicants it kept in the Match,
 * so taking part shows ECFMG confirmed the exams and the Pathway by the deadline (a
 * SOAP participant whose Step 2 CK result was never reported was written off the morning after Match
 * Day); the SOAP card offers "Not for me" to those who matched, which counts the same: only one kept in the
 * Match can have matched. Before Monday "in progress" means preparing and "Not for me" a choice made ahead,
 * which show nothing.
 */
function soapShowsInTheMatch(context: PlanContext): boolean {
  const status = statusAt(context, SOAP.index);
  if (status === "not_started" || status === "scheduled") return false;
  // Declining proves something only beside a certified list: an intake may send SOAP waived for anyone.
  if (status === "waived" && statusAt(context, RANK_ORDER_LIST.index) !== "done") return false;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= monday) return true;
  noteRiskChange(context, monday);
  return false;
}
