import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { stampingWaiverRefused } from "../us-zones.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";

const STAMPING = catalogEntry("visa_h1b_stamping");

/**
 * H1B_STAMPING_WAIVER_IGNORED (warning): a stored snapshot whose H-1B stamping is "waived" (Not for
 * me) while the applicant's zone is outside the US. Only someone already in the US
 * can have a change of status (the catalog's `waivable` note, from the fact sheet's proclamation
 * row), so the planner trusts no such answer, whatever the intake let through: buildContext keeps
 * the step not started, with its dates and reminders, and this warning names the answer it ignored
 * and why, until residency starts. Sources: the State Department's page on the visa (the step's
 * requirement) and the proclamation row's (the in-US case apart). Pure.
 */
export function stampingWaiverIgnoredRisks(context: PlanContext): Risk[] {
  const reported = context.entries.get(STAMPING.key);
  if (reported === undefined || context.applicant.visa !== "H-1B") return [];
  if (!stampingWaiverRefused(reported, context.zone) || isFinished(statusOf(context, STAMPING.key)))
    return [];
  const start = context.calendar.dates.residency_start;
  if (context.now >= start.at) return [];
  const sources = [STAMPING.applies.source];
  const by = residencyStartWords(start, sources);
  if (STAMPING.waivable !== undefined) sources.push(`secondary: ${STAMPING.waivable.source}`);
  return [
    {
      code: "H1B_STAMPING_WAIVER_IGNORED",
      severity: "warning",
      message: `You told us the H-1B visa stamping is not for you, but your time zone (${context.zone}) says you live outside the US, so the visa must be stamped at a US consulate before ${by}: only someone already in the US can have a change of status instead. This plan keeps the stamping step, with its dates and reminders; if you now live in the US, update your time zone, and ask your program which route its petition takes.`,
      milestones: [STAMPING.key],
      sources,
    },
  ];
}
