import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { TURNED_OVERDUE_SOURCES } from "../missed-date-label.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { contractNeededBy } from "./contract-needed-by.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { dueDayOf, fileLineAt } from "./j1-allowances.ts";
import { certificateHolds } from "./j1-certificate-late.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { petitionApprovalDue } from "./petition-approval.ts";
import { residencyAhead } from "./residency-started.ts";
import { startLastDayOf } from "./start-last-day.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { J1_FILE, j1FileVerdict, visaDateAtRiskFrom } from "./visa-step-late.ts";

// When a matched visa-chain step past our allowance is behind our plan, and the day it turned overdue
// (behind-our-plan.ts marks the plan and its reminders with them).

/**
 * The instant up to which a matched applicant's visa-chain step past its date is behind our plan
 * rather than overdue: when the visa's own date it is counted back from comes at risk
 * (visaDateAtRiskFrom, the instant VISA_STEP_LATE gives way to VISA_NOT_READY_FOR_START); for the
 * contract, that of the step waiting on it (contractNeededBy, as contractStillAwaited reads it); for
 * the J-1 certificate the DS-2019 waits for (certificateHolds), the DS-2019's; where a last day keeps
 * the start (startLastDayOf: the J-1 file's steps, the petition not filed), the end of that day. Null for any other step,
 * before the Match, with no visa to get (the contract then needed by orientation, a date of its own),
 * or once a J-1 verdict speaks for the sponsorship file (j1FileVerdict: the visa's date past reach or
 * the start out of reach).
 */
export function behindOurPlanUntil(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
): number | null {
  const atRisk = visaDateAtRisk(context, entry, dates);
  if (atRisk === null) return null;
  // The last day to keep the start is the one day to act by: behind our plan until it is over.
  const last = startLastDayOf(context, atRisk.waiting, dates);
  if (last !== null) return last.endAt;
  if (context.applicant.visa === "J-1" && j1FileVerdict(context, dates)) return null;
  return atRisk.from;
}

/**
 * The step's own planned day (`planned`, the one it was due by, or the step waiting on it's) and the
 * instant the visa's date came at risk from it (`from`: visaDateAtRiskFrom), whatever a J-1 verdict
 * says now (behindOurPlanUntil's reading, before its verdict test); null as there.
 */
export function visaDateAtRisk(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
): { waiting: string; planned: number; from: number } | null {
  if (entry.key === "match_day") return matchDayUntoldAtRisk(context, dates);
  // Matched and untold on a J-1: the J-1 verdicts judge the file already, so its steps read as told.
  if (!visaChainMatched(context) && !matchedUntoldOnJ1(context)) return null;
  let waiting: Pick<CatalogEntry, "key" | "due"> | null = entry;
  // The petition filed (in progress) is dated by USCIS's approval (petitionApprovalDue), as its card
  // and VISA_STEP_LATE read it: the visa's date is at risk half-way from that day, not from the filing's.
  // On a change of status (the stamping waived) the approval is the status: the start is at risk
  // past the approval's last day before it (visaDateAtRiskFrom), not half-way to a visa.
  const approval = entry.key === "visa_h1b" ? petitionApprovalDue(context, dates) : null;
  let planned = (approval ?? dates.due(entry.key as MilestoneKey))?.at;
  if (entry.key === "contract") {
    const needed = contractNeededBy(context, dates);
    waiting = needed?.step ?? null;
    planned = needed?.due.at;
  } else if (entry.key === "ecfmg_certification") {
    waiting = certificateHolds(context, dates) === null ? null : catalogEntry("j1_ds2019");
    planned = dates.due("j1_ds2019")?.at;
  } else if (entry.stage !== "visa") return null;
  if (waiting === null || planned === undefined) return null;
  const from = visaDateAtRiskFrom(context, waiting, planned, dates);
  return from === null ? null : { waiting: waiting.key, planned, from };
}

/**
 * The day a J-1 sponsorship file's step (or the contract the file waits on) turned from behind our
 * plan to overdue, once it has passed (context.now: a reminder laid for later keeps the planned day
 * until the plan is made again at that turn, a risk-change instant): the last day on which the
 * chain's own allowances still brought the visa by its date (the day before the earlier of
 * visaDateAtRiskFrom's instant and the file's line), a whole day of the applicant's, our advice.
 * Past it the step is overdue since that day, not since our earlier allowance, on which nothing was
 * lost: every surface names this one. Null otherwise (another step, at risk from its own day; still
 * behind; `shown`, the date a surface shows, not the planned day but a date of another rule).
 */
