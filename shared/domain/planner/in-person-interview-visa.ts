import type { Risk } from "../plan.ts";
import type { Interview } from "../snapshot.ts";
import { localDate, renderDate } from "../time.ts";
import { CONSULAR_WAIT_DAYS, INTERVIEW_VISITOR_VISA_SOURCE } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { livesOutsideUs } from "./h1b.ts";
import { US_VISAS_URL, visitorVisaAllowance } from "./h1b-words.ts";
import { interviewFacts } from "./interview-facts.ts";
import { interviewStart } from "./interview-start.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * INTERVIEW_NEEDS_VISITOR_VISA (warning): the
 * in-person interviews still ahead, at a program in a US zone, of an applicant whose zone is
 * outside the US (livesOutsideUs, the snapshot's only sign of where they live), from the plan in
 * which the interview is first recorded: attending needs a US visitor visa (B-1/B-2), whose
 * interview wait is the one Step 3's trip allows for (CONSULAR_WAIT_DAYS, the same caveat),
 * or a virtual interview, which the applicant can ask the program for (advice). One risk names every
 * such interview (program and its local day); each start is noted as an instant the risk changes.
 * Interviews before this plan's Match season (its programs' first review day) are an earlier or a
 * dropped Match's, left to INTERVIEW_IN_EARLIER_MATCH and the moved plan's words. Null for a virtual
 * interview, an applicant in the US, or no interview (one length check).
 */
export function interviewVisitorVisaRisk(context: PlanContext): Risk | null {
  if (context.interviews.length === 0 || !livesOutsideUs(context)) return null;
  const seasonStart = context.calendar.dates.eras_programs_may_review_applications_and_mspe.at;
  // Which interviews the risk names, as a bit set (exact in a double up to MAX_INTERVIEWS): the
  // risk is made once per snapshot's interviews and set, not on every plan (planner bench: its
  // in-person interviews abroad).
  let named = 0;
  // The in-person interviews at a US program, in the list's order, found once per list (interviewFacts).
  const { starts, inPersonUs } = interviewFacts(context);
  for (let place = 0; place < inPersonUs.length; place++) {
    const index = inPersonUs[place] as number;
    const at = starts[index] as number;
    if (at <= context.now || at < seasonStart) continue;
    noteRiskChange(context, at);
    named += BITS[index] ?? 2 ** index;
  }
  if (named === 0) return null;
  let bySet = madeRisks.get(context.interviews);
  if (bySet === undefined) {
    bySet = new Map();
    madeRisks.set(context.interviews, bySet);
  }
  let risk = bySet.get(named);
  if (risk === undefined) {
    risk = visitorVisaRisk(context.interviews, named);
    bySet.set(named, risk);
  }
  return risk;
}

/** 2 ** index for the indices a snapshot holds (MAX_INTERVIEWS and more): a read, not a Math.pow call per interview. */
const BITS: readonly number[] = Array.from({ length: 64 }, (_, index) => 2 ** index);

/** The risks made per snapshot's interviews (the array plans share), by the set they name. */
const madeRisks = new WeakMap<readonly Interview[], Map<number, Risk>>();

function visitorVisaRisk(interviews: readonly Interview[], set: number): Risk {
  const named: string[] = [];
  for (let index = 0; index < interviews.length; index++) {
    if (Math.floor(set / 2 ** index) % 2 === 0) continue;
    const interview = interviews[index] as Interview;
    const at = interviewStart(interview);
    const words = `${interview.program.trim()} on ${renderDate(localDate(interview.timezone, at))}`;
    // Two entries for one interview (planInterviews plans them once) are named once.
    if (!named.includes(words)) named.push(words);
  }
  const what = named.length === 1 ? "Your in-person interview at" : "Your in-person interviews at";
  const attend = named.length === 1 ? "it" : "them";
  return Object.freeze({
    code: "INTERVIEW_NEEDS_VISITOR_VISA",
    severity: "warning",
    message: `${what} ${named.join(" and ")} ${named.length === 1 ? "is" : "are"} in the US, and you live outside the US: to attend ${attend} you need a US visitor visa (B-1/B-2). If you do not hold one, ask the program whether a virtual interview is possible, or apply for the visitor visa now: this plan allows ${visitorVisaAllowance(CONSULAR_WAIT_DAYS)}, and in some consulates the wait is far longer.`,
    milestones: Object.freeze(["interview"]) as Risk["milestones"],
    sources: Object.freeze([US_VISAS_URL, INTERVIEW_VISITOR_VISA_SOURCE]) as string[],
  });
}
