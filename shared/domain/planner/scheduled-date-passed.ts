import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, isoInZone, renderDate } from "../time.ts";
import { bookingSourceOf } from "./advice.ts";
import { applies, type PlanContext, statusAt } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { listAwaitsResultWords } from "./list-awaits-result-words.ts";
import { rebookBy, rebookWords } from "./missed-sitting.ts";
import { ownDateOf, resultDueAt } from "./own-date.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";
import { pathwayForNextMatch } from "./season-over-pathway.ts";
import { stepRenderings } from "./step-renderings.ts";

/**
 * SCHEDULED_DATE_PASSED (split out of own-date.ts, which gives the own dates it reads): an own date
 * passed with no result recorded once the result should be out.
 */

/**
 * The steps programs read on an application while they review it (official: NRMP's requirements):
 * the catalog's results that are reported to programs (`reportingDays`), so a new exam added as data
 * is covered without editing this file.
 */
const REVIEWED_BY_PROGRAMS: ReadonlySet<MilestoneKey> = new Set(
  MILESTONE_CATALOG.filter((entry) => entry.reportingDays !== undefined).map((entry) => entry.key),
);

/**
 * The catalog indices of the steps whose own date is due (`applicantDateIsDue`), in catalog order: a
 * few of the catalog, whose state each plan reads by index (statusAt, entries.at), not by key.
 */
const DATED_STEPS_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.applicantDateIsDue ? [index] : [],
);

/**
 * SCHEDULED_DATE_PASSED: a step scheduled for a date that has passed, with no result recorded
 * once it should be out (the date plus the catalog's reportingDays, advice, cited there).
 * Critical once programs have been reviewing applications for the target Match without it (the
 * season's ERAS review date, cited; until the rank order list deadline), else a warning; never so
 * once that Match is out of reach (`outOfReach`: "they are reading yours" would be untrue of a Match
 * the plan has moved past).
 */
