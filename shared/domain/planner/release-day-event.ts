import { DAY_MS, ET_ZONE, localDate, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { openingSlot } from "./delivery-slot.ts";
import { etEventSendLimit } from "./et-event.ts";

/**
 * When the notice of an ET event laid for the evening before it (et-event.ts etEventSlot: no morning
 * slot of its own day leaves the margin) goes, where that evening is NRMP's Match Week release day:
 * SOAP's Tuesday, programs' first day of reading the applications. The evening before waits for the
 * previous day's offer rounds, and Monday has none, only the release, whose question ("did you
 * match?", and a SOAP participant's "send your applications today") goes at the release, or the
 * first delivery slot after it (match-outcome-texts.ts followUpAt), that same local day: the notice
 * goes in that email. Los Angeles got "did you match?" at 9:00 AM and SOAP's Tuesday at 6:00 PM on
 * Monday, two emails on one day, the second repeating the first's step; Auckland the same on its
 * Tuesday. Every other instant is kept (New York's notice on Tuesday morning, the offer rounds' evenings).
 */
export function releaseDayEventSlot(context: PlanContext, event: number, sendAt: number): number {
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  const releaseEtDay = wallDayStart(toWall(ET_ZONE, release));
  if (wallDayStart(toWall(ET_ZONE, event)) !== releaseEtDay + DAY_MS) return sendAt;
  const question = openingSlot(context, release);
  const sameDay = localDate(context.zone, question) === localDate(context.zone, sendAt);
  return sameDay && question < sendAt && question <= etEventSendLimit(event) ? question : sendAt;
}
