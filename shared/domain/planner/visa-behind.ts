import { PROGRAM_ANSWER_TITLE } from "../act-by-day-labels.ts";
import type { CatalogEntry } from "../catalog/index.ts";
import { dateTag } from "../date-basis.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { PlanContext } from "./context.ts";
import { type ContractNeededBy, contractNeededBy, contractWaitingWords } from "./contract-needed-by.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { shapedDueDate } from "./due-date.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { certificateHolds } from "./j1-certificate-late.ts";
import { capitalised } from "./presumption-evidence.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { step3AwaitsProgram } from "./step3-after-ranking.ts";
import { timedReminder } from "./timed-reminder.ts";
import { visaDateLostWords } from "./visa-date-lost.ts";
import { visaInterviewBookedLate } from "./visa-interview-booked-late.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { derivedStepPastWords, visaDateHolds } from "./visa-step-late.ts";
import { weeklyToDay } from "./weekly-to-day.ts";

/** The ladder a visa step behind is chased on, against residency's start (reminder-ladders.json says why). */
export const VISA_BEHIND_LADDER = "visa-behind";
/** The follow-ups' rung name (each id: `visa-behind-<cut>-of-<parts>` and the start). */
const VISA_BEHIND_RUNG = "visa-behind";

/** The contract's why with no visa to get (the catalog's names the visa paperwork that starts from it). */
const NO_VISA_CONTRACT_WHY =
  "Your program sends the appointment contract after the Match; orientation and your start wait on it signed.";

/**
 * A step of the visa chain after the Match (catalog stage "visa": the contract, the J-1 or H-1B route's
 * steps, and on H-1B the Step 3 pass the petition needs) past the
 * date the plan gives it, once the applicant has matched (VISA_NOT_READY_FOR_START's reading), while it is the applicant's to do (the caller passes only a next step, never
 * one waiting on another) and residency has not started: reminded at least weekly until it is done
 * or the start comes (matched on J-1 with the chain behind, one critical notice, then
 * silence until the start). The one mechanism for chasing a step up to a deciding day (weeklyToDay):
 * follow-ups from the missed date at the ladder's cadence, then the ladder's rungs before the start
 * and the week-before notice. Ids hang on the step, its missed date and the start, never on `now`.
 * Each carries the missed date (Reminder.overdueSince), which displays show in place of the start.
 * Appended to `into`.
 */
export function visaBehindReminders(
  context: PlanContext,
  entry: CatalogEntry,
  missed: DueDate,
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  // Step 3 (stage visa, an exam) has its own weekly chase to FSMB's apply-by day (step3-apply-by.ts),
  // which comes before its date: past that date, matched on H-1B, it is chased here like the petition
  // that needs it, or an overdue Step 3 would go silent until the start.
  const start = residencyStartDue(stepDates.calendar);
  // The J-1 certificate the DS-2019 waits for is held to the DS-2019's date: chased as the chain's step.
  const certificate = entry.key === "ecfmg_certification" ? certificateHolds(context, stepDates) : null;
  const chained = certificate === null ? entry : { stage: "visa" as const };
  if (!visaStepBehind(context, chained, missed.at, start.at)) return;
  // Labelled by who sets the date, as every display labels it (dateTag): most of the chain is our advice.
  const missedTag = dateTag(missed);
  // The contract is behind once the step waiting on it is (contractDueNow): it says which.
  const programs = entry.key === "contract" ? contractNeededBy(context, stepDates) : null;
  // Step 3 past its day for the petition waits on the program's answer (a later start or a J-1), as
  // its card asks: the chase says so, never "not done yet" of an exam the card says not to book yet.
  const answer = entry.key === "usmle_step3" && step3AwaitsProgram(context, missed);
  const missedWords = `${stepDates.rendered(missed).local}${missedTag === undefined ? "" : ` (${missedTag})`}`;
  // The plan's verdict that the visa's own date can no longer be met: the chase says it too.
  const lost =
    programs === null && !answer ? visaDateLostWords(context, entry, missedWords, stepDates) : null;
  // A date counted back from the visa's, past while the visa's own date holds: what to ask, not "not done yet".
  const holds =
    lost === null && programs === null && !answer && visaDateHolds(context, entry, missed.at, stepDates);
  // A consular interview booked for a later day: the chase names it, as the critical notice does.
  const interview = visaInterviewBookedLate(context, entry.key, missed);
  // With no visa to get, the start waits on the signed contract alone: the chase names no visa.
  const noVisa = context.applicant.visa === "none";
  const whyText = noVisa && entry.key === "contract" ? NO_VISA_CONTRACT_WHY : entry.why.text;
  const startNeeds = noVisa
    ? "your contract must be signed"
    : changeOfStatus(context)
      ? "your change of status must be approved"
      : "your visa must be ready";
  const laid: TimedReminder[] = [];
  weeklyToDay(
    context,
    entry,
    {
      passed: missed.at,
      dueAt: start.at,
      detail: stepDates.rendered(start),
      title: answer ? PROGRAM_ANSWER_TITLE : entry.title,
      why:
        certificate !== null
          ? `${certificate.sentence} ${whyText}`
          : lost !== null
            ? `${lost} ${whyText}`
            : holds
              ? `${derivedStepPastWords(context, entry, missedWords, stepDates)}. ${whyText}`
              : `${programs !== null ? contractBehindWords(programs, missedWords, !changeOfStatus(context)) : answer ? programAnswerWords(missedWords) : interview !== null ? `${capitalised(interview.words)}: ask the consulate for an earlier or expedited appointment and keep your program's GME office informed (advice)` : `This step was due by ${missedWords} and is not done yet`}; ${startNeeds} before residency starts on ${residencyStartWords(stepDates.calendar.dates.residency_start, [])}. ${whyText}`,
      rung: VISA_BEHIND_RUNG,
      ladder: VISA_BEHIND_LADDER,
      lay: true,
    },
    laid,
  );
  // Every one names the missed date, never the start it counts down to: the
  // subject, the Due line and the why say one date. Their ids and send times are the chase's own.
  // Step 3 waiting on the program too: its card, the overdue list and the critical notice say
  // "overdue since" that day, so its question (asksProgramAnswer) shows no second date, the start.
  const overdueSince = stepDates.rendered(missed);
  for (const each of laid) {
    const made = timedReminder(
      each.sendAt,
      each.deadline,
      reminderWith(each.reminder, { overdueSince }),
      each.late,
      each.fixed,
      each.notice,
    );
    made.missedAt = each.missedAt;
    into.push(made);
  }
}

