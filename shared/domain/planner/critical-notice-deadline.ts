import type { Risk } from "../plan.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { markResidencyStart } from "./residency-start-day.ts";
import { seasonOverLaterCandidate } from "./season-over-risk.ts";
import { delayedStartDue } from "./start-delayed-risk.ts";

/**
 * The season date each critical notice announces (critical-risk-notice.ts): the rank order list
 * deadline of the Match the risk is about (the earliest feasible one when the target is out of
 * reach, the next one when it is over for the applicant); residency's start for a certificate or a
 * visa that may come after it (a matched applicant's undecided visa route too: the deadline it once
 * asked to decide by has passed); Match Day for the question whether they ranked;
 * for a start already delayed, the next week's follow-up (delayedStartDue). The notice is laid
 * against this date; the date it shows is its step's own where the risk is about that step
 * (critical-notice-carrier-date.ts carrierDate).
 */
export function deadlineOf(context: PlanContext, risk: Risk): DueDate {
  if (risk.code === "START_DELAYED") return delayedStartDue(context);
  // Over unless NRMP's deadline is later: due by that later candidate, the day R3 may still let them.
  if (risk.code === "SEASON_OVER") {
    const later = laterRolDue(context.calendar, seasonOverLaterCandidate(context));
    if (later !== undefined) return later;
  }
  const calendar =
    risk.code === "MATCH_YEAR_NOT_FEASIBLE" && risk.earliestFeasibleMatchYear !== undefined
      ? seasonCalendar(risk.earliestFeasibleMatchYear)
      : risk.code === "SEASON_OVER"
        ? seasonCalendar(context.calendar.matchYear + 1)
        : context.calendar;
  const known = seasonDues(calendar);
  // Asked whether they ranked: the question stands until Match Day.
  // Asked to check R3 after a result dated past the projected deadline: until Match Day too.
  if (risk.code === "RANK_LIST_UNREPORTED" || risk.code === "ROL_DEADLINE_MAY_BE_LATER")
    return known.matchDay;
  // Match Week done beside SOAP in progress: answered by Match Day, after it by residency's start.
  if (risk.code === "MATCH_WEEK_SOAP_CONFLICT")
    return context.now < known.matchDay.at ? known.matchDay : known.start;
  // A note "no" beside a certificate or a pass leaves every step planned: asked until residency starts.
  if (risk.code === "ANSWERS_CONTRADICT_RECORD" && context.eligibility === "eligible") return known.start;
  return START_BOUND.has(risk.code) ? known.start : known.rol;
}

/** The rank order list deadline of the season `calendar` as a DueDate, the object its notices are laid against. */
export function rolDue(calendar: SeasonCalendar): DueDate {
  return seasonDues(calendar).rol;
}

/**
 * Residency's start in the season `calendar` as a DueDate: the one object the start-bound notices
 * and the follow-ups of a visa step behind (visa-behind.ts) are laid against, rendered once.
 */
export function residencyStartDue(calendar: SeasonCalendar): DueDate {
  return seasonDues(calendar).start;
}

/** Match Day's release in the season `calendar` as a DueDate, rendered once. */
export function matchDayDue(calendar: SeasonCalendar): DueDate {
  return seasonDues(calendar).matchDay;
}

function seasonDues(calendar: SeasonCalendar): { rol: DueDate; start: DueDate; matchDay: DueDate } {
  let known = seasonDueDates.get(calendar);
  if (known === undefined) {
    const dueDate = (date: SeasonCalendar["dates"]["residency_start"]): DueDate =>
      shapedDueDate({
        at: date.at,
        zone: ET_ZONE,
        status: date.status,
        basis: date.status,
        source: date.source,
      });
    known = {
      rol: dueDate(calendar.dates.nrmp_rol_certification_and_late_registration_deadline),
      start: dueDate(calendar.dates.residency_start),
      matchDay: dueDate(calendar.dates.nrmp_match_day),
    };
    markResidencyStart(known.start); // rendered as a day (residency-start-day.ts)
    seasonDueDates.set(calendar, known);
  }
  return known;
}

/**
 * The rank order list deadline's later candidate at `at` (seasonOverLaterCandidate) as a DueDate,
 * projected by its rule (projection-rules.json latestCandidate); one object per season.
 */
function laterRolDue(calendar: SeasonCalendar, at: number | undefined): DueDate | undefined {
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (at === undefined || rol.latestCandidate === undefined) return undefined;
  let due = laterRolDues.get(calendar);
  if (due === undefined) {
    due = shapedDueDate({
      at,
      zone: ET_ZONE,
      status: "projected",
      basis: "projected",
      source: rol.latestCandidate.rule,
    });
    laterRolDues.set(calendar, due);
  }
  return due;
}
const laterRolDues = new WeakMap<SeasonCalendar, DueDate>();

/** The critical risks whose notice is due by the residency start, not the rank order list deadline. */
const START_BOUND: ReadonlySet<string> = new Set([
  "CERTIFICATION_AFTER_START",
  "VISA_NOT_READY_FOR_START",
  "VISA_UNDECIDED",
  "MATCH_DAY_NOT_REPORTED",
  // A SOAP position accepted and never told starts then: the question whether there is one stands until it.
  "SOAP_OUTCOME_UNREPORTED",
  // So does a registration made and never told: the move stands on it.
  "NRMP_REGISTRATION_CLOSED",
]);

/** One DueDate object per season date, so PlanDates renders each once (it memoises by object). */
const seasonDueDates = new WeakMap<SeasonCalendar, { rol: DueDate; start: DueDate; matchDay: DueDate }>();
