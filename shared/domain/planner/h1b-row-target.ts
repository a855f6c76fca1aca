import type { Deadline } from "../plan.ts";
import { earlierDayOf } from "../start-by-day.ts";
import { startOfLocalDate } from "../time.ts";
import { h1bAfterRankingTarget } from "./certificate-after-match.ts";
import type { PlanContext } from "./context.ts";
import { deadlineDay } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";

/**
 * The H-1B certificate target (h1bCertificateTarget) as the certificate's row shows it: the target
 * is for ranking on H-1B, so once the rank order list deadline of the applicant's Match has passed
 * (and the target fell on or before it) ranking is over and the row has no target, no "target
 * passed" standing and no follow-ups for it. The card keeps the target: its
 * words say ranking is over (certificateForRanking, the same test). From then on the row's target is
 * the one Step 3 before the H-1B petition needs (h1bAfterRankingTarget on `dates`),
 * or none; `target` otherwise.
 */
export function h1bRowTarget(context: PlanContext, target: DueDate | null, dates: PlanDates): DueDate | null {
  if (target === null) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return context.now > rol && target.at <= rol ? h1bAfterRankingTarget(context, dates) : target;
}

/**
 * Its rendering: a day, like every other target (a target is advice, not an instant, so never "Sun 30
 * Aug 2026, 4:00 AM GMT+3"): the day the card's words name it by (dayBy: the earlier of the rule's
 * zone's day and ET's), so the row never reads a day after the card. East of ET the row read "target
 * for the H-1B petition: passed Tue 12 Jan 2027" beside the card's "your certificate was needed by
 * Mon 11 Jan 2027". The target is one object per PlanDates, so its rendering is kept with it, frozen
 * like the other deadlines plans share.
 */
export function renderH1bTarget(target: DueDate): Deadline {
  let rendered = h1bRenderings.get(target);
  if (rendered === undefined) {
    const day = startOfLocalDate(target.zone, earlierDayOf(target.zone, target.at));
    rendered = Object.freeze(
      deadlineDay(target.zone, target.at, target.status, target.basis, target.source, day),
    );
    h1bRenderings.set(target, rendered);
  }
  return rendered;
}

const h1bRenderings = new WeakMap<DueDate, Deadline>();
