import type { PlanContext } from "./context.ts";

/**
 * A copy of `context` with `changes` applied, as `{ ...context, ...changes }` gives it: the context
 * of a rule that plans from another premise (another now, calendar, statuses, a moved Match...).
 *
 * Why not a spread: V8 gives the result of each `{ ...context, now }` site a hidden class of its own
 * (a copy of the context's, with the overwritten fields marked as changing), so the planner's ~10
 * copying sites would give PlanContext six or seven hidden classes, and every rule's context reads
 * would go megamorphic (`LoadIC_Megamorphic`, about 23k instructions per plan under callgrind).
 * One object literal written in buildContext's field order keeps every context on buildContext's
 * hidden class; the changes are then stored into fields the copy already has, which keeps it.
 */
export function contextWith(context: PlanContext, changes: Partial<PlanContext>): PlanContext {
  // Keep buildContext's field order (context.ts): the same fields in the same order are one hidden class.
  const copy: PlanContext = {
    applicant: context.applicant,
    zone: context.zone,
    calendar: context.calendar,
    now: context.now,
    deliveryMinute: context.deliveryMinute,
    quiet: context.quiet,
    entries: context.entries,
    statuses: context.statuses,
    applicable: context.applicable,
    interviews: context.interviews,
    eligibility: context.eligibility,
    rolRefused: context.rolRefused,
    soapDoneBeforeOffers: context.soapDoneBeforeOffers,
    matchOutcomeEarly: context.matchOutcomeEarly,
    doneBeforeSeason: context.doneBeforeSeason,
    answersOverridden: context.answersOverridden,
    positionBesideSoap: context.positionBesideSoap,
    failedScores: context.failedScores,
    pastSeason: context.pastSeason,
    pastSeasonEntries: context.pastSeasonEntries,
    pastSeasonMatch: context.pastSeasonMatch,
    presumedDone: context.presumedDone,
    rankListAsked: context.rankListAsked,
    catchUp: context.catchUp,
    remindersSent: context.remindersSent,
    summaryDay: context.summaryDay,
    signedUpAt: context.signedUpAt,
    ladders: context.ladders,
    riskChangesAt: context.riskChangesAt,
  };
  return Object.assign(copy, changes);
}
