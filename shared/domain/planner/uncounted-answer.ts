import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { soapAnsweredTooEarly } from "./early-soap-answer.ts";
import { failedScores, retakeEntry } from "./failed-score.ts";
import { matchOutcomesBeforeWindow } from "./match-outcome-before-window.ts";
import { refusedRankList } from "./rank-list-refusal.ts";
import { soapDoneBeforeOffers } from "./soap-done-before-offers.ts";

/**
 * Whether the plan counts a recorded Match-outcome answer as not started because it came too early:
 * SOAP answered before Match Week's notification (soapAnsweredTooEarly) or done before its first
 * offer round (soapDoneBeforeOffers), Match Week or Match Day done before NRMP could tell it
 * (matchOutcomesBeforeWindow). One predicate for the plan (buildContext resets such an entry) and the
 * action page (an answer the plan does not count is no answer there either: from its window the tap
 * records it, never "already recorded"). `matchDayDone`: Match Day reported done (then SOAP's done
 * claims no position of its own). Calendar dates compare as days in `zone`; `now` is epoch ms.
 */
export function uncountedAnswer(
  entry: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  now: number,
  matchDayDone: boolean,
): boolean {
  if (entry === undefined) return false;
  if (entry.key === "soap")
    return (
      soapDoneBeforeOffers(entry, calendar, zone, now, matchDayDone) !== null ||
      soapAnsweredTooEarly(entry, calendar, zone, now)
    );
  if (entry.key === "match_week" || entry.key === "match_day")
    return (
      matchOutcomesBeforeWindow((key) => (key === entry.key ? entry : undefined), calendar, zone, now) !==
      null
    );
  return false;
}

/**
 * The applicant's recorded entry of `key` as the plan counts it (for the action page): an answer the
 * plan does not count (uncountedAnswer, a refused rank list) reads as not started, and a result below its passing score
 * as the retake the plan reads (retakeEntry: "done" with a failing score is no pass, so a Done or
 * Scheduled for… on the retake is not "already recorded: you passed"); undefined when none is recorded.
 */
export function countedAnswer(
  key: MilestoneKey,
  milestones: readonly MilestoneEntry[],
  applicant: { matchYear: number; timezone: string },
  now: number,
): MilestoneEntry | undefined {
  const recorded = milestones.find((entry) => entry.key === key);
  if (recorded === undefined) return undefined;
  const calendar = seasonCalendar(applicant.matchYear);
  const zone = applicant.timezone;
  const matchDay = milestones.find((entry) => entry.key === "match_day");
  const matchDayDone = matchDay?.status === "done" && !uncountedAnswer(matchDay, calendar, zone, now, false);
  // A rank list the plan refuses (dated before ranking opened, ROL_BEFORE_RANKING_OPENS) is no
  // certified list: its card asks "certify it again now … and tell us the day", so Done records it.
  if (
    uncountedAnswer(recorded, calendar, zone, now, matchDayDone) ||
    (key === "rank_order_list" && refusedRankList(recorded, calendar, now, zone) !== null)
  )
    return { ...recorded, status: "not_started" };
  const today = localDate(zone, now);
  const [failed] = failedScores([recorded], today);
  return failed === undefined ? recorded : (retakeEntry(failed, today) ?? recorded);
}
