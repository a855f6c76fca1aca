import type { Interview } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { zoneOutsideUs } from "./h1b.ts";
import { interviewStart } from "./interview-start.ts";

/**
 * What the interview rules read of a snapshot's interviews before they build any words, worked out
 * once per list: each start, the earliest and latest, and which interviews are in person at a US
 * program. Most plans' interviews all fall in their own Match's season, so the season-window rules
 * (an earlier or a later Match's season, after the rank order list deadline) answer null from the
 * earliest or latest start alone, where each walked the list and parsed every start (planner bench:
 * about 30 look-ups of interviewStart a plan).
 */
export interface InterviewFacts {
  /** interviewStart of each interview, in the list's order (NaN for an unparsable one). */
  readonly starts: readonly number[];
  /** The earliest start; -Infinity when a start is NaN, so no rule skips an interview it would have read. */
  readonly earliest: number;
  /** The latest start; Infinity when a start is NaN, likewise. */
  readonly latest: number;
  /** The indices of the in-person interviews at a program in a US zone (zoneOutsideUs false), ascending. */
  readonly inPersonUs: readonly number[];
}

/** The facts and what they were read from: each interview with the fields read. */
interface KeptFacts {
  facts: InterviewFacts;
  /**
   * The list and every interview in it were frozen when the facts were read (knownInterviews'
   * lists, which every context's list is made from): nothing read can have changed since, so the
   * field-by-field check is skipped. A frozen object stays frozen.
   */
  sealed: boolean;
  length: number;
  objects: Interview[];
  startsAt: string[];
  formats: Interview["format"][];
  timezones: string[];
}

/**
 * The facts of the context's interviews. Memoised per list (the snapshot's array, which a plan's
 * contexts share and re-plans of one snapshot reuse), and re-made when the list or any interview's
 * start, format or zone differs, as renderedInterview does for its texts: never a stale answer.
 * The context asked last is answered without that check: a context's interviews are set when it is
 * made (buildContext, contextWith) and not changed while its plan is made (as interviewingForMatch
 * holds), and a plan's risk rules ask about one context several times.
 */
export function interviewFacts(context: PlanContext): InterviewFacts {
  if (context === lastContext) return lastFacts;
  const { interviews } = context;
  let kept = byList.get(interviews);
  if (kept === undefined || (!kept.sealed && !stillHolds(kept, interviews))) {
    kept = factsOf(interviews);
    byList.set(interviews, kept);
  }
  lastContext = context;
  lastFacts = kept.facts;
  return lastFacts;
}

let lastContext: PlanContext | undefined;
let lastFacts: InterviewFacts = {
  starts: [],
  earliest: Number.POSITIVE_INFINITY,
  latest: Number.NEGATIVE_INFINITY,
  inPersonUs: [],
};
const byList = new WeakMap<readonly Interview[], KeptFacts>();

function stillHolds(kept: KeptFacts, interviews: readonly Interview[]): boolean {
  if (interviews.length !== kept.length) return false;
  for (let index = 0; index < kept.length; index++) {
    const interview = interviews[index] as Interview;
    if (
      interview !== kept.objects[index] ||
      interview.startsAt !== kept.startsAt[index] ||
      interview.format !== kept.formats[index] ||
      interview.timezone !== kept.timezones[index]
    )
      return false;
  }
  return true;
}

function factsOf(interviews: readonly Interview[]): KeptFacts {
  const starts: number[] = [];
  const inPersonUs: number[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let unparsable = false;
  for (let index = 0; index < interviews.length; index++) {
    const interview = interviews[index] as Interview;
    const at = interviewStart(interview);
    starts.push(at);
    if (Number.isNaN(at)) unparsable = true;
    else {
      if (at < earliest) earliest = at;
      if (at > latest) latest = at;
    }
    if (interview.format === "in_person" && !zoneOutsideUs(interview.timezone)) inPersonUs.push(index);
  }
  // A NaN start passes none of the rules' "<=" and ">=" skips: bounds that skip nothing keep that.
  if (unparsable) {
    earliest = Number.NEGATIVE_INFINITY;
    latest = Number.POSITIVE_INFINITY;
  }
  return {
    facts: { starts, earliest, latest, inPersonUs },
    sealed: Object.isFrozen(interviews) && interviews.every((interview) => Object.isFrozen(interview)),
    length: interviews.length,
    objects: interviews.slice(),
    startsAt: interviews.map((interview) => interview.startsAt),
    formats: interviews.map((interview) => interview.format),
    timezones: interviews.map((interview) => interview.timezone),
  };
}
