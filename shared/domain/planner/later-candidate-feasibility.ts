import type { SeasonCalendar, SeasonDate } from "../seasons/index.ts";
import { etInstant, isoUtc } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { assessAt, type Feasibility } from "./feasibility.ts";
import { lastSittingEnd, sittingCutOffOf } from "./last-sitting-day.ts";
import { laterDayCrossed } from "./later-day-crossed.ts";
import { keepProjectedCalendar } from "./projected-calendar.ts";

/**
 * A Match out of reach on the projected rank order list deadline (the earlier candidate) but in reach
 * on its later candidate (projection-rules.json `latestCandidate`: 16 days before Match Day, as in
 * 2022–2025). The earlier date is "the safe side for planning,
 * not for refusing" (README, "Adding or confirming a season"), so such a plan keeps its Match, dated
 * by the earlier date, and one critical risk (laterCandidateRisk) says both sides.
 */
export interface LaterCandidateOnly {
  /** The plan's context with the season's calendar on the later candidate (laterCandidateCalendar). */
  context: PlanContext;
  /** The chain judged on the later candidate: in reach (the plan's feasibility). */
  feasibility: Feasibility;
  /** The chain judged on the projected (earlier) date: out of reach. */
  earlier: Feasibility;
}

/**
 * `calendar` with its rank order list deadline moved to that date's later candidate (its ET day at
 * the same ET hour; status projected, its source the candidate's rule), every date counted from it
 * following it: the USMLE exams' last sitting days, and ECFMG's Pathway deadlines with the OET's last
 * sitting day, which projection-rules.json derives from it, the
 * application's on its latest candidate (pathwayDeadline); null when the
 * deadline is confirmed or has no later candidate. Built once per season (calendars are cached).
 */
export function laterCandidateCalendar(calendar: SeasonCalendar): SeasonCalendar | null {
  if (laterCalendars.has(calendar)) return laterCalendars.get(calendar) ?? null;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const later = rol.latestCandidate;
  let moved: SeasonCalendar | null = null;
  if (rol.status === "projected" && later?.said !== undefined) {
    const at = etInstant(later.date, rol.time);
    const date: SeasonDate = { ...rol, date: later.date, source: later.rule, at, iso: isoUtc(at) };
    delete date.latestCandidate;
    moved = Object.freeze({
      ...calendar,
      laterCandidate: true,
      dates: Object.freeze({
        ...calendar.dates,
        nrmp_rol_certification_and_late_registration_deadline: date,
      }),
    });
  }
  laterCalendars.set(calendar, moved);
  if (moved !== null) keepProjectedCalendar(moved, calendar);
  return moved;
}
const laterCalendars = new WeakMap<SeasonCalendar, SeasonCalendar | null>();

/**
 * `earlier` (assessFeasibility's answer for `context`) unless the Match is out of reach on the
 * projected deadline only: then the chain judged on the later candidate with the same rules (an exam
 * under way: any seat by that candidate's last sitting day), kept with laterCandidateOnly. Judged only
 * when `earlier` writes the Match off (a rare path), before the projected deadline (after it, what
 * was reported by then decides: assessFeasibility, except an OET sat in time on the later candidate:
 * oetSatForLater), and never for graduation (no deadline moves it).
 */
export function withLaterCandidate(context: PlanContext, earlier: Feasibility): Feasibility {
  if (!earlier.infeasible || earlier.cause === "graduation") return earlier;
  const calendar = laterCandidateCalendar(context.calendar);
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (calendar === null || (context.now > rol && !oetSatForLater(context, calendar))) return earlier;
  // Its crossings are the plan's too (shared riskChangesAt): the plan is made again when the later
  // candidate's last sitting day passes, and the write-off then applies as before.
  const laterContext = contextWith(context, { calendar });
  // The later candidate is one generosity; an own sitting's result sooner than its allowance would be a
  // second (a sitting on the later deadline's own day would keep the Match): counted in full here.
  const later = assessAt(laterContext, "laterCandidate");
  // Out of reach there too: the later candidate's own day crossed, when one was, is what decided it.
  if (later.infeasible) return laterDayCrossed(context, laterContext, earlier) ?? earlier;
  laterOnly.set(later, { context: laterContext, feasibility: later, earlier });
  return later;
}
const laterOnly = new WeakMap<Feasibility, LaterCandidateOnly>();

/** What withLaterCandidate kept for `feasibility`, if it is a Match in reach on the later candidate only. */
export function laterCandidateOnly(feasibility: Feasibility): LaterCandidateOnly | undefined {
  return laterOnly.get(feasibility);
}

const OET = indexedStep("oet_medicine");

/**
 * Whether, past the projected rank order list deadline, the OET was sat (booked, its day passed, no
 * result reported) by its last sitting day on the later candidate's `calendar` (Tue 12 Jan 2027 for
 * the 2027 Match) while that candidate's deadline is still ahead: such a sitting is asked about and
 * judged on that candidate until its deadline passes with nothing reported, as before the projected
 * deadline (it was written off from 25 Feb to 3 Mar).
 * Read only on a write-off (withLaterCandidate's rare path).
 */
function oetSatForLater(context: PlanContext, calendar: SeasonCalendar): boolean {
  if (context.applicable[OET.index] !== true || statusAt(context, OET.index) !== "scheduled") return false;
  const day = plannedDayAt(context, OET.index);
  if (day === null || day >= context.now) return false;
  if (context.now > calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at) return false;
  return day < lastSittingEnd(context.zone, sittingCutOffOf(calendar, OET.key));
}
