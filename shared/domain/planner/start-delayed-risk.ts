import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE, etInstant, renderDate } from "../time.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { J1_SOURCES } from "./h1b-words.ts";
import { lowerFirst } from "./lower-first.ts";
import { matchWeekSoapConflict } from "./match-week-soap-conflict.ts";
import { nextMatch } from "./next-match.ts";
import { residencyStarted, residencyStartedAt } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { hasMatched, UNDECIDED_VISA_NAME } from "./visa-start-risk.ts";

/**
 * How long a delayed start is followed up, weekly: until 1 September of the Match year (month-day,
 * ET). Advice: programs hold a delayed start only briefly, and no authority publishes for how long;
 * two months past the 1 July start is the cautious span in which the applicant can still start.
 */
export const DELAYED_START_FOLLOW_UP_UNTIL = "09-01";
export const DELAYED_START_SOURCE =
  "advice: programs hold a delayed start only briefly and publish no limit, so we follow it up each week until 1 September; the GME office says how long yours waits";
/** Days between the delayed-start follow-ups. */
export const DELAYED_START_EVERY_DAYS = 7;
/**
 * After the last weekly follow-up (1 September), one final notice (the notices
 * stopped with nothing about what next), its risk kept on the plan this many days so the applicant
 * and the advisor see it. Advice: long enough for a conversation with the program and an advisor.
 */
export const DELAYED_START_FINAL_DAYS = 28;
export const DELAYED_START_FINAL_SOURCE =
  "advice: past 1 September a program may well have released a delayed start's position; one final notice says so and turns to the next Match, kept on the plan four weeks";

/** What a matched applicant needs to start: the contract and the track's visa steps, then the certificate. */
const START_NEEDS = [
  ...MILESTONE_CATALOG.filter((entry) => entry.stage === "visa"),
  catalogEntry("ecfmg_certification"),
];
/** The steps whose holder is ECFMG: its J-1 sponsorship chain and the certificate. */
const ECFMG_STEPS: ReadonlySet<string> = new Set([
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
  "ecfmg_certification",
]);

/** The instant the weekly follow-ups end (1 September of the Match year, midnight ET). */
function followUpEnd(context: PlanContext): number {
  return followUpEndOf(context.calendar);
}

function followUpEndOf(calendar: SeasonCalendar): number {
  return etInstant(`${calendar.matchYear}-${DELAYED_START_FOLLOW_UP_UNTIL}`, null);
}

/**
 * The instants (epoch ms) from which the later delayed-start notices go out, after the one of the
 * week `now` is in, counted from when residency started in the applicant's `zone` (residencyStarted): each following week's start up to 1 September, then the final notice's. A plan
 * lists only the current week's notice (the next is laid by the re-plan at its week's start, a
 * risk-change instant), so a reader counting what the plan will still send for a START_DELAYED risk
 * adds these (the console's what-if and next email). Empty before residency start and once the
 * final notice is due. Pure.
 */
export function laterDelayedStartNotices(calendar: SeasonCalendar, zone: string, now: number): number[] {
  const start = residencyStarted(calendar, zone).at;
  const end = followUpEndOf(calendar);
  if (now < start || now >= end) return [];
  const every = DELAYED_START_EVERY_DAYS * DAY_MS;
  const later: number[] = [];
  for (let at = start + (Math.floor((now - start) / every) + 1) * every; at < end; at += every)
    later.push(at);
  later.push(end);
  return later;
}

/**
 * The week of the delayed start `now` falls in (0 from residency start in the applicant's zone, residencyStarted), or undefined outside the
 * follow-up span. Each week's notice is one of its own (critical-notice-titles.ts noticePhase).
 */
export function delayedStartWeek(context: PlanContext): number | undefined {
  const start = residencyStartedAt(context);
  if (context.now < start || context.now >= followUpEnd(context)) return undefined;
  return Math.floor((context.now - start) / (DELAYED_START_EVERY_DAYS * DAY_MS));
}

/** The instant the final notice's span ends (DELAYED_START_FINAL_DAYS after the follow-ups end). */
function finalEnd(context: PlanContext): number {
  return followUpEnd(context) + DELAYED_START_FINAL_DAYS * DAY_MS;
}

/** Whether `now` is in the final notice's span, after the weekly follow-ups. */
export function delayedStartFinal(context: PlanContext): boolean {
  return context.now >= followUpEnd(context) && context.now < finalEnd(context);
}

/**
 * The date a delayed-start notice announces: the next week's follow-up (the notice is that week's
 * and gives way to the next), at most the end of the span; for the final notice, the end of its
 * span. Never residency start, which has passed. A day, not an instant (`asDay`: advice that means
 * a day; "Due" showed midnight ET): the day before the next follow-up's midnight.
 */
export function delayedStartDue(context: PlanContext): DueDate {
  if (delayedStartFinal(context))
    return shapedDueDate({
      at: finalEnd(context),
      zone: ET_ZONE,
      status: "advice",
      basis: "advice",
      source: DELAYED_START_FINAL_SOURCE,
      asDay: true,
      dayName: undefined,
    });
  const start = residencyStarted(context.calendar, context.zone);
  const week = delayedStartWeek(context) ?? 0;
  const next = start.at + (week + 1) * DELAYED_START_EVERY_DAYS * DAY_MS;
  return shapedDueDate({
    at: Math.min(next, followUpEnd(context)),
    // The zone whose midnight the weeks turn at, so the day shown is the one before it there.
    zone: next < followUpEnd(context) ? start.zone : ET_ZONE,
    status: "advice",
    basis: "advice",
    source: DELAYED_START_SOURCE,
    asDay: true,
    dayName: undefined,
  });
}