export function scheduledDatePassedRisk(
  context: PlanContext,
  dates: PlanDates,
  outOfReach = false,
): Risk | null {
  // Made at the first step passed: every plan runs the loop, few find one (planner bench).
  let passed: { entry: CatalogEntry; date: string }[] | undefined;
  let rebook = "";
  let rebookSources: string[] | undefined;
  for (const index of DATED_STEPS_AT) {
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    if (!applies(context, entry)) continue;
    // Out of reach, a Pathway application of that Match is moot: its card says the Pathway is now
    // for the later Match, never that ECFMG is reviewing it.
    // So once the Match is over with the Pathway the next Match's (pathwayForNextMatch).
    if (entry.key === PATHWAY_KEY && (outOfReach || pathwayForNextMatch(context))) continue;
    const own = ownDateOf(context, dates, entry, index, statusAt(context, index));
    const date = context.entries.at(index)?.date;
    if (own === null || date === undefined) continue;
    // No risk while the result may still be on its way (the exam day + reportingDays, the day the
    // follow-up is sent): waiting for a score is normal. The instant it
    // appears is noted, so the cohort's look-ahead re-plans there.
    const dueAt = resultDueAt(context, entry, own);
    if (dueAt <= context.now) {
      if (passed === undefined || rebookSources === undefined) {
        passed = [];
        rebookSources = [];
      }
      passed.push({ entry, date });
      // The last day a new sitting still counts, as the card says it.
      const sitting = rebookBy(context, entry, index, statusAt(context, index), own, dates);
      if (sitting !== null) {
        rebook += rebookSentence(context, entry, sitting, stepRenderings(dates, index).target);
        // The day's provenance (the season date it counts from, as cutOffBasis reads it: its
        // projection rule when projected; the result allowance) and the seat advice.
        const due = entry.due;
        const from =
          due.from === "season" ? due.dateKey : "nrmp_rol_certification_and_late_registration_deadline";
        citeSeasonDate(context.calendar.dates[from], rebookSources);
        if (entry.reportingDays !== undefined) addSource(rebookSources, citationSource(entry.reportingDays));
        addSource(rebookSources, bookingSourceOf(entry.key));
      }
    } else noteRiskChange(context, dueAt);
  }
  if (passed === undefined) return null;
  const { calendar, now } = context;
  const reviewDate = calendar.dates.eras_programs_may_review_applications_and_mspe;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const reviewing =
    !outOfReach &&
    now > reviewDate.at &&
    now <= rol.at &&
    passed.some(({ entry }) => REVIEWED_BY_PROGRAMS.has(entry.key));
  // In ranking season the point is the rank order list deadline, not programs' review.
  const opens = calendar.dates.nrmp_rank_order_list_entry_opens.at;
  const ranking = reviewing && now >= opens;
  if (reviewing && !ranking) noteRiskChange(context, opens);
  const kind = ranking ? 2 : reviewing ? 1 : 0;
  let texts = passedRiskTexts.get(calendar);
  if (texts === undefined) {
    texts = { single: [new Map(), new Map(), new Map()], several: new BoundedMemo(4_000) };
    passedRiskTexts.set(calendar, texts);
  }
  // The review date's provenance goes to `sources` (cheap: no rendering), the message is memoised.
  const sources: string[] = [];
  const cited = ranking ? citeSeasonDate(rol, sources) : reviewing ? citeSeasonDate(reviewDate, sources) : "";
  for (const source of rebookSources ?? []) addSource(sources, source);
  // One step passed (the usual case) is found by its key and the date the input holds, no key text.
  const one = passed.length === 1 ? (passed[0] as { entry: CatalogEntry; date: string }) : undefined;
  let byDate: BoundedMemo<string, string> | undefined;
  let textKey = "";
  let message: string | undefined;
  if (one !== undefined) {
    const byStep = texts.single[kind];
    byDate = byStep.get(one.entry.key);
    if (byDate === undefined) {
      byDate = new BoundedMemo(4_000);
      byStep.set(one.entry.key, byDate);
    }
    message = byDate.get(one.date);
  } else {
    textKey = ranking ? "k" : reviewing ? "r" : "w";
    for (const { entry, date } of passed) textKey += `|${entry.key}|${date}`;
    message = texts.several.get(textKey);
  }
  if (message === undefined) {
    const said = passed.map(({ entry, date }) => passedWords(context, entry, date)).join("; ");
    const pathway = passed.some(({ entry }) => entry.key === PATHWAY_KEY);
    const exams = !pathway || passed.length > 1;
    // What programs read without: a result, or ECFMG's answer on a Pathway ("yours without
    // it" read as a result after Pathway words).
    const without = !pathway
      ? "yours without it"
      : exams
        ? "your application without these results and ECFMG's answer on your Pathway"
        : "your application without ECFMG's answer on your Pathway";
    const since = ranking
      ? ` Ranking has opened, so ${rankingWords(passed, pathway)} by the rank order list deadline, ${renderDate(isoDay(rol.at))}${cited}.`
      : reviewing
        ? ` Programs have been reviewing applications for the ${calendar.matchYear} Match since ${renderDate(isoDay(reviewDate.at))}${cited}, so they are reading ${without}.`
        : "";
    message = `${said}.${since}${exams ? " Tell us the result, or your new date, so the plan and the reminders stay right." : ""}${pathway ? ` ${PATHWAY_ANSWER}` : ""}`;
    if (one !== undefined) byDate?.keep(one.date, message);
    else texts.several.keep(textKey, message);
  }
  return {
    code: "SCHEDULED_DATE_PASSED",
    severity: reviewing ? "critical" : "warning",
    message: `${message}${rebook}${listAwaitsResultWords(context, passed, sources)}`,
    milestones: passed.map(({ entry }) => entry.key),
    ...(sources.length > 0 ? { sources } : {}),
  };
}

const PATHWAY_KEY: MilestoneKey = "ecfmg_pathway";
const OET_KEY: MilestoneKey = "oet_medicine";

/**
 * What must reach whom by the rank order list deadline once ranking has opened, for the steps
 * `passed` (the cards' words): a USMLE result ECFMG and NRMP; Step 3 alone, programs before they
 * certify their lists (H-1B); the OET, ECFMG for the Pathway it waits on; a Pathway, ECFMG's acceptance.
 */
function rankingWords(passed: readonly { entry: CatalogEntry }[], pathway: boolean): string {
  const exams = passed.filter(({ entry }) => entry.key !== PATHWAY_KEY);
  const only = exams.length === 1 && !pathway ? exams[0]?.entry.key : undefined;
  if (only === "usmle_step3")
    return "programs need your result before they certify their rank lists, that is";
  if (only === OET_KEY)
    return "ECFMG needs your OET result for your Pathway, and NRMP needs ECFMG's acceptance of your Pathway";
  const acceptance = "NRMP needs ECFMG's acceptance of your Pathway";
  if (exams.length === 0) return acceptance;
  const results = `your result${exams.length > 1 ? "s" : ""} must reach ECFMG and NRMP`;
  return pathway ? `${results}, and ${acceptance},` : results;
}