/** Why the contract behind is chased: the step waiting on it, and what to ask the program (`stamped`: a consular H-1B). */
function contractBehindWords(needed: ContractNeededBy, missedWords: string, stamped: boolean): string {
  // The petition's planned filing day leaves no room before the visa's own date (h1bPetitionLastDay's
  // verdict comes the next morning): the chase says which day that is, not only "our advice".
  const lastFiling =
    needed.step?.key === "visa_h1b" && stamped
      ? ", the last day your program could file your H-1B petition with premium processing and still have your visa stamped by its date"
      : "";
  return `Your program's contract is not marked signed yet, and ${contractWaitingWords(needed)}: this plan needed it signed by ${missedWords}${lastFiling}. If it has not reached you, ask your program's GME office today when it will send it`;
}

/**
 * The weekly question of Step 3 waiting on the program (step3AwaitsProgram), and what to do with
 * each answer, as its card says: the chase asks it every week rather than calling a day of our
 * advice overdue. The next-step order is our advice.
 */
function programAnswerWords(missedWords: string): string {
  return `Step 3's last day for your program's H-1B petition, ${missedWords}, has passed, so the H-1B for your start date is likely out of reach unless your program starts you later or takes you on a J-1. Has it answered? If it will start you later and keep the H-1B, begin Step 3 the day it says so, as its next step says (our advice). If it takes you on a J-1, switch your visa track to J-1 and request your Statement of Need at once. If it has not answered yet, ask its GME office again this week (our advice)`;
}

/**
 * The contract's deadline with the applicant matched: the date the plan needs it by
 * (contractNeededBy: the visa step waiting on it, the J-1 sponsorship or the H-1B petition; with no
 * visa, orientation), when later than our date for it (two weeks after Match Day, advice). Programs
 * set their own signing window, so our date is its target, ahead and then passed; past the needed
 * date too, the contract is overdue since it, as the step waiting on it is. `due` otherwise. The
 * same deadline whatever `now` (it read "Due Fri 2 Apr" until that day passed, then "Due Mon 5 Apr").
 */
export function contractDueNow(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
  stepDates: PlanDates,
): DueDate | null {
  if (entry.key !== "contract" || due === null || !visaChainMatched(context)) return due;
  const needed = contractNeededBy(context, stepDates);
  return needed === null || needed.due.at <= due.at ? due : neededDue(needed);
}

/**
 * The needed date as the contract's own deadline, its rule saying which step needs it: one object
 * per waiting step's DueDate (shared by every plan of the season), so PlanDates renders it once.
 */
function neededDue(needed: ContractNeededBy): DueDate {
  let known = neededDues.get(needed.due);
  if (known === undefined) {
    const by = needed.step === null ? "orientation" : `the ${needed.step.advisorName}`;
    known = shapedDueDate({
      ...needed.due,
      source: `the date ${by} waiting on the contract is planned by (${needed.due.source}); advice: the signed contract comes before it`,
    });
    neededDues.set(needed.due, known);
  }
  return known;
}
const neededDues = new WeakMap<DueDate, DueDate>();

/**
 * The one rule for a visa step behind (the chase above and the critical notice riding on it:
 * critical-risk-notice.ts): a step of the visa chain, the applicant matched, its date `missedAt`
 * passed before residency's start `startAt`, which is still ahead. Its displays then say
 * "Overdue since <that date>", never "Due <the start>".
 */
export function visaStepBehind(
  context: PlanContext,
  entry: Pick<CatalogEntry, "stage">,
  missedAt: number,
  startAt: number,
): boolean {
  if (entry.stage !== "visa" || !visaChainMatched(context)) return false;
  return startAt >= context.now && missedAt < startAt && missedAt < context.now;
}
