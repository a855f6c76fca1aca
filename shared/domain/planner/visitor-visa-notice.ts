import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { CONSULAR_WAIT_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { deadlineOf } from "./critical-notice-deadline.ts";
import type { PlanDates } from "./deadlines.ts";
import { livesOutsideUs } from "./h1b.ts";
import { visaBeforeCertificate } from "./step3-visa-before-certificate.ts";

/**
 * STEP3_NEEDED_FOR_H1B's notice for an H-1B applicant abroad who has not booked Step 3:
 * Step 3 is offered only in the US (official), so its chain starts with a
 * visitor visa (B-1/B-2), whose interview this plan allows CONSULAR_WAIT_DAYS for (advice),
 * counted from the ECFMG certificate Step 3 waits for (step3ChainDays). So the visa is asked for
 * once Step 3 can be planned, its prerequisites finished, and not before: a visa fee is no payment
 * to push for a step the applicant cannot take yet (a 2028 applicant was told on day one, before
 * the ECFMG application and both exams), or once the certificate is expected within the visa's
 * allowance (visaBeforeCertificate: the visa needs no certificate, and would hold Step 3 back). On
 * Step 3's own card, or then the certificate's. No fee: the fact sheet has none for
 * a B visa.
 */
export const VISITOR_VISA_NOTICE = {
  // The ask itself, then the allowance as what it is: this plan's advice, not a post's wait.
  title: `Apply for a B-1/B-2 visitor visa now, unless you hold a valid one, and check your consulate's current interview wait: Step 3 is offered only in the US; the ${CONSULAR_WAIT_DAYS} days this plan allows for the interview are our advice, and many consulates' waits are longer`,
  asks: (context: PlanContext) => visitorVisaAsked(context) || visaBeforeCertificate(context),
  // Asked for before the certificate, on the certificate's card, which asks for it too.
  on: {
    card: (context: PlanContext) => (visaBeforeCertificate(context) ? "ecfmg_certification" : "usmle_step3"),
  },
  // Due by the rank order list deadline (deadlineOf): Step 3's result is needed before programs rank.
  dueBy: (_dates: PlanDates, context: PlanContext, risk: Risk) => deadlineOf(context, risk),
  againDaysBefore: null,
} as const;

/**
 * H-1B, abroad, Step 3 neither passed nor booked (a booked US test date has its trip planned), and
 * no longer waiting for its prerequisites.
 */
function visitorVisaAsked(context: PlanContext): boolean {
  if (context.applicant.visa !== "H-1B" || !livesOutsideUs(context)) return false;
  const status = statusOf(context, "usmle_step3");
  if (isFinished(status) || status === "scheduled") return false;
  for (const prerequisite of STEP3.prerequisites)
    if (!isFinished(statusOf(context, prerequisite.key))) return false;
  return true;
}

const STEP3 = catalogEntry("usmle_step3");
