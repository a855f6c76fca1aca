import { type CatalogEntry, followUpRung } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { followUps } from "./follow-ups.ts";
import { RESULT_FOLLOW_UP_RUNG, type StepOwnDate } from "./own-date.ts";
import type { TimedReminder } from "./reminders.ts";
import { VISA_DECISION_DAYS, visaResultAwaited, visaResultQuestion } from "./visa-result-awaited.ts";

/** The ladder the question is asked again on (reminder-ladders.json says why). */
export const VISA_RESULT_LADDER = "visa-result-awaited";

/**
 * A consular interview gone by with its result not told, residency's start ahead (visaResultAwaited):
 * "was the visa issued?" asked again after the first follow-up the morning after the interview (the
 * series counted from that day, so the next is days after it, never the day after), at the ladder's cadence (advice: weekly while the start is far, every few days in the two weeks before
 * its three-day rung), up to the step's own rungs before the start (`announced`, the step's due: the
 * start). A refusal under section 221(g) has no set length and the program must hear of it before
 * the start: the step's rungs alone left ten days of silence after an interview on 17 Jun. The same
 * question as the first follow-up, under its rung; ids hang on the interview's day and the start,
 * never on `now`. Appended to `into`.
 */
export function visaResultAskedAgain(
  context: PlanContext,
  entry: CatalogEntry,
  own: StepOwnDate,
  announced: { at: number; detail: Deadline } | null,
  into: TimedReminder[],
): void {
  if (announced === null || !visaResultAwaited(context, entry, own)) return;
  const date = context.entries.get(entry.key)?.date;
  if (date === undefined) return;
  const asked = visaResultQuestion(
    entry,
    date,
    residencyStartWords(context.calendar.dates.residency_start, []),
  );
  if (asked === null) return;
  followUps(
    context,
    {
      milestone: entry.key,
      title: asked.title,
      why: asked.why,
      // From the first question's day (the day after the interview): the next falls days after it.
      passed: shiftDays(own.due.at, context.zone, VISA_DECISION_DAYS),
      deadline: announced.at,
      deadlineDetail: announced.detail,
      ladder: VISA_RESULT_LADDER,
      everyDays: followUpRung(VISA_RESULT_LADDER)?.everyDays ?? 3,
      rung: RESULT_FOLLOW_UP_RUNG,
    },
    into,
  );
}
