import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy, dayByPassed } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { isRetake } from "./failed-score.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";

/** The exams whose result has a competitive target (catalog `reportingDays` and `target`). */
const TARGETED_EXAMS: readonly CatalogEntry[] = MILESTONE_CATALOG.filter(
  (entry) =>
    entry.reportingDays !== undefined &&
    entry.target !== undefined &&
    entry.applicantDateIsDue &&
    // The Pathway is an application, not an exam: no "booked … its result is expected … book an
    // earlier date"; its last day is MATCH_YEAR_LAST_DAY's or EXAMS_LATE's.
    entry.key !== "ecfmg_pathway",
);
/** TARGETED_EXAMS' catalog indices: each plan reads their entries and statuses by index. */
const TARGETED_EXAMS_AT: readonly number[] = TARGETED_EXAMS.map((entry) => stepIndex(entry.key));

/** What a season date a target is planned from means to the applicant, where the words are known. */
const SEASON_DATE_WORDS: Partial<Record<string, string>> = {
  eras_programs_may_review_applications_and_mspe: "programs start reviewing ERAS applications",
};

/**
 * ", about N weeks after programs start reviewing … on <day>: programs that review you before then
 * see no result for it" (a retake's: "will not have your retake's result") for a result expected at `resultAt` of a step whose target is planned from a
 * season date (citing the date's provenance in `sources`); "" otherwise. Also TARGETS_SLIPPED's,
 * which passes `counted` false for a result whose day follows now: ", after programs start …", no
 * week count, so the words stay the same from one day to the next.
 */
export function afterSeasonDate(
  context: PlanContext,
  entry: CatalogEntry,
  resultAt: number,
  sources: string[],
  counted = true,
  retake = false,
): string {
  const rule = entry.target;
  if (rule?.from !== "season") return "";
  const seasonDate = context.calendar.dates[rule.dateKey];
  if (resultAt <= seasonDate.at) return "";
  const weeks = Math.max(1, Math.round((resultAt - seasonDate.at) / (7 * DAY_MS)));
  const words =
    SEASON_DATE_WORDS[rule.dateKey] ?? `the season date its target is planned from (${rule.dateKey})`;
  return `, ${counted ? `about ${weeks} weeks ` : ""}after ${words} on ${dayBy(context, seasonDate.at)}${citeSeasonDate(seasonDate, sources)}: programs that review you before then ${retake ? "will not have your retake's result, only your earlier attempt's" : "see no result for it"}`;
}

/**
 * BOOKED_AFTER_TARGET (warning): an exam booked (its own date ahead, by its hard deadline) for a day
 * after its competitive target (Step 2 CK booked for 15 Oct 2027 for the 2028
 * Match, seven weeks after its target, with nothing said). The result is expected the catalog's
 * scoring time after the exam (reportingDays, the one definition SCORE_REPORTING_DAYS reads); for a
 * target planned from a season date (programs start reviewing) the message gives how many weeks after
 * that date programs see the result. Not a hard stop: the hard deadline still holds. Sources: the
 * target's rule, the scoring time, the season date's provenance.
 */
export function bookedAfterTargetRisk(context: PlanContext, dates: PlanDates): Risk | null {
  // Which exams it may name (booked, not finished): the rest reads only `dates`, the plan's season,
  // zone and own dates, which a booked exam's date is one of, and whether each target's day has
  // passed (dayByPassed, the one `now` it reads).
  let booked = 0;
  for (let index = 0; index < TARGETED_EXAMS.length; index++) {
    const at = TARGETED_EXAMS_AT[index] as number;
    if (context.entries.at(at)?.date !== undefined && !isFinished(statusAt(context, at)))
      booked |= 1 << index;
  }
  if (booked === 0) return null;
  // A booked retake (failed-score.ts) has its own words: a bit per exam above the booked ones.
  if (context.failedScores.length > 0)
    for (let index = 0; index < TARGETED_EXAMS.length; index++)
      if (isRetake(context, (TARGETED_EXAMS[index] as CatalogEntry).key))
        booked |= 1 << (TARGETED_EXAMS.length + index);
  let byBooked = bookedRisks.get(dates);
  if (byBooked === undefined) {
    byBooked = new Map();
    bookedRisks.set(dates, byBooked);
  }
  let known = byBooked.get(booked);
  if (known === undefined) {
    known = { targets: bookedTargets(dates, booked), risks: new Map() };
    byBooked.set(booked, known);
  }
  if (known.targets.length === 0) return null;
  let passed = 0;
  for (let index = 0; index < known.targets.length; index++)
    if (dayByPassed(context, known.targets[index] as number)) passed |= 1 << index;
  let risk = known.risks.get(passed);
  if (risk === undefined) {
    risk = bookedRisk(context, dates, booked);
    known.risks.set(passed, risk);
  }
  return risk;
}

