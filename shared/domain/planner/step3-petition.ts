import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { matchOutcomeNow } from "./match-day-unreported.ts";
import { passedResultDue } from "./result-later-window.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { isPetitionDate, markPetitionDate, step3DueKind } from "./step3-petition-dates.ts";
import { interviewName } from "./visa-interview-booked-late.ts";

/**
 * Step 3 of a matched H-1B applicant once ranking is over: the
 * program's H-1B petition needs the Step 3 pass, so the step's words, date and risks speak of the
 * petition and the residency start, never of rank lists: a booked sitting is judged against the
 * petition's sit-by day (step3DueNow), a sitting past is due by the petition step's own date in the
 * plan (visa_h1b's), and booked too late is too late for the petition before residency starts.
 * Before the applicant reports the Match outcome (Match Day done, or the contract begun), today's
 * words stand.
 */

const STEP3 = catalogEntry("usmle_step3");

/** Whether Step 3 is the petition's: H-1B, matched, past the rank order list deadline, not passed. */
export function step3ForPetition(context: PlanContext): boolean {
  if (context.applicant.visa !== "H-1B" || isFinished(statusOf(context, "usmle_step3"))) return false;
  if (context.now <= context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at)
    return false;
  // Matched as visa-start-risk.ts's hasMatched reads it: Match Day done, or the contract begun.
  return isFinished(statusOf(context, "match_day")) || statusOf(context, "contract") !== "not_started";
}

const PETITION_NEEDS = "your program's H-1B petition needs your Step 3 pass";

/**
 * Step 3's booked and sat texts once ranking is over: they speak of the H-1B petition of `program`
 * ("your program", or the program the applicant matches or matched with, not yet told), never of
 * rank lists, which are certified by then.
 */
function petitionTexts(program: string, needs: string): CatalogEntry {
  return Object.freeze({
    ...STEP3,
    statusActions: {
      ...STEP3.statusActions,
      scheduledAfterDeadline: `Your exam is on {date}, after {due}, the last day to sit it for the result to reach ${program} in time for its H-1B petition. Move it earlier: take it by {due}, and tell us the new date.`,
      scheduledUndated: `You told us your exam is booked but not its date. Tell us the date (use Scheduled for…) so we can check that its result reaches ${program} in time for its H-1B petition: take it by {due}.`,
      scheduledPassed: `Your exam was scheduled for {date}. Did you take it? Tell us the result (or your new date) so the plan stays right; ${needs}, by the petition's date in this plan, {due}.`,
      scheduledResultPending: `Your exam was on {date}; your score is expected around {expected} (advice: scores take about {weeks} weeks to be reported). Tell us the result when it comes, or your new date if you rescheduled; ${needs}, by the petition's date in this plan, {due}.`,
    },
  });
}

/** Step 3's entry with its booked and sat texts speaking of the petition (built once). */
const PETITION_STEP3 = petitionTexts("your program", PETITION_NEEDS);
/**
 * The same before the applicant has told us where they matched, in the tense of the outcome:
 * "match" while no match is known (Match Day ahead, or ranking still open with Step 3 held to the
 * petition's day), "matched" once they matched (Monday's "Matched") or Match Day has passed untold.
 */
const IF_MATCHED_STEP3: Record<PetitionTense, CatalogEntry> = {
  match: petitionTexts(
    "the program you match with",
    "if the program you match with files an H-1B petition for you, that petition needs your Step 3 pass",
  ),
  matched: petitionTexts(
    "the program you matched with",
    "if the program you matched with files an H-1B petition for you, that petition needs your Step 3 pass",
  ),
};
const PETITION_ENTRIES: ReadonlySet<CatalogEntry> = new Set([
  PETITION_STEP3,
  ...Object.values(IF_MATCHED_STEP3),
]);
type PetitionTense = "match" | "matched";
const PROGRAM: Readonly<Record<PetitionTense, string>> = {
  match: "the program you match with",
  matched: "the program you matched with",
};

/**
 * The entry Step 3 is planned with: PETITION_STEP3 when step3ForPetition; once ranking is over on
 * the H-1B track before the applicant has said where they matched, IF_MATCHED_STEP3 for that
 * outcome's tense; else `entry` unchanged.
 */
