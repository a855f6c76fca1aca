import { basisMark } from "../date-basis.ts";
import { renderInZone } from "../time.ts";
import type { PlanContext } from "./context.ts";

/**
 * Where `now` stands to ranking's opening, one rule for every sentence that names it (the rank
 * list's step and ROL_BEFORE_RANKING_OPENS): "before" it; "opened" once past an opening that is
 * confirmed; past a projected one (the earliest opening of the seasons on record, the safe side for
 * planning) R3 may not be open yet: "expected" until the projection rule's latest candidate
 * (`latestAt`: projection-rules.json `latestCandidate`, Feb 3 as in 2025, at the opening's time of
 * day: no DST change between mid-January and early February in ET), "was-expected" from then.
 */
export type RankingOpening =
  | { tense: "before" }
  | { tense: "opened" }
  | { tense: "expected"; latestAt: number }
  | { tense: "was-expected"; latestAt: number };

export function rankingOpening(context: PlanContext): RankingOpening {
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  if (context.now < opens.at) return { tense: "before" };
  const latest = opens.status === "confirmed" ? undefined : opens.latestCandidate;
  if (latest === undefined) return { tense: "opened" };
  const latestAt = opens.at + (Date.parse(latest.date) - Date.parse(opens.date));
  return context.now >= latestAt ? { tense: "was-expected", latestAt } : { tense: "expected", latestAt };
}

/**
 * The rank list's {rankingOpens} words, in the tense of now (rankingOpening): "once ranking opens
 * (date)" before the opening; after it "now (ranking opened on date)" once the season's opening is
 * confirmed; while it is projected, that it was expected then (an instant now past) and how late it may open.
 */
export function rankingOpensWords(context: PlanContext): string {
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  const when = `${renderInZone(context.zone, opens.at)}${basisMark(opens, "comma")}`;
  const opening = rankingOpening(context);
  if (opening.tense === "before") return `once ranking opens (${when})`;
  if (opening.tense === "opened") return `now (ranking opened on ${when})`;
  const latestWhen = renderInZone(context.zone, opening.latestAt);
  // Past that day: no "by <day>" that reads as an instruction dated before now.
  if (opening.tense === "was-expected")
    return `now (ranking was expected to open on ${when}; in every season on record it opened no later than ${latestWhen})`;
  // Past the projected instant: "was expected", never a tense that puts a passed instant ahead.
  return `now (ranking was expected to open on ${when}; if R3 is not open yet, it may open as late as ${latestWhen}, the latest opening in the seasons on record)`;
}
