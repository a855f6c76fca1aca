import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Budget } from "../plan.ts";
import type { MilestoneEntry, MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import { applicationPlannedLateCard } from "./application-planned-late.ts";
import { conditionalMatchAction } from "./awaited-confirmation.ts";
import { bookedLateWords, step3CardTexts, tooLateAsBooked } from "./booked-late-words.ts";
import { budgetAction } from "./budget-step-text.ts";
import type { PlanContext } from "./context.ts";
import { byDay, cardDayOrWhen, dayBy, dayByPassed, dueDay, etWithLocalDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { datedText, inProgressText, isRetake } from "./failed-score.ts";
import { isDaySitting, sittingAfterLastDay, withSittingDay } from "./last-sitting-day.ts";
import { onLaterCandidate } from "./later-candidate.ts";
import { interviewsFirst } from "./no-interview-recorded.ts";
import { NRMP_ASKED_RANK_LIST_ACTION, nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { nrmpWeighingAction, nrmpWhileWeighing, paidStepWhileWeighing } from "./nrmp-while-weighing.ts";
import { lastingPrerequisiteNote, pastRegistrationWords } from "./past-season.ts";
import { pathwayAnswerAction } from "./pathway-answer-words.ts";
import { pathwayReviewAction } from "./pathway-review.ts";
import { nrmpAfterCloseCard } from "./planned-at-close.ts";
import { rankListPlannedEarlyText } from "./rank-list-planned-early.ts";
import { rankingOpensWords } from "./ranking-opens-words.ts";
import { passedDayText } from "./result-deadline.ts";
import { laterWindowCard } from "./result-later-window.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { soapStepAction } from "./season-over-risk.ts";
import { step3AfterRankingWords } from "./step3-after-ranking.ts";
import { templateParts } from "./template-parts.ts";
import { pathwayPassedAction, undatedPathwayLateAction } from "./undated-pathway-late.ts";
import { pendingPathwayAction } from "./undated-pathway-pending.ts";
import { awaitedDocumentWords } from "./visa-document-words.ts";
import { interviewDayCard, interviewWarned } from "./visa-interview-booked-late.ts";
import { warnedInterviewAdvice } from "./visa-interview-warning.ts";

/**
 * Fills a status text's placeholders: {date}, {due} (the step's deadline as a day), {weeks},
 * {rankingOpens} ("once ranking opens (date)", or "now (…)" after it: rankingOpensWords).
 */
export function fill(
  context: PlanContext,
  text: string,
  entry: CatalogEntry,
  given: MilestoneEntry | undefined,
  due: DueDate | null = null,
): string {
  const parts = templateParts(text);
  if (parts.length === 1) return text;
  let filled = parts[0] ?? "";
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index];
    if (name === "date") filled += given?.date === undefined ? "the date you gave" : renderDate(given.date);
    else if (name === "due") filled = withDue(context, filled, due, entry.key);
    else if (name === "weeks")
      filled += String(Math.ceil((entry.reportingDays?.days ?? SCORE_REPORTING_DAYS) / 7));
    // The opening in the tense of now: a rank list planned after it is entered now.
    else filled += rankingOpensWords(context);
    filled += parts[index + 1] ?? "";
  }
  return onLaterCandidate(context, filled);
}

/** How a card names a day an office's act is expected by (the H-1B petition's approval, USCIS's). */
const EXPECTS_BY = "expects the approval by ";

/**
 * The text so far followed by the deadline's day; a "by {due}" whose day has gone asks for it as
 * soon as possible instead: never an instruction dated before now.
 */
function withDue(context: PlanContext, filled: string, due: DueDate | null, key: MilestoneKey): string {
  if (due === null) return `${filled}its deadline`;
  // A deadline says who sets it wherever the words name it (basisMark), inside the
  // parenthesis once passed: "as soon as you can (Wed 17 Sep 2025, our advice, has passed)".
  const projected = basisMark(due);
  // An exam's last sitting day: the day its deadline column shows, with no time.
  if (isDaySitting(key) && (due.asDay === true || filled.endsWith("take it by ")))
    return `${withSittingDay(context, filled, due)}${projected}`;
  // An act of an office, not the applicant's (USCIS's approval): passed, the day is said as what was
  // expected, never "as soon as you can".
  if (filled.endsWith(EXPECTS_BY) && dayByPassed(context, due.at))
    return `${filled.slice(0, -EXPECTS_BY.length)}expected the approval by ${due.asDay === true ? dueDay(context, due) : dayBy(context, due.at)}${projected}, a day that has passed`;
  // A whole-day due names its own day, as its column does, not the midnight after it.
  if (filled.endsWith("by ") && dayByPassed(context, due.at))
    return `${filled.slice(0, -3)}${due.asDay === true ? `as soon as you can (${dueDay(context, due)}${basisMark(due, "comma")}, has passed)` : byDay(context, due.at).replace(/ has passed\)$/, `${basisMark(due, "comma")}, has passed)`)}`;
  // A day that is a day stays one (an exam's last sitting day; a whole-day due as its column shows
  // it, dueDay, not the next day); an ET instant whose local day differs, in both zones.
  const day = due.asDay === true ? dueDay(context, due) : dayBy(context, due.at);
  const asDay = due.asDay === true || EXAM_KEYS.has(key);
  return `${filled}${asDay ? day : cardDayOrWhen(context, due.at, day)}${projected}`;
}

