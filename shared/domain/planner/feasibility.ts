import { catalogEntry } from "../catalog/index.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import {
  ECFMG_APPLICATION_PROCESSING_DAYS,
  EXAM_BOOKING_DAYS,
  FASTEST_SCORE_REPORTING_DAYS,
} from "./advice.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";

/**
 * Whether the target Match is still within reach at the FASTEST realistic pace. A season is out of
 * reach only when that fails: NRMP needs Step 1, Step 2 CK and the Pathway (after OET) confirmed by
 * the rank order list deadline (official), and ECFMG certifies only after graduation (official;
 * the diploma verification after it has no published duration, so it only puts a season at risk).
 * The pace: an exam already prepared for (in progress, or booked) can be sat within a week and its
 * result comes about 3 weeks later (secondary); an exam not begun needs its preparation (the
 * catalog's lead time, advice) and Step 2 CK preparation follows Step 1; the ECFMG application takes
 * about 3 weeks (secondary) before an exam can be booked. The usual, cautious pace (which may put
 * the season at risk, never out of reach) is EXAMS_LATE_FOR_RANKING's business. Pure.
 */
export interface Feasibility {
  /** When the last remaining requirement can be reported at the fastest pace (epoch ms). */
  readyAt: number;
  /** True when, before the rank order list deadline, the season cannot be made (see `cause`). */
  infeasible: boolean;
  /** What makes it out of reach: graduation after residency starts, or the exams' timing. */
  cause: "graduation" | "exams" | null;
  /** The first Match year whose ROL deadline is after readyAt and whose start follows graduation. */
  earliestMatchYear: number;
  /** What it would take at that pace: the remaining requirements in order (see describeTakes). */
  takes: Remaining[];
}

/** One remaining requirement at the fastest pace (days; each with its basis in describeTakes). */
export interface Remaining {
  key: MilestoneKey;
  /** Preparation still needed before the sitting (advice), or 0 when already under way. */
  prepDays: number;
  /** Booking or processing before the sitting or decision. */
  waitDays: number;
  reportDays: number;
}

/** "Pass USMLE Step 1: about 120 days of preparation (advice), then about 21 days for the result", one per requirement. */
export function describeTakes(takes: readonly Remaining[]): string[] {
  return takes.map((take) => {
    const parts: string[] = [];
    if (take.prepDays > 0) parts.push(`about ${take.prepDays} days of preparation (advice)`);
    if (take.waitDays > 0)
      parts.push(
        take.key === "ecfmg_application"
          ? `about ${take.waitDays} days for ECFMG to process it (secondary)`
          : `a test date within about ${take.waitDays} days (advice)`,
      );
    if (take.reportDays > 0) parts.push(`about ${take.reportDays} days for the result`);
    return `${catalogEntry(take.key).title}: ${parts.length > 0 ? parts.join(", then ") : "as soon as its prerequisites are met"}`;
  });
}

/** How far ahead to look for a feasible season before giving up (and naming the last one tried). */
const MAX_YEARS_AHEAD = 6;

function needed(context: PlanContext, key: MilestoneKey): boolean {
  return applies(context, catalogEntry(key)) && !isFinished(statusOf(context, key));
}

/** The applicant's own date for a milestone scheduled or under way, as local midnight. */
function givenDay(context: PlanContext, key: MilestoneKey): number | null {
  const given = context.entries.get(key);
  if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
    return null;
  return startOfLocalDate(context.zone, given.date);
}

/**
 * The fastest sitting of an exam and when its result is reported: a date already passed waits only
 * for the result; otherwise the earlier of the applicant's own date and the fastest booking (an exam
 * can be moved earlier), after `ready` (the ECFMG application) and its preparation from `prepFrom`.
 */
