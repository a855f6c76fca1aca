import { DAY_MS, MINUTE_MS } from "../time.ts";
import { slackTerms } from "./chain-deadlines.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { assessAt, type Feasibility } from "./feasibility.ts";
import { reportsBeingInTheMatch } from "./in-the-match.ts";
import { LAST_WEEK_DAYS } from "./match-year-last-week.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { noteCrossing } from "./risk-change-instants.ts";

// The search for MATCH_YEAR_LAST_DAY's instant, apart from match-year-last-day.ts, which keeps the
// risk's words.

/**
 * How far ahead the last working day is named: six weeks, time to book a sitting, sit it and
 * send a Pathway application (advice: no authority sets a warning period).
 */
export const LAST_DAY_WARNING_DAYS = 42;

/** The last working instant, the chain as of then, and the deadline it misses a minute later. */
export interface LastWorking {
  at: number;
  chain: Feasibility;
  bound: Feasibility["cause"];
}

/**
 * The last instant, within LAST_DAY_WARNING_DAYS and before the rank order list deadline, from
 * which the target Match is still in reach at the fastest pace (feasibility's own chain, assessAt,
 * at that instant with what is reported today): the last at which every deadline of the chain
 * still holds (chain-deadlines.ts), with the chain as of then and the deadline it
 * misses a minute later; null when the season is in reach beyond that horizon (or not now). The
 * chain's estimates grow no faster than time (each allowance counts from now, or from a fixed day),
 * so a season with the horizon's slack to spare needs no search; else the instant is found to the
 * minute by bisection. `warning`: the horizon from now (ms), wider for a day named beside one found
 * within it (later-last-day.ts).
 */
export function lastWorkingInstant(
  context: PlanContext,
  now: Feasibility,
  warning = LAST_DAY_WARNING_DAYS * DAY_MS,
): LastWorking | null {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // The warning begins when the chain's slack falls under the horizon: a re-plan then (cohort rows).
  // So does its last week (critical, with its notice), noted from a plan made before the
  // risk appears: a cohort row stored then must turn with a fresh plan (escalation-risk-thresholds).
  if (!now.infeasible && now.slack < Number.POSITIVE_INFINITY) {
    noteCrossing(context, context.now + warning, context.now + now.slack);
    noteCrossing(context, context.now + LAST_WEEK_DAYS * DAY_MS, context.now + now.slack);
  }
  // One who reports being in the Match has nothing left to reach (assessFeasibility skips the chain).
  if (now.infeasible || now.slack >= warning || reportsBeingInTheMatch(context)) return null;
  // In reach only with no study counted (study-uncounted.ts), while this search counts study so as to
  // name the day to start preparing: when that chain fails already now, the day has passed and none
  // lies ahead. Without this check the search's start (now, assumed to work) was returned: a last day
  // that moved with every plan ("act today, by" the plan's own minute, "due in 1 minute").
  if (now.studyUncounted === true && assessAs(context, context.now).infeasible) return null;
  const horizon = Math.min(context.now + warning, rol);
  // Most chains are a fixed lead from now, so the day of last resort is now plus a deadline's slack
  // (slackTerms, ascending), tried from the largest down: the deadline that binds last is most often
  // the latest one (planner bench: the Pathway's, behind three that hold). Each guess's minute after
  // first: one that works from then on costs one chain, not two. Infeasibility only grows with time,
  // so an instant found working moves the search's start, one found failing its end, and the
  // boundary, and so the answer, is the one the halving below finds, whatever the order.
  const terms = slackTerms(now.takes, context.calendar) ?? [now.slack];
  let works = context.now;
  let fails = horizon;
  // The cause at `fails` once it is assessed there: the horizon is assessed only when no guess
  // failed before it (a failing guess says the horizon fails too, a chain saved on the bench).
  let bound: Feasibility["cause"] | undefined;
  // The chain as of `works` once one is assessed there: the answer's chain, not assessed twice.
  let worksChain: Feasibility | null = null;
  for (let term = terms.length - 1; term >= 0; term--) {
    const guess = context.now + Math.floor((terms[term] as number) / MINUTE_MS) * MINUTE_MS;
    if (guess <= works) break;
    if (guess + MINUTE_MS >= fails) continue;
    const after = assessAs(context, guess + MINUTE_MS);
    if (!after.infeasible) {
      works = guess + MINUTE_MS;
      worksChain = after;
      break;
    }
    const chain = assessAs(context, guess);
    if (!chain.infeasible) return atDeadline(context, { at: guess, chain, bound: after.cause });
    fails = guess;
    bound = chain.cause;
  }
  if (bound === undefined) {
    const atHorizon = assessAs(context, horizon);
    if (!atHorizon.infeasible) return null;
    bound = atHorizon.cause;
  }
  while (fails - works > MINUTE_MS) {
    const middle = works + Math.floor((fails - works) / 2 / MINUTE_MS) * MINUTE_MS || works + MINUTE_MS;
    const chain = assessAs(context, middle);
    if (chain.infeasible) {
      fails = middle;
      bound = chain.cause;
    } else {
      works = middle;
      worksChain = chain;
    }
  }
  return atDeadline(context, { at: works, chain: worksChain ?? assessAs(context, works), bound });
}

/**
 * The last working instant found to the minute from now, which keeps now's seconds: when a
 * deadline of the chain falls within the minute after it and the chain still holds at that
 * deadline (a Pathway application, sent at once, holds up to its deadline's own instant), the
 * last instant is that deadline, so every word and notice names its instant ("3:00 AM", by who
 * sets it), never the minute before it ("2:59 AM", our advice).
 */
function atDeadline(context: PlanContext, last: LastWorking): LastWorking {
  const { calendar } = context;
  const deadlines = [
    calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at,
    pathwayDeadline(calendar),
    pathwayDocumentsDeadline(calendar),
  ];
  for (const deadline of deadlines) {
    if (deadline === null || deadline <= last.at || deadline - last.at >= MINUTE_MS) continue;
    const chain = assessAs(context, deadline);
    if (!chain.infeasible) return { at: deadline, chain, bound: last.bound };
  }
  return last;
}

/** Feasibility as of `at` (ahead of now), with today's reports: its noted risk instants are its own. */
function assessAs(context: PlanContext, at: number): Feasibility {
  return assessAt(contextWith(context, { now: at, riskChangesAt: [] }), "lastDay");
}