/**
 * The step's text for its status: scheduled ahead ("your exam is on ..."), scheduled ahead but
 * after the step's deadline `due` ("move it earlier: take it by ..."), a scheduled date that has
 * passed ("did you take it?"), in progress (what finishes it; dated, a booking only where the
 * applicant's date is the step's, applicantDateIsDue), else the catalog's action; the budget's, its totals.
 */
export function actionFor(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  budget: Budget,
  due: DueDate | null,
): string {
  // A paid step beside ERAS_LATE_SUBMISSION's "weigh the next Match" says that condition.
  const action = paidStepWhileWeighing(
    context,
    entry.key,
    ownAction(context, entry, index, status, budget, due),
  );
  // The rank order list with no interview recorded asks about interviews first.
  return entry.key === "rank_order_list" ? interviewsFirst(context, action) : action;
}

function ownAction(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  budget: Budget,
  due: DueDate | null,
): string {
  const own = () => statusAction(context, entry, index, status, budget, due);
  // SOAP once the Match is over may hang on a result never reported: its condition first.
  if (entry.key === "soap") return conditionalMatchAction(context, entry.key, soapStepAction(context, own()));
  // A certified list that hangs on an answer not given keeps the Match live on that condition.
  if (entry.key === "match_week" || entry.key === "match_day")
    return conditionalMatchAction(context, entry.key, releaseInZone(context, own()));
  // An undated Pathway beside a certified list, past the deadline: its answer is asked;
  // one submitted in time is under review, then its answer is asked.
  if (entry.key === "ecfmg_pathway") {
    const answer =
      pathwayAnswerAction(context) ??
      pathwayReviewAction(context, entry, due) ??
      pendingPathwayAction(context, entry, due) ??
      undatedPathwayLateAction(context, entry) ??
      pathwayPassedAction(context);
    if (answer !== null) return answer;
  }
  // Most plans have no earlier season's work: no look-up then.
  if (context.pastSeason.size === 0) return own();
  // A prerequisite counted done because an earlier season's step needed it says so.
  if (!context.pastSeason.has(entry.key)) return `${own()}${lastingPrerequisiteNote(context, index)}`;
  // A re-applicant's step done for an earlier season (past-season.ts) says why it is back, and what
  // it asks now when that is not the first-time action (letters are imported, not asked for again).
  const year = context.calendar.matchYear;
  const again = entry.redoneEachSeason?.again;
  // A Pathway application of an earlier Pathways season says which one it was.
  const applied = context.pastSeasonEntries.get(entry.key)?.date;
  if (entry.redoneEachSeason?.from === "pathway-season" && applied !== undefined)
    return `Your Pathway application of ${renderDate(applied)} belongs to an earlier Pathways season, so it is not decided for the ${year} Match. ${again ?? own()}`;
  const moved = pastSeasonMatchNote(context, entry.key);
  if (moved !== "") return `${again ?? own()} ${moved}`;
  return again === undefined
    ? `${own()} ${(entry.key === "nrmp_registration" ? pastRegistrationWords(context) : null) ?? `What you did for an earlier Match season does not count for the ${year} Match.`}`
    : `${again} What you did for an earlier Match season is not in your ${year} application until you do.`;
}

/**
 * On a plan moved to a later Match (laterSeasonSteps), what a step done for the Match out of reach
 * is worth: that Match only. Empty for any other step or plan, and for a step whose re-applicant
 * text imports the earlier work (catalog `redoneEachSeason.imports`: letters, application data),
 * which is carried over, not done again.
 */
export function pastSeasonMatchNote(context: PlanContext, key: MilestoneKey): string {
  const moved = context.pastSeasonMatch;
  if (moved === undefined || !context.pastSeason.has(key)) return "";
  if (catalogEntry(key).redoneEachSeason?.imports === true) return "";
  return `What you did for the ${moved.out} Match was for that Match only: the ${moved.planned} Match needs it done again, in its own season.`;
}

