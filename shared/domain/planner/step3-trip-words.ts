import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { CONSULAR_WAIT_DAYS } from "./advice.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";

const STEP3 = indexedStep("usmle_step3");

/**
 * What Step 3 adds abroad to its action while it is not booked (status not started or under way,
 * no date). Only abroad: an applicant whose zone is in the US is told of no trip.
 */
export const STEP3_ABROAD_ACTION = ` Step 3 is offered only in the US, so plan the trip: you live outside the US, so it needs a US visitor visa (B-1/B-2): apply for it now, and check your consulate's interview wait in the State Department's Global Visa Wait Times tool on travel.state.gov. This plan allows ${CONSULAR_WAIT_DAYS} days for that wait, beside FSMB's processing and your study time, so apply for it when you apply to FSMB (advice). No authority gives one wait, and in some consulates it is far longer: if yours is, apply earlier still.`;

/** Step 3's trip abroad when its date holds only for a visitor visa already held (step3LaterDays' `held`). */
export const STEP3_HELD_ACTION =
  " Step 3 is offered only in the US: this date works only with a US visitor visa (B-1/B-2) you already hold, valid for the trip.";

/**
 * A booked Step 3's trip abroad (advice): FSMB and the seat are behind them, the visitor visa for
 * the trip may not be.
 */
const STEP3_BOOKED_ABROAD_ACTION =
  " Step 3 is offered only in the US: your trip needs a US visitor visa (B-1/B-2) valid on your test date; if you do not hold one, apply now and check your consulate's interview wait in the State Department's Global Visa Wait Times tool on travel.state.gov (advice).";

/**
 * Whether Step 3 is booked: a date recorded with status scheduled or under way (an applicant marks
 * a booked exam either way). Its card, reminders and risks then speak of that date, never of
 * applying to FSMB or booking a seat.
 */
export function step3Booked(context: PlanContext, status: MilestoneStatus): boolean {
  return (
    (status === "scheduled" || status === "in_progress") &&
    context.entries.at(STEP3.index)?.date !== undefined
  );
}

/** The booked trip's words abroad while its day is ahead; none once it has come (the card asks for the result). */
export function bookedTripWords(context: PlanContext): string {
  const date = context.entries.at(STEP3.index)?.date;
  if (date === undefined) return "";
  return startOfLocalDate(context.zone, date.slice(0, 10)) + DAY_MS > context.now
    ? STEP3_BOOKED_ABROAD_ACTION
    : "";
}
