import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/** The visa chain after the Match (contract, then the track's visa steps), in catalog order. */
const VISA_CHAIN = MILESTONE_CATALOG.filter((entry) => entry.stage === "visa");

/**
 * VISA_NOT_READY_FOR_START (critical): the applicant matched (Match Day done), residency has not
 * started, and a step of their visa chain is past the date the plan gives it (tester s7 issue 9
 * B5: a matched J-1 applicant with nothing done heard nothing from April to 20 June). The later
 * links wait on the earlier ones, so they stay blocked and send no reminder of their own; this risk
 * names the late links and the ones still to follow, and its critical-risk notice goes out again
 * whenever one more link falls behind (the steps it names change, so does the notice's id; each
 * such instant is noted for re-planning). Shape: zero or one Risk. Sources: each late step's own
 * citation from the catalog. Pure.
 */
export function visaStartRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const start = context.calendar.dates.residency_start;
  if (!isFinished(statusOf(context, "match_day")) || context.now >= start.at) return [];
  const open = VISA_CHAIN.filter(
    (entry) => applies(context, entry) && !isFinished(statusOf(context, entry.key)),
  );
  const late = open.filter((entry) => {
    const due = dates.due(entry.key)?.at;
    if (due === undefined) return false;
    noteRiskChange(context, due);
    return due < context.now;
  });
  if (late.length === 0) return [];
  const sources: string[] = [];
  for (const entry of late) addSource(sources, citationSource(entry.why));
  const names = (entries: typeof open) => entries.map((entry) => entry.advisorName).join(", ");
  const next = open.filter((entry) => !late.includes(entry));
  const track = context.applicant.visa === "H-1B" ? "H-1B" : "J-1";
  const ask =
    track === "J-1"
      ? "your program's GME office and ECFMG (it sponsors J-1 physicians and issues the DS-2019)"
      : "your program's GME office (it files the H-1B petition)";
  return [
    {
      code: "VISA_NOT_READY_FOR_START",
      severity: "critical",
      message: `Your visa steps are behind for residency starting ${start.date}: ${names(late)} ${late.length === 1 ? "is" : "are"} past the date we plan for${next.length > 0 ? `, and ${names(next)} still ${next.length === 1 ? "follows" : "follow"}` : ""}. Without your ${track} visa you cannot start. Contact ${ask} now, and tell us each step as it is done.`,
      milestones: late.map((entry) => entry.key as StepSubject),
      sources,
    },
  ];
}
