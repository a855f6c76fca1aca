import type { Risk, StepSubject } from "../plan.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { VISITOR_VISA_WAIT_SOURCE } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { step3VisaDays } from "./h1b.ts";
import { dayText } from "./last-sitting-day.ts";
import { addSource } from "./risk-sources.ts";
import { step3Risks } from "./step3-risk.ts";
import { step3Booked } from "./step3-trip-words.ts";

// Abroad, a Step 3 booked in the US sooner than this plan's allowance for a visitor visa's interview
// (advice): without a valid B-1/B-2 visa in hand, the seat is at risk. The card's aside ("if you do
// not hold one, apply now") is not enough: STEP3_NEEDED_FOR_H1B says so, with what to do today and
// if the interview comes too late. Booked later than the allowance, the card's words suffice.

/** STEP3_NEEDED_FOR_H1B's risks (step3Risks), with a booked trip's visa said when it is at risk. */
export function step3RisksWithTrip(context: PlanContext, dates: PlanDates, examsReadyAt: number): Risk[] {
  const risks = step3Risks(context, dates, examsReadyAt);
  const entry = context.entries.get("usmle_step3");
  if (entry?.date === undefined || !step3Booked(context, entry.status)) return risks;
  const date = entry.date.slice(0, 10);
  return withBookedTripVisa(context, startOfLocalDate(context.zone, date), dayText(date), risks);
}

/** `risks` (Step 3's, for a sitting booked on `day`) with the booked trip's visa said, when it is at risk. */
function withBookedTripVisa(context: PlanContext, day: number, dayWords: string, risks: Risk[]): Risk[] {
  const visaDays = step3VisaDays(context);
  if (visaDays === 0 || day + DAY_MS <= context.now) return risks;
  if (day >= shiftDays(context.now, context.zone, visaDays)) return risks;
  const days = Math.max(1, Math.ceil((day - context.now) / DAY_MS));
  const words = `Your Step 3 is booked for ${dayWords} in the US, ${days} days from now, and this plan allows ${visaDays} days for a visitor visa (B-1/B-2) interview (our advice): unless you hold a valid one, your seat is at risk. Apply for the visa today, check your consulate's interview wait in the State Department's Global Visa Wait Times tool on travel.state.gov and ask for an expedited appointment if its first date is after your test date; if no interview comes in time, move your test date rather than lose the seat (our advice).`;
  const step3 = risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
  const sources = [...(step3?.sources ?? [])];
  addSource(sources, VISITOR_VISA_WAIT_SOURCE);
  if (step3 !== undefined)
    return risks.map((risk) =>
      risk === step3 ? { ...risk, message: `${risk.message} ${words}`, sources } : risk,
    );
  return [
    ...risks,
    { code: "STEP3_NEEDED_FOR_H1B", severity: "warning", message: words, milestones: MILESTONES, sources },
  ];
}

const MILESTONES: StepSubject[] = ["usmle_step3", "visa_h1b"];
