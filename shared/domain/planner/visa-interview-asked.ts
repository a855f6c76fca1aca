import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { stableHash } from "../hash.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, isoInZone, isoUtc, renderDate, startOfLocalDate, toWall } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { h1bInUs } from "./h1b-in-us.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** The rung of the one "have you booked your visa interview?" check. */
export const INTERVIEW_ASKED_RUNG = "interview-asked";
/** Days after the document the interview needs arrived that the check goes out (advice: time to have booked). */
const ASK_AFTER_DAYS = 14;
/**
 * Days before the visa's date from which the check is not sent: its two-weeks-before rung comes
 * within a week of it then (advice: one email, not two about the same booking in a week).
 */
const QUIET_BEFORE_DUE_DAYS = 21;

/** The visa steps booked as a consular interview, and what the document that lets them be booked is. */
const INTERVIEWS: ReadonlyMap<MilestoneKey, { prerequisite: MilestoneKey; arrived: string }> = new Map([
  ["visa_j1", { prerequisite: "j1_ds2019", arrived: "Your DS-2019 arrived on" }],
  [
    "visa_h1b_stamping",
    { prerequisite: "visa_h1b", arrived: "Your program's H-1B petition was approved on" },
  ],
]);

/**
 * The one check that a visa interview has been booked (the J-1 visa once the DS-2019 is in hand,
 * the H-1B stamping once the petition is approved): the applicant could book it from that day,
 * and between the "start now" notice that day and the visa date's two-weeks-before rung nothing
 * else asks. Sent at the delivery slot ASK_AFTER_DAYS after the day that document was reported
 * done (advice), or at the next slot when the plan is made less than a day after it; none when the
 * interview is booked (scheduled, or under way with its day), the visa done, the document done with
 * no date, or the check would come within QUIET_BEFORE_DUE_DAYS of `hard` (the visa's date, which
 * it carries, rendered as `detail`). Its id hangs on the step, the rung and the document's day, never on `now`, so the
 * ledger sends it once. Appended to `into`.
 */
export function visaInterviewAsked(
  context: PlanContext,
  entry: CatalogEntry,
  hard: DueDate,
  detail: Deadline,
  into: TimedReminder[],
): void {
  const interview = INTERVIEWS.get(entry.key);
  // In the US the stamping is needed only if the program files for consular processing: its card asks which.
  if (interview === undefined || h1bInUs(context)) return;
  const status = statusOf(context, entry.key);
  if (isFinished(status) || status === "scheduled") return;
  if (status === "in_progress" && context.entries.get(entry.key)?.date !== undefined) return;
  const from = context.entries.get(interview.prerequisite)?.date;
  if (from === undefined || statusOf(context, interview.prerequisite) !== "done") return;
  const expected = slotOnDay(
    context,
    toWall(context.zone, startOfLocalDate(context.zone, from)) + ASK_AFTER_DAYS * DAY_MS,
  );
  // Made over a day after its slot (the document reported late), the check has no moment of its own.
  if (expected + DAY_MS <= context.now || expected >= hard.at - QUIET_BEFORE_DUE_DAYS * DAY_MS) return;
  const sendAt = Math.max(expected, catchUpOf(context).catchUp);
  const reminder = reminderRecord({
    id: `r-${stableHash(`${INTERVIEW_ASKED_RUNG}|${entry.key}|${from}`)}`,
    milestone: entry.key,
    rung: INTERVIEW_ASKED_RUNG,
    title: `${entry.title}: have you booked your interview? Tell us the date`,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: `${interview.arrived} ${renderDate(from)}. Have you booked your consular interview? If so, tell us its date, so your plan can check it against ${dueDay(context, hard)}${basisMark(hard)}, the day this plan needs your visa in hand. If not, book the earliest appointment now; if your consulate's wait (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}) is longer than the time left, ask the consulate for an expedited appointment (advice).`,
  });
  into.push(timedReminder(sendAt, hard.at, Object.freeze(reminder)));
}
