import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords, seasonDateSources, seasonInstantEt } from "../seasons/date-words.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, isSatisfied, type PlanContext, statusOf } from "./context.ts";
import { contractDayWords, contractSteps } from "./contract-steps.ts";
import type { PlanDates } from "./deadlines.ts";
import { unmatchedReported } from "./match-outcome-texts.ts";
import { matchOverTexts } from "./match-over-texts.ts";
import { matchWeekMatched } from "./match-week-matched.ts";
import { residencyStartedAt } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

// facts.md §5: the contract comes first; the Statement of Need comes from the home country's
// Ministry of Health; ECFMG allows 4–6 weeks once every document is in.
const ECFMG_J1_PROCESS_URL = "https://ecfmg.org/evsp/application-process.html";

const CONTRACT = indexedStep("contract");

/**
 * Whether the applicant's Match is over with its result never told: a certified
 * rank order list, Match Day not reported, and residency's start (season date) passed. The advisor's
 * rule: the question does not stop at residency's start. A matched applicant who never told us is in
 * residency, so no post-Match step waits any longer (the plan lists none); one who did not match is
 * steered to the next season, whose ERAS opens in June. Match Day says once that the Match is over,
 * then checks monthly up to the next Match's ERAS submission day, and MATCH_DAY_NOT_REPORTED
 * stays until the applicant answers.
 */
export function matchOverUnreported(context: PlanContext): boolean {
  return (
    context.now >= residencyStartedAt(context) &&
    isSatisfied(context, "rank_order_list") &&
    !isFinished(statusOf(context, "match_day")) &&
    // One who told us in Match Week they did not match (in SOAP) is past the SOAP outcome's date
    // by then, and their plan is the next Match's (soapOutcomeUnreported).
    !unmatchedReported(context) &&
    // One who told us in Match Week they matched did match: only where is unknown, and the season is
    // theirs, not written off (the Match Day question keeps asking where; the contract and visa stay).
    !matchWeekMatched(context)
  );
}

/**
 * MATCH_DAY_NOT_REPORTED (critical), the applicant certified a rank order list, Match
 * Day's release has passed, the contract's start-by has come (its date less its lead time: a week
 * after Match Day, while the contract can still be signed on time and the J-1 chain's weeks still
 * count), and they have told us nothing about
 * Match Week nor where they matched (one in SOAP told us they did not match: never to them). Before residency's start: the contract and
 * visa steps wait on the answer; from it on (matchOverUnreported) the Match is over
 * and the risk says so, with the next season's ERAS dates for one who did not match. Match Day
 * is a calendar event, so the plan cannot wait for it in silence: the contract and (for a J-1) the
 * Statement of Need and ECFMG sponsorship wait on the answer. Its critical-risk notice goes out at
 * once and the advisor's escalation follows (escalation.ts); Match Day's own step asks weekly.
 * Zero or one Risk; the contract's start-by and date are noted for re-planning. Pure.
 */
export function matchDayNotReportedRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const { calendar } = context;
  if (!isSatisfied(context, "rank_order_list") || isFinished(statusOf(context, "match_day"))) return [];
  const contractDue = dates.due("contract");
  if (contractDue === null) return [];
  const alarm = dates.startBy(contractDue, catalogEntry(CONTRACT.key).leadTimeDays.days, CONTRACT.index);
  noteRiskChange(context, alarm.at);
  // Match Day's own step takes its late words at the contract's date.
  noteRiskChange(context, contractDue.at);
  // Never to one who told us in Match Week they did not match ("we
  // still do not know where you matched" to a SOAP participant): they are asked which SOAP offer
  // they accepted, and past the contract's date SOAP_OUTCOME_UNREPORTED stands beside the next Match.
  if (unmatchedReported(context)) return [];
  const start = calendar.dates.residency_start;
  const startedAt = residencyStartedAt(context);
  noteRiskChange(context, startedAt);
  if (context.now < alarm.at) return [];
  const matched = matchWeekMatched(context);
  // One who told us she matched did: her contract and visa still wait on where, after the start too.
  if (context.now >= startedAt && !matched) {
    const over = matchOverTexts(context);
    // These words move on to a later Match at the open Match's rank order list deadline.
    noteRiskChange(context, over.changesAt);
    return [
      {
        code: "MATCH_DAY_NOT_REPORTED",
        // A warning now: the critical notice and the advisor's escalation went at the contract's
        // start-by, nothing the plan lists waits on the answer any more, and Match Day's own notice
        // says the Match is over (matchOverNotices); critical would badge a card due months ahead
        // "urgent".
        severity: "warning",
        message: `We never heard whether you matched in the ${calendar.matchYear} Match (Match Day was ${seasonInstantEt(calendar.dates.nrmp_match_day)}; residency started on ${residencyStartWords(start, [])}). If you did, mark Match Day done. ${over.nextSeasonPlan}`,
        milestones: ["match_day"],
        sources: seasonDateSources([...over.sources], calendar.dates.nrmp_match_day, start),
      },
    ];
  }
  const j1 = context.applicant.visa === "J-1";
  // A contract reported signed (kept done though dated before Match Day: done-before-season.ts) waits on nothing.
  const signed = isFinished(statusOf(context, "contract"));
  const waiting = signed
    ? j1
      ? ": the Statement of Need from your Ministry of Health and your J-1 sponsorship through ECFMG (which needs 4 to 6 weeks once every document is in) wait on it,"
      : context.applicant.visa === "none"
        ? ","
        : ": your visa steps wait on it,"
    : j1
      ? ": your contract, the Statement of Need from your Ministry of Health and your J-1 sponsorship through ECFMG (which needs 4 to 6 weeks once every document is in) wait on it,"
      : `: your ${contractSteps(context.applicant.visa)} wait on it,`;
  const sources = seasonDateSources([], calendar.dates.nrmp_match_day, start);
  if (j1) sources.push(ECFMG_J1_PROCESS_URL);
  // Match Week done already said "matched": only where is asked, no "if you did not match".
  const ask = matched
    ? "You told us you matched: mark Match Day done now."
    : "If you matched, mark Match Day done now; if you did not match, change your target Match year.";
  // The first of them, the contract, gives the notice its date (critical-risk-notice.ts carrierDate).
  const tense = context.now > contractDue.at ? "was" : "is";
  const contractDay = signed
    ? `You reported your contract signed; where you matched ${tense} asked by ${contractDayWords(dates)}.`
    : `The first of them, your contract, ${tense} planned for ${contractDayWords(dates)}.`;
  return [
    {
      code: "MATCH_DAY_NOT_REPORTED",
      severity: "critical",
      message: `Match Day was ${seasonInstantEt(calendar.dates.nrmp_match_day)} and we still do not know where you matched${waiting} and residency ${context.now >= startedAt ? "started" : "starts"} on ${residencyStartWords(start, sources)}. ${contractDay} ${ask}`,
      milestones: ["match_day"],
      sources,
    },
  ];
}
