import type { MilestoneKey } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import type { BookedLateCase } from "./booked-late-words.ts";
import type { PlanContext } from "./context.ts";
import { dayText } from "./last-sitting-day.ts";

/**
 * EXAMS_LATE_FOR_RANKING's words for a sitting booked after its last sitting day while the later
 * candidate keeps the Match (bookedLateCase, the card's own decision): both sides, as the card says
 * them, never "book an earlier date" once no earlier seat is possible.
 * `subject`: "USMLE Step 2 CK"; `expected`: the booked day plus the reporting allowance
 * (advice), a local instant; `after`: which deadline that misses, ", after our projected rank order
 * list deadline" for a USMLE exam, fedBy's documents sentence for the OET. "Your USMLE Step 2 CK on Fri 29 Jan 2027 would be reported around Fri
 * 26 Feb 2027 by our cautious allowance, after our projected rank order list deadline: try to move it
 * to Wed 27 Jan 2027 (our advice) or earlier; if no earlier seat is open, keep Fri 29 Jan 2027: under
 * the later candidate (16 days before Match Day in 2022–2025, Wed 3 Mar 2027) it is in time".
 */
export function bookedLateRiskWords(
  context: PlanContext,
  key: MilestoneKey,
  subject: string,
  found: BookedLateCase,
  expected: number,
  after: string,
): string {
  const booked = renderDate(context.entries.get(key)?.date ?? "");
  const around = `Your ${subject} on ${booked} would be reported around ${renderDate(localDate(context.zone, expected))} by our cautious allowance`;
  if (found.kind === "moveToLater")
    return `${around}${after}; as booked it comes too late on both deadlines, ours and the later candidate (${found.later}): move it to ${dayText(found.laterDay)}${found.laterMark} or earlier, and tell us the new date; a sitting by then can still count under the later candidate`;
  const inTime = `under the later candidate (${found.later}) it is in time, and a result can come sooner than our allowance`;
  if (found.kind === "sit")
    return `${around}${after}: sit it as booked on ${booked} and tell us the result; ${inTime}`;
  return `${around}${after}: try to move it to ${dayText(found.projectedDay)}${found.projectedMark} or earlier, and tell us the new date; if no earlier seat is open, keep ${booked}: ${inTime}`;
}
