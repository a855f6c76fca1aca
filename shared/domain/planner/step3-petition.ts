import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { programUnnamed } from "./h1b-outcome-words.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { matchOutcomeNow } from "./match-day-unreported.ts";
import { passedResultDue } from "./result-later-window.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

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
      scheduledPassed: `Your exam was scheduled for {date}. Did you take it? Tell us the result (or your new date) so the plan stays right; ${needs}, by the petition's date in this plan, {due}.`,
      scheduledResultPending: `Your exam was on {date}; your score is expected around {expected} (advice: scores take about {weeks} weeks to be reported). Tell us the result when it comes; ${needs}, by the petition's date in this plan, {due}.`,
    },
  });
}

/** Step 3's entry with its booked and sat texts speaking of the petition (built once). */
const PETITION_STEP3 = petitionTexts("your program", PETITION_NEEDS);
/** The same before the applicant has told us they matched: Match Day ahead, or past and untold. */
const IF_MATCHED_STEP3: Record<"ahead" | "unreported", CatalogEntry> = {
  ahead: petitionTexts(
    "the program you match with",
    "if the program you match with files an H-1B petition for you, that petition needs your Step 3 pass",
  ),
  unreported: petitionTexts(
    "the program you matched with",
    "if the program you matched with files an H-1B petition for you, that petition needs your Step 3 pass",
  ),
};
const PETITION_ENTRIES: ReadonlySet<CatalogEntry> = new Set([
  PETITION_STEP3,
  ...Object.values(IF_MATCHED_STEP3),
]);

/**
 * The entry Step 3 is planned with: PETITION_STEP3 when step3ForPetition; once ranking is over on
 * the H-1B track before the applicant has said they matched, IF_MATCHED_STEP3 for that outcome;
 * else `entry` unchanged.
 */
export function step3EntryFor(context: PlanContext, entry: CatalogEntry): CatalogEntry {
  if (entry.key !== STEP3.key) return entry;
  if (step3ForPetition(context)) return PETITION_STEP3;
  const outcome = step3PetitionIfMatched(context);
  return outcome === null ? entry : IF_MATCHED_STEP3[outcome];
}

/**
 * Where an H-1B applicant who has not passed Step 3 stands with the Match once ranking is over (the
 * rank order list deadline's later candidate passed too) and before they have told us they
 * matched: "ahead" or "unreported" (matchOutcomeNow); null otherwise.
 */
function step3PetitionIfMatched(context: PlanContext): "ahead" | "unreported" | null {
  if (context.applicant.visa !== "H-1B" || isFinished(statusOf(context, STEP3.key))) return null;
  // While the projected deadline's later candidate is ahead, ranking may still be open: the card
  // keeps its ranking words (and a sat Step 3 its later-window words) until that day has passed.
  const calendar = laterCandidateCalendar(context.calendar) ?? context.calendar;
  const over = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  noteRiskChange(context, over);
  if (context.now <= over) return null;
  const outcome = matchOutcomeNow(context);
  // Monday's "matched" keeps the window's words: where is still not known to us.
  if (outcome === null || outcome === "matched") return null;
  return programUnnamed(outcome) ? "ahead" : "unreported";
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
    return dates.due("visa_h1b") ?? passedResultDue(context, entry, dates.calendar, index);
  return passedResultDue(context, entry, dates.calendar, index);
}

/**
 * How a card of a sitting booked after its last day ends: the Match's ranking, or the petition's
 * Step 3 (before the applicant has said they matched, on the condition that their program files one).
 */
export function tooLateAsBooked(context: PlanContext, key: CatalogEntry["key"]): string {
  if (key !== STEP3.key)
    return `As booked, it is too late for the ${context.calendar.matchYear} Match's ranking.`;
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  if (step3ForPetition(context))
    return `As booked, it is too late for your program's H-1B petition before your residency starts on ${start}.`;
  const outcome = step3PetitionIfMatched(context);
  if (outcome === null)
    return `As booked, it is too late for the ${context.calendar.matchYear} Match's ranking.`;
  const program = outcome === "ahead" ? "the program you match with" : "the program you matched with";
  return `As booked, if ${program} files an H-1B petition for you, it is too late for that petition before your residency starts on ${start}.`;
}
