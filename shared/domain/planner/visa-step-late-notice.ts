import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { filedPastVisaDateWords } from "./h1b-petition-filed-late.ts";
import { sponsorshipDayNamed } from "./j1-certificate.ts";
import { visaDateOf } from "./visa-step-late.ts";

/**
 * VISA_STEP_LATE's notice (warning-risk-notice.ts): at once when a derived step passes its date, on
 * that step's card, due by the visa's own date: asking where the step stands is worth doing only
 * while that date holds (after it, VISA_NOT_READY_FOR_START's critical notice speaks).
 */
export const VISA_STEP_LATE_NOTICE = {
  // On a change of status no visa follows the petition: the start is what still holds.
  // A filing that already moved the visa past its date: the start's last week is what is still clear.
  title: (context: PlanContext, _due: DueDate, dates: PlanDates) =>
    changeOfStatus(context)
      ? "A step toward your H-1B status is past this plan's day for it; your residency start still holds"
      : filedPastVisaDateWords(context, dates) !== null
        ? "USCIS's approval of your H-1B petition is past this plan's day for it: ask your program where it stands"
        : "A visa step is past this plan's day for it; your visa's own date still holds",
  // The certificate the J-1 sponsorship waits for is chased on its own card, past that day (its
  // target-passed reminders).
  asks: (context: PlanContext) => !sponsorshipDayNamed(context),
  // The first of these that is a next step: a step that holds the late one back, else the late one.
  on: {
    ridesOn: [
      "contract",
      "usmle_step3",
      "j1_statement_of_need",
      "j1_ecfmg_sponsorship",
      "j1_ds2019",
      "visa_h1b",
    ],
  },
  dueBy: (dates: PlanDates, _context: PlanContext, risk: Risk) => {
    const first = risk.milestones[0];
    return first === undefined || first === "interview" ? null : visaDateOf(catalogEntry(first), dates);
  },
  againDaysBefore: null,
} as const;