/**
 * START_DELAYED (critical): the applicant matched (Match Day done), residency start
 * has passed, and the contract, a step of their visa track or the ECFMG certificate is not done, so
 * they cannot have started. Before, VISA_NOT_READY_FOR_START and CERTIFICATION_AFTER_START fell
 * silent at the start (their notices announce it) and no reminder went at all: the moment an
 * advisor chases hardest. One notice at residency start, then one each week (a new id per week,
 * the same all week: see delayedStartWeek) until 1 September (advice, DELAYED_START_SOURCE). Before
 * the start, residency start is noted as a risk-change instant so the applicant is re-planned then;
 * within the span, the next week's instant and its end. Not beside a partial match still seeking
 * the year it lacks (matchWeekSoapConflict: Match Week done, SOAP in progress, Match Day told or
 * not): its own notice says what July 1 asks of it (a first-year position, or NRMP's waiver), and
 * which year the matched position starts is not known. Shape: zero or one Risk. Pure.
 */
export function startDelayedRisks(context: PlanContext): Risk[] {
  // No visa route chosen: the visa is missing and named; matched as the lead ruled.
  const undecided = context.applicant.visa === "undecided";
  if (!(undecided ? hasMatched(context) : isFinished(statusOf(context, "match_day")))) return [];
  if (matchWeekSoapConflict(context)) return [];
  const open = START_NEEDS.filter(
    (entry) => applies(context, entry) && !isFinished(statusOf(context, entry.key)),
  );
  if (open.length === 0 && !undecided) return [];
  const start = context.calendar.dates.residency_start;
  const end = followUpEnd(context);
  const startedAt = residencyStartedAt(context);
  if (context.now < startedAt) {
    noteRiskChange(context, startedAt);
    return [];
  }
  const week = delayedStartWeek(context);
  const final = week === undefined && delayedStartFinal(context);
  if (week === undefined && !final) return [];
  noteRiskChange(context, delayedStartDue(context).at);
  noteRiskChange(context, end);
  const sources: string[] = [];
  for (const entry of open) addSource(sources, citationSource(entry.why));
  addSource(sources, DELAYED_START_SOURCE);
  // The contract is named as a common noun mid-sentence; the documents keep their names.
  const missing = open.map((entry) =>
    entry.key === "contract" ? lowerFirst(entry.advisorName) : entry.advisorName,
  );
  const milestones = open.map((entry) => entry.key as StepSubject);
  if (undecided) {
    missing.push(UNDECIDED_VISA_NAME);
    if (!milestones.includes("contract")) milestones.push("contract");
    for (const source of J1_SOURCES) addSource(sources, source);
  }
  const names = missing.join(", ");
  const ecfmg = ecfmgHolds(open.map((entry) => entry.key));
  if (final) {
    addSource(sources, DELAYED_START_FINAL_SOURCE);
    const next = nextMatch(context, sources);
    return [
      {
        code: "START_DELAYED",
        severity: "critical",
        message: `Residency started on ${renderDate(start.date)} and ${names} ${missing.length === 1 ? "is" : "are"} still not done. We have written each week since; this is our last notice about it: by now your program may release your position. Talk to your program's GME office and your advisor this week: ask whether the program still holds your position and, if it does not, plan for the ${next.matchYear} Match, whose ERAS applications ${next.submitAt <= context.now ? "opened" : "open"} ${next.submit}. If you have started, mark these steps done.`,
        milestones,
        sources,
      },
    ];
  }
  return [
    {
      code: "START_DELAYED",
      severity: "critical",
      message: `Residency started on ${renderDate(start.date)} and ${names} ${missing.length === 1 ? "is" : "are"} not done, so your start is delayed. Contact your program's GME office${ecfmg === "" ? "" : " and ECFMG"} today: ask how long the program holds your position and what is still missing${ecfmg === "" ? "" : ` (${ecfmg})`}. Programs hold a delayed start only briefly; we will write each week until ${renderDate(`${context.calendar.matchYear}-${DELAYED_START_FOLLOW_UP_UNTIL}`)}. If you have started, mark these steps done.`,
      milestones,
      sources,
    },
  ];
}

/** Whether the open steps include one ECFMG holds (the notice's title then names ECFMG too). */
export function delayedStartNeedsEcfmg(risk: Pick<Risk, "milestones">): boolean {
  return ecfmgHolds(risk.milestones) !== "";
}

/** What ECFMG does for the open steps, for the message; empty when it holds none of them. */
function ecfmgHolds(keys: readonly string[]): string {
  const j1 = keys.some((key) => key !== "ecfmg_certification" && ECFMG_STEPS.has(key));
  const certificate = keys.includes("ecfmg_certification");
  if (j1 && certificate) return "ECFMG sponsors your J-1, issues the DS-2019 and issues your certificate";
  if (j1) return "ECFMG sponsors your J-1 and issues the DS-2019";
  return certificate ? "ECFMG issues your certificate" : "";
}
