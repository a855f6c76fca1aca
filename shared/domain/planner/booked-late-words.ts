import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { renderDate, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import {
  cutOffMark,
  dayText,
  lastSittingDay,
  lastSittingEnd,
  moveEarlierEnds,
  sittingCutOffOf,
  sittingDayOf,
} from "./last-sitting-day.ts";
import { expectedAfterDeadline, subjectOf } from "./late-for-ranking-words.ts";
import { laterCandidateClause } from "./later-candidate.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { oetRebookCard } from "./oet-rebook-words.ts";
import { projectedCalendarOf } from "./projected-calendar.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { step3BookedPastWords, step3SatPastTexts } from "./step3-booked-past-petition.ts";
import { step3StatusTexts } from "./step3-petition.ts";

export { tooLateAsBooked } from "./step3-petition.ts";

/**
 * A step's status texts as its card reads them (step3StatusTexts), Step 3 sat past the petition's
 * sit-by day with its result awaited reading step3SatPastTexts: the result comes after the petition's date.
 */
export function step3CardTexts(context: PlanContext, entry: CatalogEntry, due: DueDate | null) {
  const texts = step3StatusTexts(context, entry, due);
  return (entry.key === "usmle_step3" ? step3SatPastTexts(context, due, texts) : null) ?? texts;
}

/** The sittings whose booked-late card keeps the Match (the Match's exams and the Pathway's OET). */
const MATCH_SITTINGS: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>([
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
]);

/**
 * What to do about a sitting booked after its last sitting day while the later candidate keeps the
 * Match (bookedLateCase): "try" (move it to `projectedDay` or earlier, else keep it: before the
 * projected last sitting day begins), "sit" (sit it as booked: from then, booked by the later last
 * sitting day), "moveToLater" (move it to `laterDay`, the later candidate's last sitting day, or
 * earlier: booked after that day, between the two last days). `later`: "16 days before Match Day in
 * 2022–2025, Wed 3 Mar 2027", the candidate's words. ISO days, each with the mark of who sets it
 * (`projectedMark`, `laterMark`: " (our advice)" for a day counted with the reporting allowance),
 * never "(projected)" because the deadline it counts back from is.
 */
export interface BookedLateCase {
  kind: "try" | "sit" | "moveToLater";
  projectedDay: string;
  projectedMark: string;
  laterDay: string;
  laterMark: string;
  later: string;
}

/**
 * The one decision the booked-late card (bookedLateWords) and EXAMS_LATE_FOR_RANKING both say, so
 * the card and the emailed risk never give opposite instructions.
 * `at`: the booked sitting's local midnight; `due`: the step's due date (cut-off or sitting day).
 * Null for another step, a confirmed deadline (no later candidate), a sitting after the later last
 * sitting day before the projected one ends (today's words: move it by the projected day) or once
 * the later last sitting day has passed for such a sitting (the Match is then written off).
 */
export function bookedLateCase(
  context: PlanContext,
  key: MilestoneKey,
  at: number,
  due: DueDate,
): BookedLateCase | null {
  if (!MATCH_SITTINGS.has(key)) return null;
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return null;
  const laterCutOff = sittingCutOffOf(later, key);
  const laterEnd = lastSittingEnd(context.zone, laterCutOff);
  // From the last sitting day itself, no move to it: kept as booked.
  const projectedEnd = moveEarlierEnds(context.zone, sittingDayOf(due));
  noteRiskChange(context, projectedEnd);
  const words = candidateWords(context.calendar);
  const base = {
    projectedDay: sittingDayOf(due),
    projectedMark: basisMark(due),
    laterDay: lastSittingDay(laterCutOff),
    laterMark: cutOffMark(later, key),
    later: words,
  };
  if (at >= laterEnd) {
    // Past the later candidate's last sitting day too: while that day is ahead
    // the plan keeps the Match (any seat by it), so the texts name it as the day to move the sitting to.
    if (context.now >= laterEnd || context.now < projectedEnd) return null;
    noteRiskChange(context, laterEnd);
    return { kind: "moveToLater", ...base };
  }
  return { kind: context.now >= projectedEnd ? "sit" : "try", ...base };
}

/**
 * The local midnight of the later candidate's last sitting day for `key` (a Match sitting), or null
 * (another step, a confirmed deadline): a booked-late sitting can still be moved to it, so the
 * risk's "or you are withdrawn" names the later candidate while it is ahead.
 */
export function laterLastSittingStart(context: PlanContext, key: MilestoneKey): number | null {
  if (!MATCH_SITTINGS.has(key)) return null;
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return null;
  return startOfLocalDate(context.zone, lastSittingDay(sittingCutOffOf(later, key)));
}

/**
 * A booked sitting's card after its last sitting day (`due`) while the plan keeps the Match,
 * never "As booked, it is too late" when the result may still come
 * in time, because the reporting allowance is cautious (advice) and the projected deadline's later
 * candidate (projection-rules.json `latestCandidate`) would still take it. `first`: the card's
 * first sentence (filled), `booked`: the sitting's ISO day, `at`: its local midnight. Before the last
 * sitting day begins: "try to move it to <day> or earlier…; if no earlier seat is open, keep <booked>";
 * from then: "sit it as booked on <booked> and tell us the result". Booked after the later
 * candidate's last sitting day too, while that day is ahead: "move it to <that day> (our advice) or
 * earlier". Null (today's words) when bookedLateCase is. H-1B Step 3 (its result
 * due before ranking) likewise, naming the later candidate (step3BookedLate); booked past the
 * later candidate's last sitting day too, it is too late as booked for both (null); booked past the
 * H-1B petition's sit-by day once that day has passed, the petition's out-of-reach words (step3BookedPastWords).
 */
export function bookedLateWords(
  context: PlanContext,
  key: MilestoneKey,
  first: string,
  booked: string,
  at: number,
  due: DueDate,
): string | null {
  if (key === "usmle_step3") {
    // Booked past the H-1B petition's sit-by day once it has passed: out of reach, as the visa risk says.
    const past = step3BookedPastWords(context, due);
    if (past !== null) return `${first} ${past}`;
    const later = laterCandidateCalendar(context.calendar);
    if (later === null) return null;
    const laterEnd = lastSittingEnd(context.zone, sittingCutOffOf(later, key));
    return at >= laterEnd ? null : step3BookedLate(context, first, booked, due);
  }
  const laid = laidOnLaterCard(context, key, first, at, due);
  if (laid !== null) return laid;
  const found = bookedLateCase(context, key, at, due);
  // The OET to re-book: one last sitting day and its booking day.
  if (key === "oet_medicine" && (found === null || found.kind === "moveToLater"))
    return oetRebookCard(context, booked, due);
  if (found === null) return null;
  const year = context.calendar.matchYear;
  if (found.kind === "moveToLater")
    return moveToLaterWords(context, first, `${dayText(found.laterDay)}${found.laterMark}`, found.later);
  const why = `our allowance is cautious, and the ${year} deadline, projected, may be later`;
  if (found.kind === "sit")
    return `${first} Sit it as booked on ${dayText(booked)} and tell us the result: it may still come in time (${why}).`;
  return `${first} Try to move it to ${dayText(found.projectedDay)}${found.projectedMark} or earlier, and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: the result may still come in time (${why}).`;
}

/**
 * H-1B Step 3 booked after its projected last sitting day (`due`) but by the later candidate's:
 * both sides, as the Step 2 CK card has them, with the later candidate named
 * (laterCandidateClause), the same words as STEP3_NEEDED_FOR_H1B's (step3-risk.ts laterBookedWords).
 */
function step3BookedLate(context: PlanContext, first: string, booked: string, due: DueDate): string {
  const passedAt = moveEarlierEnds(context.zone, sittingDayOf(due));
  noteRiskChange(context, passedAt);
  const inTime = `${laterCandidateClause(context)}, its result is in time for it`;
  if (context.now >= passedAt)
    return `${first} Sit it as booked on ${dayText(booked)} and tell us the result: ${inTime}.`;
  return `${first} Try to move it to ${dayText(sittingDayOf(due))}${basisMark(due)} or earlier, and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: ${inTime}.`;
}

/** "16 days before Match Day in 2022–2025, Wed 3 Mar 2027": the later candidate of `calendar`'s deadline. */
function candidateWords(calendar: SeasonCalendar): string {
  const candidate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  return `${candidate?.said ?? "its later candidate"}${candidate === undefined ? "" : `, ${renderDate(candidate.date)}`}`;
}

/** A booked sitting's card telling it to move to the later candidate's last sitting day (`day`, with its mark). */
function moveToLaterWords(context: PlanContext, first: string, day: string, later: string): string {
  return `${first} Move it to ${day} or earlier, and tell us the new date: a sitting by then can still count if NRMP's ${context.calendar.matchYear} deadline turns out later (${later}). As booked, by our cautious allowance its result would come after both deadlines.`;
}

/**
 * The card of a USMLE exam booked past both last sitting days, laid on the later candidate's
 * calendar (later-candidate-steps.ts bookedPastBoth), that candidate's last sitting day `due`: while
 * it is ahead, bookedLateCase's moveToLater words, as EXAMS_LATE_FOR_RANKING says them; once it has
 * passed, the risk's one verdict, the Match on a result sooner than our allowance by the projected
 * deadline, never "As booked, it is too late" beside it. Null on any other calendar or for another step.
 */
function laidOnLaterCard(
  context: PlanContext,
  key: MilestoneKey,
  first: string,
  at: number,
  due: DueDate,
): string | null {
  if (context.calendar.laterCandidate !== true || (key !== "usmle_step1" && key !== "usmle_step2ck"))
    return null;
  const projectedCalendar = projectedCalendarOf(context.calendar);
  if (context.now < lastSittingEnd(context.zone, due.at))
    return moveToLaterWords(
      context,
      first,
      `${dayText(sittingDayOf(due))}${cutOffMark(context.calendar, key)}`,
      candidateWords(projectedCalendar),
    );
  const days = catalogEntry(key).reportingDays?.days ?? SCORE_REPORTING_DAYS;
  // Said by the projected deadline, as the risk says it: the later candidate's day has passed.
  const projected = contextWith(context, { calendar: projectedCalendar });
  const expected = expectedAfterDeadline(projected, subjectOf(key), key, shiftDays(at, context.zone, days));
  return `${first} ${expected}: book an earlier date if one is open, else sit it as booked and tell us the result.`;
}
