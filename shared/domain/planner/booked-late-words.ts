import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { dayText, lastSittingEnd, sittingCutOffOf, sittingDayEnd, sittingDayOf } from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

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
 * from then: "sit it as booked on <booked> and tell us the result". Null (today's words) for a
 * confirmed deadline (no later candidate) and for a sitting after the later candidate's last day.
 */
export function bookedLateWords(
  context: PlanContext,
  key: MilestoneKey,
  first: string,
  booked: string,
  at: number,
  due: DueDate,
): string | null {
  if (!MATCH_SITTINGS.has(key)) return null;
  const later = laterCandidateCalendar(context.calendar);
  if (later === null || at >= lastSittingEnd(context.zone, sittingCutOffOf(later, key))) return null;
  const passedAt = sittingDayEnd(context.zone, due);
  noteRiskChange(context, passedAt);
  const year = context.calendar.matchYear;
  const why = `our allowance is cautious, and the ${year} deadline, projected, may be later`;
  if (context.now >= passedAt)
    return `${first} Sit it as booked on ${dayText(booked)} and tell us the result: it may still come in time (${why}).`;
  return `${first} Try to move it to ${dayText(sittingDayOf(due))} (projected) or earlier, and tell us the new date; if no earlier seat is open, keep ${dayText(booked)}: the result may still come in time (${why}).`;
}
