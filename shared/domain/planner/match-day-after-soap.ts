import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { openingSlot, outsideQuietHours, slotOnDay } from "./delivery-slot.ts";
import { localDayEnd } from "./join-late-arrivals.ts";
import { releaseQuestionAt } from "./match-day.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * Match Day waits for SOAP's end: Match Day's "due in 1 day" rung fell at New
 * York's 9:00 AM on SOAP's last day, with the offer rounds still to come, asking for the SOAP offer
 * accepted. A Match Day reminder laid in Match Week before SOAP ends goes out at the applicant's
 * first delivery slot after SOAP's end instead, or, when that is past its deadline, at SOAP's end
 * (or when the applicant's quiet hours end, if SOAP ends inside them), under its own id,
 * while that is still before the reminder's deadline; of several moved to one instant the last
 * (the most urgent rung) is kept. Fixed, so a late notice that day never pulls it back before
 * SOAP's end (joinLateArrivals). A plan made after SOAP's end but before that slot keeps the rung
 * there too, not "now". Reminders from `from` on in `into` are the Match Day step's.
 * On the day Match Day's release asks where they matched (at the release, or the slot after it in
 * quiet hours), that question is the day's one email: a rung going earlier that day ("Match Day:
 * results at 12:00 PM ET") is dropped, moved or not (London heard it at 9:00 AM, then the question
 * at 4:00 PM). Where the release falls in the night, the rung keeps the day before it. The question's
 * instant is the one matchDayNotice lays (releaseQuestionAt), so a rung is dropped only for a
 * question that goes that day, never for one guessed at the release's slot.
 */
export function matchDayAfterSoap(
  context: PlanContext,
  dates: PlanDates,
  into: TimedReminder[],
  from: number,
): void {
  const season = context.calendar.dates;
  const soapEnd = season.nrmp_soap_ends.at;
  const start = season.nrmp_match_week_start_and_soap_start.at;
  const release = season.nrmp_match_day.at;
  // The delivery slot after SOAP's end; where that is already past Match Day (Auckland: SOAP ends at
  // 10:00 on its Friday, Match Day's release is 5:00 Saturday), SOAP's end itself, outside quiet hours.
  let slot = slotOnDay(context, toWall(context.zone, soapEnd));
  if (slot < soapEnd) slot = slotOnDay(context, toWall(context.zone, soapEnd) + DAY_MS);
  const fallback = outsideQuietHours(context, soapEnd);
  // Where the question goes that day, as matchDayNotice lays it (releaseQuestionAt), read only for a
  // rung on the release's own day: never before the release's opening slot, the earliest it can go.
  const earliest = openingSlot(context, release);
  let asked: number | undefined;
  let kept = -1;
  for (let index = from; index < into.length; index++) {
    const timed = into[index] as TimedReminder;
    const at = slot < timed.deadline ? slot : fallback;
    // Planned between SOAP's end and that slot (an answer tapped on Thursday night), the rung the
    // slot carries is a late arrival now: it keeps its slot rather than going out at night.
    const moved = timed.sendAt >= start && timed.sendAt < Math.max(soapEnd, at);
    const goes = moved ? at : timed.sendAt;
    const releaseDay = goes < earliest && localDayEnd(context.zone, goes) > earliest;
    if (releaseDay) asked ??= releaseQuestionAt(context, dates);
    const askedLater =
      releaseDay && asked !== undefined && goes < asked && localDayEnd(context.zone, goes) > asked;
    if ((moved && at >= timed.deadline) || askedLater) {
      into.splice(index--, 1);
      continue;
    }
    if (!moved) continue;
    if (kept >= 0) {
      into.splice(kept, 1);
      index--;
    }
    const reminder = reminderWith(timed.reminder, {
      sendAt: isoUtc(at),
      sendAtLocal: isoInZone(context.zone, at),
    });
    into[index] = timedReminder(at, timed.deadline, reminder, timed.late, true, timed.notice);
    kept = index;
  }
}
