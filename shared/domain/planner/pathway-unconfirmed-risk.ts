import type { Risk } from "../plan.ts";
import { milestoneLatestCandidate } from "../seasons/index.ts";
import { DAY_MS, localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { instantWords } from "./date-math.ts";
import { when } from "./day-words.ts";
import { pathwayKeptUntilWords } from "./last-day-words.ts";
import type { LaterCandidateOnly } from "./later-candidate-feasibility.ts";
import { laterSittingActions } from "./later-candidate-risk.ts";
import { pathwayWhileWeighing, weighPathwayWords } from "./nrmp-while-weighing.ts";
import { PATHWAY_MATCHED_VALIDITY_SOURCE } from "./pathway-certificate-risk.ts";
import { PATHWAYS_REVALIDATION_SOURCE } from "./pathway-certificate-validity-check.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { type PathwayLastDay, pathwayLastDay } from "./pathway-last-day.ts";
import { notSubmitted, pathwayDecides } from "./pathway-passed-keeps-match.ts";
import { plannedPathwayDay } from "./planned-pathway-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { riskMark } from "./risk-mark.ts";
import { addSource } from "./risk-sources.ts";

/**
 * MATCH_YEAR_LAST_DAY, critical, for a Pathway application not submitted that misses its projected
 * deadline (60 days before the ROL deadline) while the latest candidate (projection-rules.json
 * milestoneOffsets `latestCandidate`) still allows it.
 * "ECFMG's Pathway application deadline as we project it, Sat 26 Dec 2026 (projected), has passed.
 * ECFMG's 2027 deadline is not confirmed; it was 31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for
 * the 2023 Match: submit today and check ECFMG's Pathways page; if ECFMG has closed it, tell us."
 * It names the later candidate's Pathway deadline (its lastWorkingAt, counted down by lastDayCountdown)
 * only as the day after which the Match is lost, "do not wait for that day", never as one to act by (an
 * applicant who waits past ECFMG's known 31 Dec cutoff may lose the year): the countdown's title is
 * the Pathway's "submit your application today" (pathway-late-title.ts). The reason is the
 * application deadline, not the decision's timing. Undefined
 * when the season is refused for another reason or the rule has no latest candidate.
 */
export function pathwayUnconfirmedRisk(context: PlanContext, only: LaterCandidateOnly): Risk | undefined {
  const latest = milestoneLatestCandidate("ecfmg_pathway");
  const due = pathwayDeadline(context.calendar);
  if (latest === undefined || due === null || !notSubmitted(context)) return undefined;
  // Before the deadline, a sitting still to take (the OET by its later last day) keeps
  // laterCandidateRisk, which names it. Once it has passed, the application is what can be done
  // today whatever the OET's status: a not-started or booked OET sent the risk to the later
  // candidate's "submit your ECFMG Pathway application by" Wed 3 Feb, ECFMG's 31 Dec on record
  // unnamed. The sitting is named after the application (sittingsWords).
  const passed = context.now > due;
  if (!passed && only.feasibility.takes.some((take) => take.key !== "ecfmg_pathway")) return undefined;
  if (!pathwayDecides(only, passed)) return undefined;
  const year = context.calendar.matchYear;
  const sources: string[] = [];
  addSource(sources, latest.rule);
  const projected = `ECFMG's Pathway application deadline as we project it, ${when(context, due)} (projected)`;
  // The last day the plan keeps the Match (the application's deadline on the later rank order list
  // deadline, as laterCandidateRisk's chain counts it): named, with its countdown
  // (lastDayCountdown), as the day after which the Match is lost, never as one to wait for.
  const last = pathwayLastDay(context.calendar);
  // A planned day past it is named as too late for it: submit today instead.
  const planned = plannedPathwayDay(context);
  const plannedWords = planned === null ? "" : plannedDayWords(context, planned, last);
  if (last !== null) noteRiskChange(context, last.at - DAY_MS);
  const lastWords = last === null ? "" : pathwayKeptUntilWords(context, last);
  // With the ERAS application long late, the Pathway is a fee for this Match alone: weighed first.
  const weigh = pathwayWhileWeighing(context);
  if (weigh) {
    addSource(sources, PATHWAY_MATCHED_VALIDITY_SOURCE);
    addSource(sources, PATHWAYS_REVALIDATION_SOURCE);
  }
  const weighWords = weigh
    ? `${weighPathwayWords(year)}. Should you still apply for the ${year} Match: `
    : "";
  const risk: Risk = {
    code: "MATCH_YEAR_LAST_DAY",
    severity: "critical",
    message: `${weighWords}${projected}, ${passed ? "has passed" : "is too soon for your application"}.${plannedWords} ECFMG's ${year} deadline is not confirmed; it was ${latest.said}: ${passed ? "submit today" : "submit as soon as you can"}${planned === null ? "" : " instead"} and check ECFMG's Pathways page; if ECFMG has closed it, tell us.${lastWords}${sittingsWords(context, only)}`,
    milestones: ["ecfmg_pathway"],
    ...(last === null ? {} : { lastWorkingAt: new Date(last.at).toISOString() }),
    sources,
  };
  return unconfirmed.mark(risk);
}

/**
 * " Your planned date, Thu 4 Feb 2027, is too late for that deadline", and what it is beside the
 * last day that keeps the Match (`last`): after it, too late for this Match on every date we
 * project; on it, a day that ends at that instant's hour in the applicant's time (Auckland's Wed 3
 * Feb ends at 3:00 PM GMT+13): the risk named only the passed deadline, and its "keeps the Match only
 * until" sentence left the applicant to see her own day falls after it.
 */
function plannedDayWords(context: PlanContext, planned: string, last: PathwayLastDay | null): string {
  const said = ` Your planned date, ${renderDate(planned)}, is too late for that deadline`;
  // The deadline's own day, its hour gone by (plannedDayOvertaken): the plan may have been kept in time.
  const due = pathwayDeadline(context.calendar);
  if (due !== null && localDate(context.zone, due) === planned)
    return ` Your planned date, ${renderDate(planned)}, is that deadline's own day: if your application went in before ${instantWords(context.zone, due, false).local}, it was in time, so tell us (mark this step in progress with that date); if not, your planned date is too late for that deadline.`;
  if (last === null) return `${said}.`;
  const lastDay = localDate(context.zone, last.at);
  if (planned < lastDay) return `${said}.`;
  const year = context.calendar.matchYear;
  if (planned > lastDay)
    return `${said}, and falls after the last day your plan keeps the ${year} Match: sent then, your application would be too late for the ${year} Match on every date we project.`;
  const { local } = instantWords(context.zone, last.at, false);
  // The hour with its zone's label ("3:00 PM GMT+13"), which already says it is her time.
  const hour = local.startsWith(`${renderDate(planned)}, `)
    ? local.slice(renderDate(planned).length + 2)
    : local;
  return `${said}, and it is the last day your plan keeps the ${year} Match, which ends at ${hour}: sent after that hour, your application would be too late for the ${year} Match.`;
}

/**
 * The sittings the later candidate's chain still needs beside the application (laterSittingActions):
 * " Submit it without waiting for your OET result, which follows it, and check OET's session
 * calendar now for a late OET Medicine seat … and sit it by Tue 12 Jan 2027 at the latest (our
 * advice)." Empty when none is left to take.
 */
function sittingsWords(context: PlanContext, only: LaterCandidateOnly): string {
  const takes = only.feasibility.takes.filter((take) => take.key !== "ecfmg_pathway");
  if (takes.length === 0) return "";
  const { actions } = laterSittingActions(context, only.context, takes, "");
  if (actions.length === 0) return "";
  const sittings = actions.join(", and ");
  return takes.some((take) => take.key === "oet_medicine")
    ? ` Submit it without waiting for your OET result, which follows it, and ${sittings}.`
    : ` Still to do for the ${context.calendar.matchYear} Match: ${sittings}.`;
}

/** The risks pathwayUnconfirmedRisk made: their notice's title is the Pathway's (pathway-late-title.ts). */
const unconfirmed = riskMark();

/** Whether `risk` is pathwayUnconfirmedRisk's. */
export const isPathwayUnconfirmedRisk = unconfirmed.has;
