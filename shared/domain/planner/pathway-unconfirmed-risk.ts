import type { Risk } from "../plan.ts";
import { milestoneLatestCandidate } from "../seasons/index.ts";
import { DAY_MS, renderDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { when } from "./day-words.ts";
import { pathwayKeptUntilWords } from "./last-day-words.ts";
import type { LaterCandidateOnly } from "./later-candidate-feasibility.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { pathwayLastDay } from "./pathway-last-day.ts";
import { plannedPathwayDay } from "./planned-pathway-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { riskMark } from "./risk-mark.ts";
import { addSource } from "./risk-sources.ts";

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * Whether the Pathway application is not reported submitted: not begun, under way with no date, or
 * dated for a day still ahead (plannedPathwayDay: a plan to submit, not a submission).
 */
function notSubmitted(context: PlanContext): boolean {
  const entry = context.entries.at(PATHWAY.index);
  if (entry === undefined || entry.status === "not_started") return true;
  if (entry.status === "in_progress" && entry.date === undefined) return true;
  return plannedPathwayDay(context) !== null;
}

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
  // A sitting still to take (the OET by its later last day) keeps laterCandidateRisk, which names it.
  if (only.feasibility.takes.some((take) => take.key !== "ecfmg_pathway")) return undefined;
  const late = only.earlier.pathwayLate;
  // The application missed (or cannot meet) its projected deadline, or, past that deadline, its
  // review decides the Match (karachi_ck_sat_late on 28 Jan): no later day is named either way.
  const applicationLate = only.earlier.cause === "pathway" && late?.what === "application";
  if (!applicationLate && !(only.earlier.decidedBy === "ecfmg_pathway" && context.now > due))
    return undefined;
  const passed = context.now > due;
  const year = context.calendar.matchYear;
  const sources: string[] = [];
  addSource(sources, latest.rule);
  const projected = `ECFMG's Pathway application deadline as we project it, ${when(context, due)} (projected)`;
  // A planned day past it is named as too late for it: submit today instead.
  const planned = plannedPathwayDay(context);
  const plannedWords =
    planned === null ? "" : ` Your planned date, ${renderDate(planned)}, is too late for that deadline.`;
  // The last day the plan keeps the Match (the application's deadline on the later rank order list
  // deadline, as laterCandidateRisk's chain counts it): named, with its countdown
  // (lastDayCountdown), as the day after which the Match is lost, never as one to wait for.
  const last = pathwayLastDay(context.calendar);
  if (last !== null) noteRiskChange(context, last.at - DAY_MS);
  const lastWords = last === null ? "" : pathwayKeptUntilWords(context, last);
  const risk: Risk = {
    code: "MATCH_YEAR_LAST_DAY",
    severity: "critical",
    message: `${projected}, ${passed ? "has passed" : "is too soon for your application"}.${plannedWords} ECFMG's ${year} deadline is not confirmed; it was ${latest.said}: ${passed ? "submit today" : "submit as soon as you can"}${planned === null ? "" : " instead"} and check ECFMG's Pathways page; if ECFMG has closed it, tell us.${lastWords}`,
    milestones: ["ecfmg_pathway"],
    ...(last === null ? {} : { lastWorkingAt: new Date(last.at).toISOString() }),
    sources,
  };
  return unconfirmed.mark(risk);
}

/** The risks pathwayUnconfirmedRisk made: their notice's title is the Pathway's (pathway-late-title.ts). */
const unconfirmed = riskMark();

/** Whether `risk` is pathwayUnconfirmedRisk's. */
export const isPathwayUnconfirmedRisk = unconfirmed.has;
