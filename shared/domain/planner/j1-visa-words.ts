import type { CatalogEntry } from "../catalog/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS } from "./j1-allowances.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";

/**
 * What the J-1 visa step adds when less time is left before its date than the consular allowance
 * the plan gives it (J1_CONSULAR_ALLOWANCE_DAYS: the month the DS-2019 is due before the visa, also
 * the step's lead time; a longer allowance would fire while the chain still runs to plan): check the
 * consulate's wait and, if it is longer, ask for an expedited appointment. Advice: the State Department's Global Visa Wait Times tool gives each post's wait;
 * each consulate takes expedite requests through its own appointment system (no fact sheet gives a
 * rule for them). Empty for every other step, for a visa already finished, and with time enough;
 * empty too once an interview is booked on or before the visa date, ahead or passed: the
 * appointment the note asks for is made. Said only with no interview booked, or
 * with one booked after that date, judged as the scheduled words judge it (their
 * `scheduledAfterDeadline` then says the day is after it and asks for an earlier appointment).
 */
export function consularExpediteNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  due: DueDate | null,
): string {
  if (entry.key !== "visa_j1" || status === "done" || status === "waived" || due === null) return "";
  const allowance = J1_CONSULAR_ALLOWANCE_DAYS;
  if (due.at - context.now >= allowance * DAY_MS) return "";
  const booked = plannedDay(context, entry.key);
  if (booked !== null && !sittingAfterLastDay(context, entry.key, booked, due)) return "";
  return ` Less time is left before your visa date than the ${allowance} days this plan allows for a consular interview (our advice): check your consulate's wait in the State Department's Global Visa Wait Times tool (${GLOBAL_VISA_WAIT_TIMES_URL}) and, if it is longer than the time left, ask the consulate for an expedited appointment through its appointment system, with your DS-2019 and your program's start date (advice).`;
}