/** rebookWords for one exam, named when the sentence could be read as another's ("USMLE Step 1: if you…"). */
function rebookSentence(
  context: PlanContext,
  entry: CatalogEntry,
  sitting: DueDate,
  target: DueDate | null,
): string {
  const words = rebookWords(context, sitting, entry.key, target);
  return ` ${kept(examNames, entry.title, examName)}:${kept(lowered, words, lowerIf)}`;
}

const examName = (title: string): string => title.replace(/^(Pass|Complete an?) /, "");
const lowerIf = (words: string): string => words.replace(" If", " if");
const examNames = new Map<string, string>();
const lowered = new Map<string, string>();

/**
 * `make(text)` kept per `text`, the whole of what it reads: the two replacements above ran for every
 * passed sitting of every plan (about 0.4 % of a plan's samples on the planner bench), on titles and
 * rebookWords' texts that are few and themselves kept. Bounded: a full map starts again.
 */
function kept(memo: Map<string, string>, text: string, make: (text: string) => string): string {
  let made = memo.get(text);
  if (made === undefined) {
    made = make(text);
    if (memo.size >= KEPT_LIMIT) memo.clear();
    memo.set(text, made);
  }
  return made;
}
const KEPT_LIMIT = 256;

/** What a Pathway whose review time has passed asks (pathway-review.ts's card asks the same). */
const PATHWAY_ANSWER =
  "Did ECFMG accept it? Mark the step done if it did, or tell your advisor if ECFMG refused it or asked for more documents.";

/**
 * One passed step's words: an exam's sitting day with no result; a Pathway application is under
 * ECFMG's review, never a sitting to re-book, with the catalog's review allowance
 * (reportingDays, advice).
 */
function passedWords(context: PlanContext, entry: CatalogEntry, date: string): string {
  if (entry.key === OET_KEY && entry.reportingDays !== undefined) {
    // A result ECFMG needs for the Pathway: the applicant is asked for it and to send it on, never
    // told the sitting is missed; the day from the catalog's
    // result time (advice), by the day alone as the message is memoised by date.
    const expected = shiftIsoDay(date, entry.reportingDays.days);
    return `${entry.title}: your sitting was on ${renderDate(date)} and no result is recorded. Did you pass? Your result should have come around ${renderDate(expected)}: tell us, and send it to ECFMG for your Pathway`;
  }
  // A consular interview gone by: what is awaited is the visa, asked as its card asks it.
  const interview = CONSULAR_INTERVIEWS.get(entry.key);
  if (interview !== undefined)
    return `Your ${interview} was on ${renderDate(date)} and whether the visa was issued is not recorded`;
  if (entry.key !== PATHWAY_KEY)
    return `${entry.title}: your date was ${renderDate(date)} and no result is recorded`;
  // One dated after its deadline's ET day is not said to be under review
  // (pathway-review.ts); by the day alone, as the message is memoised by date, not zone.
  const deadline = pathwayDeadline(context.calendar);
  const deadlineDay = deadline === null ? null : isoDay(deadline);
  if (deadlineDay !== null && date > deadlineDay)
    return `Your Pathway application of ${renderDate(date)} went in after its deadline, ${renderDate(deadlineDay)} (projected), and ECFMG's answer is not recorded`;
  const weeks = Math.ceil((entry.reportingDays?.days ?? 28) / 7);
  return `ECFMG is reviewing your Pathway application of ${renderDate(date)}; allow about ${weeks} weeks (advice), and that time has passed with no answer recorded`;
}

/**
 * SCHEDULED_DATE_PASSED messages per season calendar, by severity and the steps and dates passed
 * (bounded): rendering the review date in ET and joining the text per plan was about 3% of the
 * planner bench's plan. The message depends on nothing else.
 */
const passedRiskTexts = new WeakMap<
  SeasonCalendar,
  {
    /** One step passed, by kind (warning, reviewing, ranking), then step key, then date: no key text per plan. */
    single: [
      Map<MilestoneKey, BoundedMemo<string, string>>,
      Map<MilestoneKey, BoundedMemo<string, string>>,
      Map<MilestoneKey, BoundedMemo<string, string>>,
    ];
    /** Several steps passed (rare): by a key text of severity, steps and dates. */
    several: BoundedMemo<string, string>;
  }
>();

/** The ET calendar day of a season instant ("2026-09-24"), as the authorities date it. */
function isoDay(at: number): string {
  return isoInZone(ET_ZONE, at).slice(0, 10);
}
