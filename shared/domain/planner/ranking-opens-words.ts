import { basisMark } from "../date-basis.ts";
import { renderInZone } from "../time.ts";
import type { PlanContext } from "./context.ts";

/**
 * The rank list's {rankingOpens} words, in the tense of now: "once ranking opens (date)" before the
 * opening; after it "now (ranking opened on date)" once the season's opening is confirmed. While it
 * is projected (the earliest opening of the seasons on record, the safe side for planning), R3 may
 * not be open on that day: the words say it is expected then, and how late it may open, the latest
 * candidate of the projection rule (projection-rules.json `latestCandidate`: Feb 3, as in 2025),
 * at the opening's time of day (no DST change between mid-January and early February in ET).
 */
export function rankingOpensWords(context: PlanContext): string {
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  const when = `${renderInZone(context.zone, opens.at)}${basisMark(opens, "comma")}`;
  if (context.now < opens.at) return `once ranking opens (${when})`;
  const latest = opens.status === "confirmed" ? undefined : opens.latestCandidate;
  if (latest === undefined) return `now (ranking opened on ${when})`;
  const latestAt = opens.at + (Date.parse(latest.date) - Date.parse(opens.date));
  const latestWhen = renderInZone(context.zone, latestAt);
  // Past that day: no "by <day>" that reads as an instruction dated before now.
  if (context.now >= latestAt)
    return `now (ranking was expected to open on ${when}; in every season on record it opened no later than ${latestWhen})`;
  return `now (ranking is expected to open on ${when}; if R3 is not open yet, it may open as late as ${latestWhen}, the latest opening in the seasons on record)`;
}
