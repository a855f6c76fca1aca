import type { MilestoneKey } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import {
  dayText,
  lastSittingDay,
  lastSittingEnd,
  sittingCutOffOf,
  sittingDayEnd,
  sittingDayOf,
} from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { laterCandidateClause } from "./step3-later-candidate.ts";

/** The sittings whose booked-late card keeps the Match (the Match's exams and the Pathway's OET). */
const MATCH_SITTINGS: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>([
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
]);

/**
 * A booked sitting's card after its last sitting day (`due`) while the plan keeps the Match, the
 * lead's ruling on tester t9r F8: never "As booked, it is too late" when the result may still come
 * in time, because the reporting allowance is cautious (advice) and the projected deadline's later
 * candidate (projection-rules.json `latestCandidate`) would still take it. `first`: the card's
 * first sentence (filled), `booked`: the sitting's ISO day, `at`: its local midnight. Before the last
 * sitting day ends: "try to move it to <day> or earlier…; if no earlier seat is open, keep <booked>";
 * from then: "sit it as booked on <booked> and tell us the result". Booked after the later
 * candidate's last sitting day too, while that day is ahead: "move it to <that day> (projected) or
 * earlier" (tester t9s F6). Null (today's words) for a confirmed deadline (no later candidate) and
 * once the later candidate's last sitting day has passed for a sitting after it. H-1B Step 3 (its
 * result due before ranking) likewise, naming the later candidate (step3BookedLate, t9t F6); booked
 * past the later candidate's last sitting day too, it is too late as booked for both (null).
 */
export function bookedLateWords(
  context: PlanContext,
  key: MilestoneKey,
  first: string,
  booked: string,
  at: number,
  due: DueDate,
): string | null {
  const step3 = key === "usmle_step3";
  if (!MATCH_SITTINGS.has(key) && !step3) return null;
  const later = laterCandidateCalendar(context.calendar);
  if (later === null) return null;
  const year = context.calendar.matchYear;
  const laterCutOff = sittingCutOffOf(later, key);
  const laterEnd = lastSittingEnd(context.zone, laterCutOff);
  if (step3) return at >= laterEnd ? null : step3BookedLate(context, first, booked, due);
  if (at >= laterEnd) {
    // Past the later candidate's last sitting day too (t9s F6, lead's ruling): while that day is ahead
    // the plan keeps the Match (any seat by it), so the card names it as the day to move the sitting to.
    // Before the projected last sitting day ends, today's words (move it by that day) still hold.
    const projectedEnd = sittingDayEnd(context.zone, due);
    noteRiskChange(context, projectedEnd);
    if (context.now >= laterEnd || context.now < projectedEnd) return null;
    noteRiskChange(context, laterEnd);
    const candidate =
      context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
    const when = candidate === undefined ? "" : `, ${renderDate(candidate.date)}`;
    return `${first} Move it to ${dayText(lastSittingDay(laterCutOff))} (projected) or earlier, and tell us the new date: a sitting by then can still count if NRMP's ${year} deadline turns out later (${candidate?.said ?? "its later candidate"}${when}). As booked, by our cautious allowance its result would come after both deadlines.`;
  }
  const passedAt = sittingDayEnd(context.zone, due);
  noteRiskChange(context, passedAt);
  const why = `our allowance is cautious, and the ${year} deadline, projected, may be later`;
  if (context.now >= passedAt)
    return `${first} Sit it as booked on ${dayText(booked)} and tell us the result: it may still come in time (${why}).`;
  return `${first} Try to move it to ${dayText(sittingDayOf(due))} (projected) or earlier, and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: the result may still come in time (${why}).`;
}

/**
 * H-1B Step 3 booked after its projected last sitting day (`due`) but by the later candidate's (t9t
 * F6, lead's ruling): both sides, as the Step 2 CK card has them, with the later candidate named
 * (laterCandidateClause), the same words as STEP3_NEEDED_FOR_H1B's (step3-risk.ts laterBookedWords).
 */
function step3BookedLate(context: PlanContext, first: string, booked: string, due: DueDate): string {
  const passedAt = sittingDayEnd(context.zone, due);
  noteRiskChange(context, passedAt);
  const inTime = `${laterCandidateClause(context)}, its result is in time for it`;
  if (context.now >= passedAt)
    return `${first} Sit it as booked on ${dayText(booked)} and tell us the result: ${inTime}.`;
  return `${first} Try to move it to ${dayText(sittingDayOf(due))} (projected) or earlier, and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: ${inTime}.`;
}
