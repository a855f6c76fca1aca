import type { PlanContext } from "./context.ts";
import { applicantDay } from "./day-words.ts";
import { describeTakes, type Remaining } from "./feasibility-lead-times.ts";

/**
 * describeTakes' words, each with the days this pace gives the requirement, in the applicant's own
 * calendar (applicantDay): "Pass USMLE Step 1: about 120 days of preparation, … (sat around Sat 15 May 2027,
 * reported around Sat 12 Jun 2027)". An advisor can then follow the sum from today to the day the
 * risk says all is reported, the booking and ECFMG's approval running beside the preparation
 * (fastest-sitting.ts examAt). `info`: as describeTakes, what a Match out of reach would have taken.
 */
export function describeDatedTakes(
  context: PlanContext,
  takes: readonly Remaining[],
  sources: string[],
  info = false,
): string[] {
  const said = describeTakes(takes, sources, context.zone, info);
  // Step 2 CK's study follows Step 1's sitting when Step 1 is still to be studied for (examAt's prepFrom).
  const step1Studied = takes.some((take) => take.key === "usmle_step1" && studies(take));
  for (let index = 0; index < said.length; index++) {
    const take = takes[index] as Remaining;
    const from = !studies(take)
      ? ""
      : `${info ? "counting study" : "studying"} ${take.key === "usmle_step2ck" && step1Studied ? "after Step 1's sitting" : "from today"}, `;
    said[index] = `${said[index]}${datedSuffix(context, take, from)}`;
  }
  return said;
}

/** Whether the pace counts days of study for the requirement (an exam not begun). */
const studies = (take: Remaining): boolean =>
  take.prep !== null && take.prep.days > 0 && take.pace?.fastest.days !== 0;

function datedSuffix(context: PlanContext, take: Remaining, from: string): string {
  if (take.reportedAt === undefined) return "";
  // Days counted in whole days from her sitting or from today: her calendar's day (applicantDay),
  // never the earlier ET day, which east of ET read a day early ("sitting Wed 20 Jan, then about 28
  // days" reported "around Tue 16 Feb" in Auckland).
  const reported = applicantDay(context, take.reportedAt);
  if (take.key === "ecfmg_application") return ` (approved around ${reported})`;
  if (take.key === "ecfmg_pathway") return ` (decided around ${reported})`;
  if (take.sitting === undefined || take.booked !== undefined) return ` (reported around ${reported})`;
  return ` (${from}sat around ${applicantDay(context, take.sitting)}, reported around ${reported})`;
}