/**
 * BOOKED_AFTER_TARGET per PlanDates (shared by plans of one season, zone and own dates) and the
 * exams it may name (a bit per TARGETED_EXAMS entry, and one above them per retake), then per target day passed or not (a bit per
 * exam it names), frozen and shared: making its sentences on every plan showed in the planner
 * bench's profile. At most 2^6 × 2^3 risks per PlanDates.
 */
const bookedRisks = new WeakMap<
  PlanDates,
  Map<number, { targets: readonly number[]; risks: Map<number, Risk | null> }>
>();

/** An exam's rule target when its own date is after it and by its deadline (the risk names it), else null. */
function afterTarget(dates: PlanDates, entry: CatalogEntry): DueDate | null {
  const own = dates.own(entry.key);
  const target = own === null ? null : dates.ruleTarget(entry.key);
  const due = dates.due(entry.key);
  if (own === null || target === null || own.at <= target.at || (due !== null && own.at > due.at))
    return null;
  return target;
}

/** The targets of the exams the risk names, in its order. */
function bookedTargets(dates: PlanDates, booked: number): number[] {
  const targets: number[] = [];
  for (let index = 0; index < TARGETED_EXAMS.length; index++) {
    if ((booked & (1 << index)) === 0) continue;
    const target = afterTarget(dates, TARGETED_EXAMS[index] as CatalogEntry);
    if (target !== null) targets.push(target.at);
  }
  return targets;
}

function bookedRisk(context: PlanContext, dates: PlanDates, booked: number): Risk | null {
  const milestones: Risk["milestones"] = [];
  const said: string[] = [];
  const sources: string[] = [];
  for (let index = 0; index < TARGETED_EXAMS.length; index++) {
    if ((booked & (1 << index)) === 0) continue;
    const entry = TARGETED_EXAMS[index] as CatalogEntry;
    const given = context.entries.at(TARGETED_EXAMS_AT[index] as number);
    const target = afterTarget(dates, entry);
    const own = dates.own(entry.key);
    if (given?.date === undefined || target === null || own === null) continue;
    const reporting = entry.reportingDays?.days ?? 0;
    const expectedAt = shiftDays(own.at, context.zone, reporting);
    const expected = renderDate(localDate(context.zone, expectedAt));
    const retake = (booked & (1 << (TARGETED_EXAMS.length + index))) !== 0;
    const after = afterSeasonDate(context, entry, expectedAt, sources, true, retake);
    milestones.push(entry.key);
    said.push(
      `Your ${entry.title.replace(/^Pass /, "")}${retake ? " retake" : ""} is booked for ${renderDate(given.date)}, after its target, ${dayBy(context, target.at)} (a target Matchpath suggests, not a deadline). Its result is expected around ${expected} (up to ${reporting} days)${after}. Book an earlier date${dayByPassed(context, target.at) ? "" : `, by ${dayBy(context, target.at)}`} if you can, and tell us the new date${entry.neededForRanking === undefined ? "" : "; if you keep this one, the result still reaches NRMP by the rank order list deadline"}.`,
    );
    addSource(sources, target.source);
    if (entry.reportingDays !== undefined) addSource(sources, citationSource(entry.reportingDays));
  }
  if (milestones.length === 0) return null;
  return Object.freeze({
    code: "BOOKED_AFTER_TARGET",
    severity: "warning",
    message: said.join(" "),
    milestones: Object.freeze(milestones) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}
