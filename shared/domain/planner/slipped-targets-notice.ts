import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { slippedTarget } from "./slipped-targets.ts";

/**
 * TARGETS_SLIPPED's notice (warning-risk-notice.ts): an earlier step late (an exam booked after its
 * target, the ECFMG application planned for a day after its own) moves the targets of the steps
 * after it, and the warning asks for something ("Submit your Application for ECFMG Certification
 * now if you can"); it was never emailed, so an applicant who reads only the emails kept a target the
 * plan called gone. Sent once, at the next delivery slot, on the card of the first step whose target
 * moved (stepFor over the risk's steps), dated as that card is: its moved target, the day the
 * warning names and the row shows (slipped-step-targets.ts), else (a target that moves with today,
 * or no longer fits before the deadline: the row shows none) its hard deadline. A new set of moved
 * steps is a new notice (criticalNoticeId names the steps).
 */
export const TARGETS_SLIPPED_NOTICE = {
  title: "Your plan has slipped: the targets of the steps that follow move later, the deadlines do not",
  asks: (): boolean => true,
  // On a moved step's card only: none a next step (all blocked), no notice on another step's.
  on: { ridesOn: [], ownOnly: true },
  dueBy: (dates: PlanDates, context: PlanContext, risk: Risk): DueDate | null => {
    const first = risk.milestones[0];
    if (first === undefined || first === "interview") return null;
    const key = first as MilestoneKey;
    // Judged on these dates (not the later Match a moved plan is judged on): else no notice.
    const slip = slippedTarget(context, dates, key);
    if (slip === null) return null;
    const due = catalogEntry(key).documentsDue === undefined ? dates.due(key) : null;
    if (due !== null && (slip.moving || slip.target.at >= due.at)) return due;
    if (slip.moving) return null;
    // The target's day (its instant is that day's start where the applicant is), due until it ends.
    const { target } = slip;
    return shapedDueDate({ ...target, at: shiftDays(target.at, target.zone, 1), asDay: true });
  },
  // The moved target (slippedOf's source names it a target) is advice to aim by, never "Due".
  countsDownTo: (due: DueDate) => (due.source.startsWith("target:") ? "target" : undefined),
  againDaysBefore: null,
} as const;
