import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { citeSeasonDate, dayBy, dayByPassed } from "./feasibility-risk.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/** The exams whose result has a competitive target (catalog `reportingDays` and `target`). */
const TARGETED_EXAMS: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) => entry.reportingDays !== undefined && entry.target !== undefined && entry.applicantDateIsDue,
);

/** What a season date a target is planned from means to the applicant, where the words are known. */
const SEASON_DATE_WORDS: Partial<Record<string, string>> = {
  eras_programs_may_review_applications_and_mspe: "programs start reviewing ERAS applications",
};

/**
 * ", about N weeks after programs start reviewing … on <day>: programs that review you before then
 * see no result for it" for a result expected at `resultAt` of a step whose target is planned from a
 * season date (citing the date's provenance in `sources`); "" otherwise. Also TARGETS_SLIPPED's.
 */
export function afterSeasonDate(
  context: PlanContext,
  entry: CatalogEntry,
  resultAt: number,
  sources: string[],
): string {
  const rule = entry.target;
  if (rule?.from !== "season") return "";
  const seasonDate = context.calendar.dates[rule.dateKey];
  if (resultAt <= seasonDate.at) return "";
  const weeks = Math.max(1, Math.round((resultAt - seasonDate.at) / (7 * DAY_MS)));
  const words =
    SEASON_DATE_WORDS[rule.dateKey] ?? `the season date its target is planned from (${rule.dateKey})`;
  return `, about ${weeks} weeks after ${words} on ${dayBy(context, seasonDate.at)}${citeSeasonDate(seasonDate, seasonDate.source, sources)}: programs that review you before then see no result for it`;
}

/**
 * BOOKED_AFTER_TARGET (warning): an exam booked (its own date ahead, by its hard deadline) for a day
 * after its competitive target (tester s11 issue 9e B7: Step 2 CK booked for 15 Oct 2027 for the 2028
 * Match, seven weeks after its target, with nothing said). The result is expected the catalog's
 * scoring time after the exam (reportingDays, the one definition SCORE_REPORTING_DAYS reads); for a
 * target planned from a season date (programs start reviewing) the message gives how many weeks after
 * that date programs see the result. Not a hard stop: the hard deadline still holds. Sources: the
 * target's rule, the scoring time, the season date's provenance.
 */
export function bookedAfterTargetRisk(context: PlanContext, dates: PlanDates): Risk | null {
  const milestones: Risk["milestones"] = [];
  const said: string[] = [];
  const sources: string[] = [];
  for (const entry of TARGETED_EXAMS) {
    const given = context.entries.get(entry.key);
    if (given?.date === undefined || isFinished(statusOf(context, entry.key))) continue;
    const own = dates.own(entry.key);
    const target = own === null ? null : dates.ruleTarget(entry.key);
    const due = dates.due(entry.key);
    if (own === null || target === null || own.at <= target.at || (due !== null && own.at > due.at)) continue;
    const reporting = entry.reportingDays?.days ?? 0;
    const expectedAt = own.at + reporting * DAY_MS;
    const expected = renderDate(localDate(context.zone, expectedAt));
    const after = afterSeasonDate(context, entry, expectedAt, sources);
    milestones.push(entry.key);
    said.push(
      `Your ${entry.title.replace(/^Pass /, "")} is booked for ${renderDate(given.date)}, after its target, ${dayBy(context, target.at)} (a target Matchpath suggests, not a deadline). Its result is expected around ${expected} (up to ${reporting} days)${after}. Book an earlier date${dayByPassed(context, target.at) ? "" : `, by ${dayBy(context, target.at)}`} if you can, and tell us the new date${entry.neededForRanking === undefined ? "" : "; if you keep this one, the result still reaches NRMP by the rank order list deadline"}.`,
    );
    addSource(sources, target.source);
    if (entry.reportingDays !== undefined) addSource(sources, citationSource(entry.reportingDays));
  }
  if (milestones.length === 0) return null;
  return { code: "BOOKED_AFTER_TARGET", severity: "warning", message: said.join(" "), milestones, sources };
}
