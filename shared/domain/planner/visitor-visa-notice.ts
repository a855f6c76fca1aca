import type { Risk } from "../plan.ts";
import { VISITOR_VISA_WAIT_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { deadlineOf } from "./critical-notice-deadline.ts";
import type { PlanDates } from "./deadlines.ts";
import { livesOutsideUs } from "./h1b.ts";

/**
 * STEP3_NEEDED_FOR_H1B's notice for an H-1B applicant abroad who has not booked Step 3:
 * Step 3 is offered only in the US (official), so its chain starts with a
 * visitor visa (B-1/B-2), whose interview this plan allows VISITOR_VISA_WAIT_DAYS for (advice). That
 * wait hangs on nothing else, so the first word of Step 3's chain is sent at once, as a warning's
 * notice (warning-risk-notice.ts), riding on the first early step still to do: before it, the plan
 * was silent until Step 2 CK's start-by, months later. No fee: the fact sheet has none for a B visa.
 */
export const VISITOR_VISA_NOTICE = {
  // The ask itself, then the allowance as what it is: this plan's advice, not a post's wait.
  title: `Apply for a B-1/B-2 visitor visa now, unless you hold a valid one, and check your consulate's current interview wait: Step 3 is offered only in the US; the ${VISITOR_VISA_WAIT_DAYS} days this plan allows for the interview are our advice, and many consulates' waits are longer`,
  asks: visitorVisaAsked,
  on: { ridesOn: ["ecfmg_certification", "usmle_step2ck", "ecfmg_pathway", "oet_medicine"] },
  // Due by the rank order list deadline (deadlineOf): Step 3's result is needed before programs rank.
  dueBy: (_dates: PlanDates, context: PlanContext, risk: Risk) => deadlineOf(context, risk),
  againDaysBefore: null,
} as const;

/** H-1B, abroad, Step 3 neither passed nor booked (a booked US test date has its trip planned). */
function visitorVisaAsked(context: PlanContext): boolean {
  if (context.applicant.visa !== "H-1B" || !livesOutsideUs(context)) return false;
  const status = statusOf(context, "usmle_step3");
  return !isFinished(status) && status !== "scheduled";
}
