import { localDayOf, type SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { rolLastReportedDay } from "./rol-later-day.ts";

/** Why a reported rank order list is not counted, with the date the applicant gave (if any). */
export interface RolRefusal {
  reason: "before-opening" | "undated" | "future" | "after-deadline" | "withdrawn";
  date: string | null;
}

/**
 * Whether a reported rank order list cannot count: NRMP takes lists only from the day ranking opens
 * (official), so "done" dated before then is refused ("scheduled" so dated is a plan, not a list:
 * rank-list-planned-early.ts); "done" with no date before
 * ranking opens, or dated after today (the applicant's day), cannot be a certified list either.
 * Calendar dates compare as ISO text, each a day in the applicant's zone.
 */
export function refusedRankList(
  rol: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  now: number,
  zone: string,
): RolRefusal | null {
  if (rol === undefined || (rol.status !== "done" && rol.status !== "scheduled")) return null;
  const opens = calendar.dates.nrmp_rank_order_list_entry_opens;
  if (rol.date === undefined) {
    return rol.status === "done" && now < opens.at ? { reason: "undated", date: null } : null;
  }
  // The reported date is the applicant's day: it compares with the local days of the opening and
  // the deadline (localDayOf), not their ET days.
  if (rol.date < localDayOf(zone, opens) && rol.status === "done")
    return { reason: "before-opening", date: rol.date };
  if (rol.status === "done" && rol.date > localDate(zone, now)) return { reason: "future", date: rol.date };
  // After the season's deadline no list can be certified for it (a date meant for a later Match);
  // while that deadline is projected, after its later candidate (a list certified between the
  // two counts, flagged by ROL_DEADLINE_MAY_BE_LATER).
  const deadline = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (rol.date > localDayOf(zone, deadline) && rol.date > rolLastReportedDay(calendar, zone))
    return { reason: "after-deadline", date: rol.date };
  return null;
}
