import type { Reminder } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { OUT_OF_REACH_RUNG } from "./critical-notice-id.ts";

/**
 * Whether a notice's words are about a Match whose rank order list deadline (official, the season's
 * data) has passed at `now`: the out-of-reach notice of the target Match `targetYear` ("The 2027
 * Match is out of reach … Pay no 2027 ERAS or NRMP fee"). Its deadline is the feasible Match's, so
 * it still looks ahead after the target Match is over; sent again then, its advice is stale
 * (resent six weeks after that Match). Every other notice's deadline is the
 * season date its words are about (deadlineOf), so a passed deadline already retires it.
 */
export function noticeOfPassedMatch(
  reminder: Pick<Reminder, "rung">,
  targetYear: number,
  now: number,
): boolean {
  if (reminder.rung !== OUT_OF_REACH_RUNG) return false;
  return now > seasonCalendar(targetYear).dates.nrmp_rol_certification_and_late_registration_deadline.at;
}
