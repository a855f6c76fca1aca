import { type DoneOpens, doneOpensFor, openingHour } from "../applicant-choices.ts";
import type { Risk } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneStatus } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import { IMPLIED_AT, stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

// "I matched" (Match Week done) or "where I matched" (Match Day done) cannot be true before NRMP has
// told it: a plan that believed it would say "You matched" and plan a contract and a visa for an
// applicant who has no position. Like SOAP's done before its offer rounds (soap-done-before-offers.ts),
// such a done counts as not started, and the plan warns. The instant is Done's own window
// (doneOpensFor), the one the intake, the action page and the console refuse a Done by.

/** A Match outcome the plan does not count: its key, its date (or "undated"), and the window it came before. */
export interface MatchOutcomeEarly {
  key: "match_week" | "match_day";
  date: string | "undated";
  opens: DoneOpens & { at: NonNullable<DoneOpens["at"]> };
}

const OUTCOMES = ["match_week", "match_day"] as const;
const LABELS = { match_week: "Match Week", match_day: "Match Day" } as const;

/**
 * In buildContext: the Match outcomes reported done that cannot be true, or null (most plans). Dated:
 * before the step's own Done window's day (as the intake refuses it; a date on or before the previous
 * ERAS season's end is an earlier Match's, not judged here), or dated that day or later while `now`
 * is before its hour (NRMP has not told it yet). Undated: reported while `now` is before Match Week's
 * notification, when no applicant has been told anything yet.
 */
export function matchOutcomesBeforeWindow(
  get: (key: "match_week" | "match_day") => MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  now: number,
): MatchOutcomeEarly[] | null {
  let early: MatchOutcomeEarly[] | null = null;
  for (const key of OUTCOMES) {
    const entry = get(key);
    if (entry?.status !== "done") continue;
    if (entry.date !== undefined && entry.date <= calendar.dates.eras_previous_season_ends.date) continue;
    const opens =
      entry.date === undefined
        ? doneOpensFor("match_week", calendar, localDate(zone, now), zone, now)
        : doneOpensFor(key, calendar, entry.date, zone, now);
    // With `now`, doneOpensFor also refuses any date while now is before the hour (doneNotCountedYet's
    // rule): a done dated the window's own day or later counts from its hour, like an undated one.
    if (opens?.at === undefined) continue;
    early ??= [];
    early.push({ key, date: entry.date ?? "undated", opens: { ...opens, at: opens.at } });
  }
  return early;
}

const OUTCOME_AT: readonly number[] = [stepIndex("match_week"), stepIndex("soap"), stepIndex("match_day")];

const RANK_LIST_AT = stepIndex("rank_order_list");

/**
 * In buildContext, for a withdrawn outcome (`statuses` by catalog index): the steps it implies stay
 * done (the rank order list it followed: the applicant is in the Match, not written off), but no Match
 * outcome (Match Week, SOAP, Match Day) is implied by it, nor a rank order list the plan refused
 * (`rankListRefused`, ROL_BEFORE_RANKING_OPENS): implied back, the list the risk asks to certify
 * left the plan, and its critical notice rode on Match Week, never urgent.
 */
export function keepOutcomeImplied(
  statuses: MilestoneStatus[],
  key: MatchOutcomeEarly["key"],
  rankListRefused: boolean,
): void {
  for (const index of IMPLIED_AT[stepIndex(key)]?.done ?? []) {
    if (OUTCOME_AT.includes(index) || (rankListRefused && index === RANK_LIST_AT)) continue;
    if (statuses[index] !== "done" && statuses[index] !== "waived") statuses[index] = "done";
  }
}

/**
 * MATCH_OUTCOME_BEFORE_MATCH_WEEK (warning): "You marked Match Week done before NRMP's Match Week
 * notification (whether you matched) for the 2027 Match on Mon 15 Mar 2027, 2:00 PM GMT (…, 10:00 AM
 * ET); results are not out yet, so your plan still prepares for Match Week. …". An undated done counts
 * from Match Week's notification, one dated its window's day or later from that window's hour: that instant is
 * noted as the plan's change. Null when none is refused.
 */
export function matchOutcomeBeforeWindowRisk(context: PlanContext): Risk | null {
  const early = context.matchOutcomeEarly;
  const first = early?.[0];
  if (early === null || first === undefined) return null;
  const notification = context.calendar.dates.nrmp_match_week_start_and_soap_start;
  if (early.some((each) => each.date === "undated")) noteRiskChange(context, notification.at);
  // Dated the window's own day or later: it counts from the window's hour, so the plan changes then.
  for (const each of early)
    if (each.date !== "undated" && each.date >= each.opens.date)
      noteRiskChange(context, each.opens.at.instant);
  const marked = early
    .map((each) => `${LABELS[each.key]} done${each.date === "undated" ? "" : ` on ${renderDate(each.date)}`}`)
    .join(" and ");
  const projected = first.opens.status === "projected" ? " (projected)" : "";
  const why =
    context.now < notification.at
      ? "results are not out yet, so your plan still prepares for Match Week"
      : `${first.opens.at.why}: your plan does not count it`;
  return {
    code: "MATCH_OUTCOME_BEFORE_MATCH_WEEK",
    severity: "warning",
    message: `You marked ${marked} before ${first.opens.what} on ${openingHour(first.opens, projected)}; ${why}. ${first.opens.at.markWhen}.`,
    milestones: early.map((each) => each.key),
    sources: [first.opens.source],
  };
}