export function visaDateMissedDay(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "stage">,
  dates: PlanDates,
  shown: number,
  at = context.now,
): DueDate | null {
  const atRisk = visaDateAtRisk(context, entry, dates);
  const last = atRisk === null ? null : startLastDayOf(context, atRisk.waiting, dates);
  if (atRisk !== null && last !== null) {
    // The last day to keep the start (startLastDayOf): its planned day until that day is over (at
    // `at`: a reminder's own send time), then overdue since that last day, the one it was told to act by.
    if (at < last.endAt) return null;
    if (shown !== atRisk.planned && shown !== dates.due(entry.key as MilestoneKey)?.at) return null;
    return shapedDueDate({ ...last.due, source: TURNED_OVERDUE_SOURCES.startLastDay });
  }
  // The J-1 sponsorship file's steps (and the contract the file waits on), and the H-1B petition filed
  // (its approval is USCIS's, half the time to the stamping its room), alone have room between our
  // allowance and that last day. The petition not yet filed: its planned day is itself the last filing
  // day that keeps the visa's date (h1bPetitionLastDay's verdict comes the next morning); the
  // certificate the DS-2019 waits for is overdue from the DS-2019's day: each stays the day it missed.
  const filed = atRisk?.waiting === "visa_h1b" ? petitionApprovalDue(context, dates) : null;
  if (atRisk === null || (filed === null && !J1_FILE.has(atRisk.waiting as MilestoneKey))) return null;
  // Still behind our plan (behindOurPlanUntil): its planned day stands.
  const until = behindOurPlanUntil(context, entry, dates);
  if (until !== null && context.now < until) return null;
  // A file step still open: the visa's date came at risk, before half the allowance was gone, the
  // morning the file's fastest road left (ECFMG's shorter review, the consular month) first brought
  // the visa after its date (fileLineAt, visaDatePastReach's own line), whatever verdict speaks now.
  const visa = filed === null ? dates.due("visa_j1") : null;
  const from =
    visa === null
      ? atRisk.from
      : Math.min(atRisk.from, Math.max(atRisk.planned, fileLineAt(context.zone, dueDayOf(visa))));
  if (from <= atRisk.planned || context.now < from) return null;
  // Only the planned day itself gives way (the contract's: the step waiting on it's), never a date of another rule.
  if (shown !== atRisk.planned && shown !== dates.due(entry.key as MilestoneKey)?.at) return null;
  // The planned day's own kind (a whole day, our advice, with its status), on the later day.
  const planned = filed ?? dates.due(atRisk.waiting as MilestoneKey);
  const source =
    TURNED_OVERDUE_SOURCES[
      filed === null ? "j1File" : changeOfStatus(context) ? "statusPetition" : "filedPetition"
    ];
  return planned === null ? null : shapedDueDate({ ...planned, at: from, source, dayName: undefined });
}

/**
 * Whether a J-1 applicant told us in Match Week she matched and has not told us where (Match Day
 * not finished): the J-1 verdicts already judge her file (awaitingDs2019), so Match Day's answer,
 * the one step the contract and the file wait on, reads as the contract's row does, up to
 * residency's start (then the start is late whatever the file: its words say so, from its own date).
 */
export function matchedUntoldOnJ1(context: PlanContext): boolean {
  return (
    context.applicant.visa === "J-1" &&
    !isFinished(statusOf(context, "match_day")) &&
    matchWeekMatched(context) &&
    residencyAhead(context)
  );
}

/**
 * Match Day's answer for one matched and untold (matchedUntoldOnJ1), as visaDateAtRisk reads a step:
 * planned by the contract's date (matchResultDue's, our advice), what waits on it the J-1 file, so
 * past that date it is behind our plan until the file's last day to keep the start is over
 * (startLastDayOf), and says "act by" that day once the verdict names it: the critical read "act by
 * Mon 3 May" while the same email's next step read "overdue: it was due Fri 2 Apr". No last day
 * (the start out of reach before it): overdue since its date, as before.
 */
function matchDayUntoldAtRisk(
  context: PlanContext,
  dates: PlanDates,
): { waiting: string; planned: number; from: number } | null {
  if (!matchedUntoldOnJ1(context)) return null;
  const contract = dates.due("contract");
  return contract === null
    ? null
    : { waiting: "j1_ecfmg_sponsorship", planned: contract.at, from: contract.at };
}
