import { catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import { localDate, renderDate } from "../time.ts";
import { SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { when } from "./day-words.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/** When programs may decide on an H-1B applicant at the earliest: from the day ranking opens (advice). */
const RANKING_OPENS_DECISIONS =
  "advice: programs enter and certify their rank lists from the day ranking opens (an NRMP date) until the rank order list deadline; a program may decide whom to rank on H-1B any day in between, so only a Step 3 result reported by the day ranking opens reaches every program in time";

/**
 * STEP3_NEEDED_FOR_H1B as a warning for a Step 3 booked in time for the rank order list deadline
 * whose result, expected the catalog's scoring time after the exam day, comes after ranking opens:
 * programs deciding before it will not see the score. None otherwise.
 */
export function resultAfterRankingOpens(context: PlanContext, day: number): Risk[] {
  const opens = context.calendar.dates.nrmp_rank_order_list_entry_opens;
  const scoringDays = catalogEntry("usmle_step3").reportingDays?.days ?? SCORE_REPORTING_DAYS;
  const expected = shiftDays(day, context.zone, scoringDays);
  if (expected <= opens.at) return [];
  // The day the score is expected, the exam's day plus those days, as Step 3's card counts it
  // (passedDayText): the instant is that day's start, which dayBy read as the day before.
  const expectedDay = renderDate(shiftIsoDay(localDate(context.zone, day), scoringDays));
  const sources = [RANKING_OPENS_DECISIONS];
  const opensText = `${when(context, opens.at, true)}${citeSeasonDate(opens, sources)}`;
  addSource(sources, SCORE_REPORTING_SOURCE);
  return [
    {
      code: "STEP3_NEEDED_FOR_H1B",
      severity: "warning",
      message: `Your Step 3 result is expected around ${expectedDay}, about ${Math.ceil(scoringDays / 7)} weeks after your exam, and programs can start deciding whom to rank when ranking opens, ${opensText}: programs that decide before then will not see your score, so they may not rank you on H-1B. Ask each program by when it needs a passed Step 3, and sit it earlier if you can.`,
      milestones: ["usmle_step3", "visa_h1b"],
      sources,
    },
  ];
}
