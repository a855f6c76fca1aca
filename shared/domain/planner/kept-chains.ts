import { BoundedMemo } from "../bounded-memo.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { MILESTONE_STATUSES } from "../snapshot-keys.ts";
import { applicationQuestioned } from "./answers-contradict-interview.ts";
import { indexedStep } from "./catalog-index.ts";
import { type ChainTimes, keepChainTimes, keptChainTimes } from "./chain-deadlines.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { isRetake } from "./failed-score.ts";
import type { Feasibility } from "./feasibility.ts";
import { presumedSent } from "./presumed-sent.ts";

/** How a chain is judged (feasibility.ts assessAt): one of its four ways. */
export type Judged = "now" | "pastDeadline" | "laterCandidate" | "lastDay";

/** The steps the chain reads (chainAt), by catalog index: the ECFMG application, the exams, the OET, the Pathway. */
const APPLICATION = indexedStep("ecfmg_application");
const CHAIN_STEPS: readonly number[] = [
  APPLICATION.index,
  indexedStep("usmle_step1").index,
  indexedStep("usmle_step2ck").index,
  indexedStep("oet_medicine").index,
  indexedStep("ecfmg_pathway").index,
];
const PATHWAY_AT = CHAIN_STEPS[4] as number;

/** One chain kept, with every input it was laid for (compared on each use) and what laying it noted. */
interface KeptChain {
  calendar: SeasonCalendar;
  zone: string;
  graduation: string;
  judged: Judged;
  /** The chain steps' applicability, statuses and given entries' statuses, and the flags (chainKey). */
  key: number;
  /** The chain steps' given dates (undefined where no date, or no entry), in CHAIN_STEPS order. */
  dates: (string | undefined)[];
  feasibility: Feasibility;
  times: ChainTimes | undefined;
  /** The risk-change instants laying it noted on the plan (replayed on each use). */
  noted: readonly number[];
}

/**
 * Feasibility chains (assessAt's chainAt) kept across plans, by `now` (exact: every estimate counts
 * from it), then by everything else a chain reads, compared on each use: the season calendar (its
 * dates, and the later seasons' by year), the zone, the graduation day, how it is judged, whether
 * study is counted, and for each of the five chain steps (CHAIN_STEPS) its applicability, status,
 * and given entry's status and date (plannedDayAt; presumedSent reads whether there is an entry);
 * the Pathway presumed (presumedSent), the USMLE retakes (isRetake), and, applying for ECFMG, whether
 * the interview questions that answer (applicationQuestioned). Nothing else of the context is read
 * (feasibility.ts, fastest-sitting.ts, oet-sitting-judged.ts, pathway-deadlines.ts, chain-deadlines.ts).
 * Applicants of one season and zone with the same steps and dates share a chain when planned at one
 * instant: an advisor digest plans its cohort at the digest's instant, the cohort look-ahead at the
 * season's change instants. Planned at the clock's own now (the stream's planner), a chain is never
 * asked twice (a plan asks each of its chains once). A chain's side effects are replayed: the
 * instants it noted on the plan's riskChangesAt, its times in chain-deadlines.ts's ring; and each use
 * gets a Feasibility object of its own (rules keep facts per Feasibility object in WeakMaps).
 * Bounded: MAX_INSTANTS instants (then the memo starts again), MAX_PER_INSTANT chains each.
 */
const MAX_INSTANTS = 256;
const MAX_PER_INSTANT = 16;
const kept = new BoundedMemo<number, KeptChain[]>(MAX_INSTANTS);

/** The chain `lay` lays for (`context`, `judged`, `study`), kept from an earlier ask of the same inputs. */
export function keptChain(
  context: PlanContext,
  judged: Judged,
  study: boolean,
  lay: (context: PlanContext, judged: Judged, study: boolean) => Feasibility,
): Feasibility {
  const key = chainKey(context, study);
  let list = kept.get(context.now);
  if (list !== undefined) {
    for (let at = 0; at < list.length; at++) {
      const chain = list[at] as KeptChain;
      if (sameInputs(chain, context, judged, key)) return replayed(context, chain);
    }
  } else list = kept.keep(context.now, []);
  const noted = context.riskChangesAt.length;
  const feasibility = lay(context, judged, study);
  if (list.length >= MAX_PER_INSTANT) list.length = 0;
  list.push({
    calendar: context.calendar,
    zone: context.zone,
    graduation: context.applicant.graduation,
    judged,
    key,
    dates: CHAIN_STEPS.map((index) => context.entries.at(index)?.date),
    feasibility,
    times: keptChainTimes(feasibility.takes),
    noted: context.riskChangesAt.slice(noted),
  });
  return feasibility;
}

/**
 * The chain steps' applicability (1 bit), status (3 bits) and given entry's status (3 bits, 0 for no
 * entry), 7 bits a step (35 bits: exact in a double), then the flags: study counted, the Pathway
 * presumed sent, Step 1 and Step 2 CK retakes, the ECFMG application questioned (read only when
 * the chain would read it: applying, as chainAt's test).
 */
function chainKey(context: PlanContext, study: boolean): number {
  let key = 0;
  for (let at = 0; at < CHAIN_STEPS.length; at++) {
    const index = CHAIN_STEPS[at] as number;
    const given = context.entries.at(index)?.status;
    key =
      key * 128 +
      (context.applicable[index] === true ? 64 : 0) +
      MILESTONE_STATUSES.indexOf(statusAt(context, index)) * 8 +
      (given === undefined ? 0 : MILESTONE_STATUSES.indexOf(given) + 1);
  }
  const applying =
    context.applicable[APPLICATION.index] === true && statusAt(context, APPLICATION.index) === "not_started";
  return (
    key * 32 +
    (study ? 16 : 0) +
    (presumedSent(context, PATHWAY_AT) ? 8 : 0) +
    (isRetake(context, "usmle_step1") ? 4 : 0) +
    (isRetake(context, "usmle_step2ck") ? 2 : 0) +
    (applying && applicationQuestioned(context) ? 1 : 0)
  );
}

function sameInputs(chain: KeptChain, context: PlanContext, judged: Judged, key: number): boolean {
  if (
    chain.key !== key ||
    chain.calendar !== context.calendar ||
    chain.judged !== judged ||
    chain.zone !== context.zone ||
    chain.graduation !== context.applicant.graduation
  )
    return false;
  for (let at = 0; at < CHAIN_STEPS.length; at++)
    if (chain.dates[at] !== context.entries.at(CHAIN_STEPS[at] as number)?.date) return false;
  return true;
}

/** The kept chain's noted instants and ring times replayed, in a Feasibility object of this use's own. */
function replayed(context: PlanContext, chain: KeptChain): Feasibility {
  for (let at = 0; at < chain.noted.length; at++) context.riskChangesAt.push(chain.noted[at] as number);
  const kept = chain.feasibility;
  if (chain.times !== undefined) keepChainTimes(kept.takes, chain.times);
  // Field for field in chainAt's order: every Feasibility keeps one hidden class.
  return {
    readyAt: kept.readyAt,
    infeasible: kept.infeasible,
    cause: kept.cause,
    slack: kept.slack,
    earliestMatchYear: kept.earliestMatchYear,
    takes: kept.takes,
    dropped: kept.dropped,
    decidedBy: kept.decidedBy,
    pathwayLate: kept.pathwayLate,
    studyUncounted: kept.studyUncounted,
  };
}
