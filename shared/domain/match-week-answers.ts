import type { MilestoneEntry } from "./snapshot.ts";
import { DONE_RECORDS, START_RECORDS, type StepAction } from "./step-actions.ts";

/**
 * Match Week's two answers exclude each other: "Matched" (Match Week done) and "Not matched: I'm in
 * SOAP" (SOAP in progress) or an accepted SOAP offer (SOAP done); NRMP admits to SOAP only applicants
 * who did not match (https://www.nrmp.org/residency-applicants/match-week/). One email carries both
 * buttons, so the second tap of an old email must not record the other answer beside the first
 * (that raised MATCH_WEEK_SOAP_CONFLICT). Pure: the caller passes the statuses as the plan counts them
 * (countedAnswer), "not_started" when none is recorded.
 */
type Status = MilestoneEntry["status"];

/** The two answers' buttons, as the email and the timeline label them. */
const MATCHED = DONE_RECORDS.match_week?.applicant ?? "Matched";
const IN_SOAP = START_RECORDS.soap?.applicant ?? "Not matched: I'm in SOAP";

/** How to correct a recorded answer: the page shows no button; an intake form or the advisor can. */
const WRONG_ANSWER =
  "(if that was wrong, send your intake form again with the right answer, or ask your advisor)";

/** The SOAP answers that say "did not match". */
function soapAnswered(soap: Status): boolean {
  return soap === "in_progress" || soap === "done";
}

/**
 * Why an action link's answer is superseded by the other answer already recorded, in the
 * applicant's words (the action page shows no button and the POST records nothing); undefined when
 * it is not. "Matched" after a SOAP answer; "Not matched: I'm in SOAP" after "Matched" (unless both
 * stand: then it is a way out, conflictWayOut).
 */
export function supersededAnswerText(
  milestone: string,
  action: StepAction,
  statuses: { soap: Status; matchWeek: Status },
): string | undefined {
  if (
    milestone === "match_week" &&
    action === "done" &&
    soapAnswered(statuses.soap) &&
    statuses.matchWeek !== "done"
  )
    return `You already told us you did not match and ${statuses.soap === "done" ? "accepted a SOAP offer" : "are taking part in SOAP"} ${WRONG_ANSWER}: “${MATCHED}” is not a choice now`;
  if (
    milestone === "soap" &&
    action === "start" &&
    statuses.matchWeek === "done" &&
    statuses.soap !== "in_progress"
  )
    return `You already told us you matched ${WRONG_ANSWER}: “${IN_SOAP}” is not a choice now`;
  return undefined;
}

/**
 * Whether a SOAP answer settles MATCH_WEEK_SOAP_CONFLICT (Match Week done beside a SOAP answer) as
 * the "did not match" way out: "Not matched: I'm in SOAP" beside SOAP in progress, or "I accepted a
 * SOAP offer" beside SOAP done (SOAP, done, is no card: the conflict's notice and risk offer it).
 * The tap records Match Week not started and keeps SOAP's answer, as SOAP's "Not for me" is the
 * "matched" way out.
 */
export function conflictWayOut(
  milestone: string,
  action: StepAction,
  statuses: { soap: Status; matchWeek: Status },
): boolean {
  return (
    milestone === "soap" &&
    statuses.matchWeek === "done" &&
    ((action === "start" && statuses.soap === "in_progress") ||
      (action === "done" && statuses.soap === "done"))
  );
}

/**
 * Whether SOAP's "Not for me" is the "matched" way out of MATCH_WEEK_SOAP_CONFLICT (Match Week done
 * beside a SOAP answer: the conflict's notice tells a categorical match to tap it), so it records
 * even beside an accepted offer, where a Not for me on any other done step is already answered
 * (alreadyAnswered). Match Week stays done: the tap says "matched".
 */
export function matchedWayOut(
  milestone: string,
  action: StepAction,
  statuses: { soap: Status; matchWeek: Status },
): boolean {
  return (
    milestone === "soap" && action === "waive" && statuses.matchWeek === "done" && soapAnswered(statuses.soap)
  );
}

/**
 * The milestones an answer was decided on besides its own: a tap on one of Match Week's two answers
 * was checked against the other (supersededAnswerText), so its write holds only while the other is
 * as read (IntakeSource.decidedOn): "Matched" and "I'm in SOAP" tapped at the same moment cannot
 * both be recorded.
 */
export function decidedBeside(milestone: string): readonly ("soap" | "match_week")[] {
  return milestone === "soap" ? ["match_week"] : milestone === "match_week" ? ["soap"] : [];
}
