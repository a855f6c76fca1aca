import type { CatalogEntry } from "../catalog/index.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { AFTER_TARGET_EVERY_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { closingSeasonOf } from "./current-pathways-season.ts";
import { followUps } from "./follow-ups.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import type { TimedReminder } from "./reminders.ts";
import type { StepReminderDates } from "./step-reminders.ts";

/** The rung of the reminders toward the current Pathways season's projected closing. */
export const CURRENT_PATHWAYS_RUNG = "current-pathways";

/**
 * For a Pathway whose target is the current Pathways season's projected closing (the route the
 * plan recommends once a Pathway deadline passed, currentPathwaysTarget), reminders at most
 * AFTER_TARGET_EVERY_DAYS apart from that season's passed application deadline until the target's
 * ladder begins (followUps; one January email was the only nudge toward the fastest
 * route, the next came after it closed). Ids depend on the step, the cut and the closing only.
 * Nothing for any other step or target. Appended to `into`.
 */
export function currentPathwaysFollowUps(
  context: PlanContext,
  entry: CatalogEntry,
  dates: StepReminderDates,
  into: TimedReminder[],
): void {
  const { target, targetDetail } = dates;
  if (!dates.targetAhead || target === null || targetDetail === undefined) return;
  const season = closingSeasonOf(target);
  if (season === undefined) return;
  const passed = pathwayDeadline(seasonCalendar(season));
  if (passed === null || passed >= target.at) return;
  followUps(
    context,
    {
      milestone: entry.key,
      title: `${entry.title}: ECFMG's ${season} Pathways may still be open`,
      why: `ECFMG's ${season} Pathways closing date is not published; by the pattern of the 2025 Pathways it is the end of May ${season} (projected: verify on ECFMG's Pathways page). Applying to them now is the fastest route to certification.`,
      passed,
      deadline: target.at,
      deadlineDetail: targetDetail,
      ladder: entry.ladder,
      everyDays: AFTER_TARGET_EVERY_DAYS,
      rung: CURRENT_PATHWAYS_RUNG,
      countsDownTo: "target",
    },
    into,
  );
}