export function step3EntryFor(context: PlanContext, entry: CatalogEntry): CatalogEntry {
  if (entry.key !== STEP3.key) return entry;
  if (step3ForPetition(context)) return PETITION_STEP3;
  const tense = step3PetitionIfMatched(context);
  return tense === null ? entry : IF_MATCHED_STEP3[tense];
}

/**
 * Step 3's status texts for its date `due`: while ranking is still open and Step 3 is held to the
 * petition's day (step3DueNow: in the US, booked or reported after ranking's last day), a booked
 * sitting is judged against that day, so it reads the petition's words for a match not yet known,
 * never the catalog's ranking words beside a day that is not ranking's.
 */
export function step3StatusTexts(context: PlanContext, entry: CatalogEntry, due: DueDate | null) {
  return (petitionDayWhileRanking(context, entry.key, due) ? IF_MATCHED_STEP3.match : entry).statusActions;
}

function petitionDayWhileRanking(
  context: PlanContext,
  key: string,
  due: DueDate | null | undefined,
): boolean {
  return (
    key === STEP3.key && (step3DueKind(due) === "petition" || isPetitionDate(due)) && !rankingOver(context)
  );
}

/**
 * Whether ranking is over: the rank order list deadline's later candidate has passed too (while it
 * is ahead, ranking may still be open).
 */
export function rankingOver(context: PlanContext): boolean {
  const calendar = laterCandidateCalendar(context.calendar) ?? context.calendar;
  const over = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  noteRiskChange(context, over);
  return context.now > over;
}

/**
 * Where an H-1B applicant who has not passed Step 3 stands with the Match once ranking is over and
 * before they have told us where they matched, as the tense of its words (matchOutcomeNow: "match"
 * with Match Day ahead and no match known, else "matched"); null otherwise.
 */
function step3PetitionIfMatched(context: PlanContext): PetitionTense | null {
  if (context.applicant.visa !== "H-1B" || isFinished(statusOf(context, STEP3.key))) return null;
  // The card keeps its ranking words (and a sat Step 3 its later-window words) until ranking is over.
  if (!rankingOver(context)) return null;
  const outcome = matchOutcomeNow(context);
  // Match Day done is step3ForPetition's; none known (no certified list, not matched): no petition.
  if (outcome === null || outcome === "matched") return null;
  return outcome === "ahead" ? "match" : "matched";
}

/**
 * What a sitting whose day has passed is due by: for the petition's Step 3, the petition step's own
 * date in the plan (visa_h1b's due date: the petition needs the pass), else the result's deadline
 * (passedResultDue: the rank order list deadline for a USMLE result).
 */
export function sittingDueNow(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  index: number,
): DueDate | null {
  if (PETITION_ENTRIES.has(entry))
    return petitionDateDue(dates) ?? passedResultDue(context, entry, dates.calendar, index);
  return passedResultDue(context, entry, dates.calendar, index);
}

/**
 * The H-1B petition's own date in `dates` (visa_h1b's due date), marked (markPetitionDate) so Step 3's
 * card, sat and due by it while ranking is still open, reads the petition's words, not ranking's.
 */
export function petitionDateDue(dates: PlanDates): DueDate | null {
  const due = dates.due("visa_h1b");
  if (due !== null) markPetitionDate(due);
  return due;
}

/**
 * How a card of a sitting booked after its last day `due` ends: the Match's ranking, or the
 * petition's Step 3 (before the applicant has said where they matched, on the condition that their
 * program files one; while ranking is open, when Step 3 is held to the petition's day); a consular
 * visa interview (interviewName), residency's start, which its date serves, never ranking's.
 */
export function tooLateAsBooked(
  context: PlanContext,
  key: CatalogEntry["key"],
  due?: DueDate | null,
): string {
  if (interviewName(key) !== undefined)
    return `As booked, your visa may not be in hand by residency's start, ${residencyStartWords(context.calendar.dates.residency_start, [])}.`;
  const ranking = `As booked, it is too late for the ${context.calendar.matchYear} Match's ranking.`;
  if (key !== STEP3.key) return ranking;
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  if (step3ForPetition(context))
    return `As booked, it is too late for your program's H-1B petition before your residency starts on ${start}.`;
  const tense =
    step3PetitionIfMatched(context) ?? (petitionDayWhileRanking(context, key, due) ? "match" : null);
  if (tense === null) return ranking;
  return `As booked, if ${PROGRAM[tense]} files an H-1B petition for you, it is too late for that petition before your residency starts on ${start}.`;
}