function examAt(
  context: PlanContext,
  key: MilestoneKey,
  ready: number,
  prepFrom: number,
  takes: Remaining[],
): { sitting: number; reported: number } {
  const report =
    key === "oet_medicine" ? (catalogEntry(key).reportingDays?.days ?? 0) : FASTEST_SCORE_REPORTING_DAYS;
  if (!needed(context, key)) return { sitting: context.now, reported: context.now };
  const day = givenDay(context, key);
  if (day !== null && day < context.now) {
    return { sitting: day, reported: Math.max(context.now, day + report * DAY_MS) };
  }
  const prepared = statusOf(context, key) !== "not_started";
  const prepDays = prepared ? 0 : catalogEntry(key).leadTimeDays.days;
  const booked = Math.max(context.now + EXAM_BOOKING_DAYS * DAY_MS, ready, prepFrom + prepDays * DAY_MS);
  const sitting = day === null ? booked : Math.min(day, booked);
  if (day === null || booked < day)
    takes.push({ key, prepDays, waitDays: EXAM_BOOKING_DAYS, reportDays: report });
  return { sitting, reported: sitting + report * DAY_MS };
}

const FEASIBLE_NOW: Omit<Feasibility, "readyAt" | "earliestMatchYear"> = Object.freeze({
  infeasible: false,
  cause: null,
  takes: [],
});

export function assessFeasibility(context: PlanContext): Feasibility {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // After the rank order list deadline the season is over (SEASON_OVER says so): nothing to assess.
  if (context.now > rol) {
    return { ...FEASIBLE_NOW, readyAt: context.now, earliestMatchYear: context.calendar.matchYear };
  }
  const takes: Remaining[] = [];
  let applicationReady = context.now;
  if (needed(context, "ecfmg_application") && statusOf(context, "ecfmg_application") === "not_started") {
    applicationReady = context.now + ECFMG_APPLICATION_PROCESSING_DAYS * DAY_MS;
    takes.push({
      key: "ecfmg_application",
      prepDays: 0,
      waitDays: ECFMG_APPLICATION_PROCESSING_DAYS,
      reportDays: 0,
    });
  }
  const step1 = examAt(context, "usmle_step1", applicationReady, context.now, takes);
  // Preparation for Step 2 CK follows Step 1 (advice); a Step 1 done or booked frees it now.
  const step2Prep =
    needed(context, "usmle_step1") && statusOf(context, "usmle_step1") === "not_started"
      ? step1.sitting
      : context.now;
  const step2 = examAt(context, "usmle_step2ck", applicationReady, step2Prep, takes);
  const oet = examAt(context, "oet_medicine", context.now, context.now, takes);
  // No Pathway review time was found: at the fastest pace the decision follows its prerequisites.
  let pathway = context.now;
  if (needed(context, "ecfmg_pathway")) {
    pathway = Math.max(applicationReady, oet.reported);
    takes.push({ key: "ecfmg_pathway", prepDays: 0, waitDays: 0, reportDays: 0 });
  }
  const readyAt = Math.max(context.now, step1.reported, step2.reported, oet.reported, pathway);
  // ECFMG certifies only after graduation (official), and residents must be certified to start: a
  // graduation after the start cannot make that season. The time ECFMG then takes to verify the
  // diploma is not published (our 45 days are advice), so, as with study time for the exams, it
  // puts a season at risk (CERTIFICATION_AFTER_START, critical) but never out of reach.
  const graduation = startOfLocalDate(context.zone, context.applicant.graduation);
  const fits = (year: number): "graduation" | "exams" | null => {
    const calendar = year === context.calendar.matchYear ? context.calendar : seasonCalendar(year);
    if (graduation > calendar.dates.residency_start.at) return "graduation";
    return readyAt <= calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
      ? null
      : "exams";
  };
  const cause = fits(context.calendar.matchYear);
  let earliestMatchYear = context.calendar.matchYear;
  if (cause !== null) {
    earliestMatchYear = context.calendar.matchYear + 1;
    while (
      fits(earliestMatchYear) !== null &&
      earliestMatchYear < context.calendar.matchYear + MAX_YEARS_AHEAD
    ) {
      earliestMatchYear++;
    }
  }
  return { readyAt, infeasible: cause !== null, cause, earliestMatchYear, takes };
}