function statusAction(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  status: MilestoneStatus,
  budget: Budget,
  due: DueDate | null,
): string {
  if (entry.key === "budget") return budgetAction(budget);
  const given = context.entries.at(index);
  const texts = step3CardTexts(context, entry, due);
  if (texts !== undefined) {
    if ((status === "scheduled" || (status === "in_progress" && entry.applicantDateIsDue)) && given?.date) {
      const day = startOfLocalDate(context.zone, given.date);
      const passed = day + DAY_MS <= context.now;
      // EXAMS_LATE_FOR_RANKING's test: an exam's day after its last sitting day, another step's after its deadline.
      const afterDeadline = !passed && due !== null && sittingAfterLastDay(context, entry.key, day, due);
      const text =
        rankListPlannedEarlyText(context, entry.key) ??
        (passed
          ? passedDayText(context, entry, given.date, day, texts)
          : afterDeadline
            ? (nrmpAfterCloseCard(context, entry) ??
              applicationPlannedLateCard(context, due) ??
              texts.scheduledAfterDeadline ??
              texts.scheduled)
            : ((isRetake(context, entry.key) ? texts.scheduledRetake : undefined) ??
              datedText(texts, status)));
      // Booked so, a sitting (a step whose day is booked) is too late for its last day's purpose.
      if (
        text !== undefined &&
        afterDeadline &&
        texts.scheduledAfterDeadline !== undefined &&
        entry.stepActions.includes("schedule")
      ) {
        // While the result may still come in time, never "too late as booked". On its day, "is today".
        const sentence = onExamDay(context, text.slice(0, text.indexOf(". ") + 1), day);
        const first = fill(context, sentence, entry, given, due);
        const keep = bookedLateWords(context, entry.key, first, given.date, day, due as DueDate);
        const late = tooLateAsBooked(context, entry.key, due);
        // Where the start still holds (the risk's warning): what to do, never "may not be in hand".
        if (interviewWarned(context, entry.key, day, due as DueDate))
          return `${first}${warnedInterviewAdvice(context, entry.key, day <= context.now)}`;
        const action = interviewDayCard(context, entry.key, day, first);
        return keep ?? `${action ?? fill(context, text, entry, given, due)} ${late}`;
      }
      // Sat, between the result's projected deadline and the later candidate's: both sides.
      const window = passed ? laterWindowCard(context, index, due) : null;
      if (text !== undefined && window !== null)
        return `${fill(context, text, entry, given, window.projected)}${window.after}`;
      if (text !== undefined)
        return `${fill(context, onExamDay(context, text, day), entry, given, due)}${awaitedDocumentWords(context, entry.key)}`;
    }
    // Booked with no date given: asked for the date, never told how to book (its fee counts as paid).
    if (status === "scheduled" && given?.date === undefined && texts.scheduledUndated !== undefined)
      return fill(context, texts.scheduledUndated, entry, given, due);
    const inProgress = status === "in_progress" ? inProgressText(context, entry) : undefined;
    if (inProgress !== undefined) return fill(context, inProgress, entry, given, due);
  }
  // A {due} in an action is its last day (Step 3's: the last day to sit it).
  // The rank list of an applicant asked about NRMP registration says that condition.
  // On a condition: NRMP registration beside ERAS_LATE_SUBMISSION's "weigh the next Match".
  const action =
    entry.key === "rank_order_list" && status === "not_started"
      ? nrmpRegistrationAsked(context)
        ? NRMP_ASKED_RANK_LIST_ACTION
        : entry.action
      : entry.key === "nrmp_registration" && nrmpWhileWeighing(context)
        ? nrmpWeighingAction(context, null)
        : entry.action;
  return fill(context, action, entry, given, due);
}

/**
 * A booked day's "is on {date}" on that day itself, in the applicant's zone: "is today, {date}",
 * never "is on" in the evening after the sitting. Its start is a re-plan.
 */
function onExamDay(context: PlanContext, text: string, day: number): string {
  if (day > context.now) noteRiskChange(context, day);
  return day <= context.now ? text.replace(" is on {date}", " is today, {date}") : text;
}

/** A blocked step's why: on a plan moved to a later Match, what the earlier Match's step is worth first. */
export function whyBlocked(context: PlanContext, entry: CatalogEntry, due?: DueDate | null): string {
  const moved = pastSeasonMatchNote(context, entry.key);
  // Step 3 dated for the H-1B petition once ranking is over says so.
  const after = step3AfterRankingWords(context, entry, due);
  const why = after === "" ? entry.why.text : `${after}${entry.why.text}`;
  return moved === "" ? why : `${moved} ${why}`;
}

/**
 * Match Week's "at 10:00 AM ET" (Monday's release, nrmp_match_week_start_and_soap_start) with the
 * applicant's own day and hour beside it where their day is not the ET day (Auckland reads it on
 * Tue 16 Mar, 3:00 AM); the text as it is elsewhere.
 */
function releaseInZone(context: PlanContext, text: string): string {
  if (!text.includes(RELEASE)) return text;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start;
  return text.replace(RELEASE, `at ${etWithLocalDay(context, monday.at, "10:00 AM ET")}`);
}
const RELEASE = "at 10:00 AM ET";

/** The exams (a result reported after a sitting: catalog `reportingDays`, not the Pathway's review): their cards' days are days. */
const EXAM_KEYS: ReadonlySet<MilestoneKey> = new Set([
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "usmle_step3",
] as const);
