import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { UnfitCause } from "./chain-deadlines.ts";
import { oetLastSitting } from "./chain-deadlines.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { assessFeasibility, type Feasibility } from "./feasibility.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";

/** The step whose own deadline a chain cause is: the Pathway application's, the OET result's. */
const MISSED_BY: Readonly<Record<UnfitCause, MilestoneKey | null>> = {
  pathway: "ecfmg_pathway",
  documents: "oet_medicine",
  exams: null,
  graduation: null,
};

/**
 * The step whose missed deadline dropped the entered Match (TargetedMatch.droppedBy), for the
 * out-of-reach notice to sit on: the Pathway application's (epoch-ms season deadlines, projected
 * with their sources in the catalog), or the OET's for the Pathway's documents; null when the chain
 * as a whole came too late for the rank order list deadline, or graduation decided. A later Match
 * dropped out (feasibility.dropped) names its own cause.
 *
 * Judged at the instant the Match first went out of reach, not at now
 * (for the same input the notice's step does not move as now moves). The chain names the
 * first deadline it misses in a fixed order (the rank order list's first), so a Pathway deadline
 * that dropped the Match on 26 Dec read as "exams" a week later, once the rank order list deadline
 * was out of reach too, and the notice moved to the OET. So each step deadline of that Match already
 * passed is replayed in turn, at it and just after it, with the applicant's input as it is today:
 * the first replay with that Match out of reach gives the cause; none, today's cause.
 * Only a plan out of reach past one of those deadlines replays anything (two to six feasibility
 * passes), and only while building its notice.
 */
export function matchDroppedBy(context: PlanContext, feasibility: Feasibility): MilestoneKey | null {
  const dropped = feasibility.dropped;
  const today = MISSED_BY[dropped?.cause ?? feasibility.cause ?? "exams"];
  if (dropped === null && feasibility.cause === "graduation") return today;
  // The Match just before the targeted one: a later Match dropped out, else the entered one.
  const year = dropped?.year ?? context.calendar.matchYear;
  const calendar = dropped === null ? context.calendar : seasonCalendar(year);
  for (const deadline of passedStepDeadlines(calendar, context.now)) {
    for (const at of [deadline, deadline + 1]) {
      const then = assessFeasibility(
        contextWith(context, { now: at, riskChangesAt: [], catchUp: undefined }),
      );
      if (then.earliestMatchYear <= year) continue;
      const cause = dropped === null ? then.cause : then.dropped?.year === year ? then.dropped.cause : null;
      return MISSED_BY[cause ?? "exams"];
    }
  }
  return today;
}

/** The season's step deadlines of the chain (the Pathway's two, the OET's last sitting) before `now`, ascending. */
function passedStepDeadlines(calendar: SeasonCalendar, now: number): number[] {
  const passed: number[] = [];
  for (const at of [pathwayDeadline(calendar), oetLastSitting(calendar), pathwayDocumentsDeadline(calendar)])
    if (at !== null && at < now) passed.push(at);
  return passed.sort((a, b) => a - b);
}
