import { catalogEntry } from "#domain/catalog/index.ts";
import { neverHeardMatchYear } from "#domain/match-outcome-question.ts";
import type { Risk, RiskCode, StepSubject } from "#domain/plan.ts";
import { tellsJ1StartBeforeMatch } from "#domain/planner/j1-start-before-match.ts";
import { asksAboutNoteRecord } from "#domain/planner/note-contradicted-by-record.ts";
import { rankListAsksRegistration } from "#domain/planner/rank-list-unreported.ts";
import { seasonOverStanding, seasonOverVoice } from "#domain/planner/season-over-title.ts";
import type { MilestoneKey, Visa } from "#domain/snapshot.ts";
import { MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import { type HeldBackReason, NOT_TOLD_BECAUSE } from "./held-back-reason.ts";
import { type MatchDayAnswers, matchDayUnreportedVoice } from "./match-day-advisor-voice.ts";
import { nrmpVoice } from "./nrmp-advisor-voice.ts";
import { UNMATCHED_VISA_VOICE } from "./unmatched-visa-advisor-voice.ts";

export { type HeldBackReason, heldBackReason } from "./held-back-reason.ts";

/** Who a risk is told about: the applicant's name, Match year and visa, as the console shows them. */
export interface AboutApplicant extends MatchDayAnswers {
  fullName: string;
  matchYear: number;
  /** The visa they plan to train on: what waits on the Match result is worded by it (contractSteps). */
  visa: Visa;
  /** Why reminders to the applicant are held back now, if they are: they are emailed nothing. */
  heldBack?: HeldBackReason | undefined;
}

/**
 * Each risk in the advisor's voice: third person, the applicant by name. The planner's messages
 * speak to the applicant ("yours is not submitted"); an advisor reading those in an escalation or
 * the daily digest would be told about themselves. These sentences name no date or fee: the
 * planner's own message, quoted after them, carries the dates and their sources.
 */
const ADVISOR_VOICE: Record<RiskCode, (about: AboutApplicant) => string> = {
  ANSWERS_CONTRADICT_INTERVIEW: ({ fullName, matchYear }) =>
    `${fullName} has an interview for the ${matchYear} Match, but some of their answers (the sponsor note, the ECFMG application or the ERAS application) say it could not have come through ERAS; the plan asks them to check, and plans as if the interview is right.`,
  ANSWERS_CONTRADICT_RECORD: (about) => NOTE_RECORD_VOICE(about),
  MATCH_WEEK_SOAP_CONFLICT: ({ fullName, matchYear }) =>
    `${fullName}'s ${matchYear} Match answers need a check: Match Week done (matched) beside SOAP, which the plan reads as a partial match (SOAP for the year the match lacks) and asks about, or a contract marked beside "not matched, in SOAP", which the plan does not count until they say which is right.`,
  SCHOOL_NOT_ECFMG_ELIGIBLE: ({ fullName }) =>
    `${fullName}'s medical school is not listed as eligible for ECFMG certification, so every step that needs ECFMG is on hold.`,
  SCORE_BELOW_PASSING: ({ fullName }) =>
    `${fullName} reported an exam done with a score below its passing score; the plan reads it as not passed and plans a retake until the score is corrected.`,
  SCORE_ON_SCHEDULED_EXAM: ({ fullName }) =>
    `${fullName} reported a passing score on an exam not yet marked done; the plan keeps it as reported and asks them to mark it done if they sat it.`,
  CERTIFICATE_BESIDE_FAILING_SCORE: ({ fullName }) =>
    `${fullName} reported the ECFMG certificate done, which needs Step 1 and Step 2 CK passed; ask which attempt passed: their latest score on file for one of them is failing. The plan keeps the certificate as reported.`,
  DONE_DATES_OUT_OF_ORDER: ({ fullName }) =>
    `${fullName} reported a step done on a date before a step it needs, or before the season allows (a contract before Match Day's results, a J-1 visa before ECFMG's review could end); the plan asks them which date is right and keeps the steps done as reported, still asking for the steps before an early one that they never reported; or a step reported done beside an answer that says a step it needs is not done, which the plan counts done and asks about.`,
  EXAMS_LATE_FOR_RANKING: ({ fullName }) =>
    `${fullName}'s exam results may not be reported before the rank order list deadline.`,
  CERTIFICATION_AFTER_START: ({ fullName }) =>
    `${fullName} may not be ECFMG-certified before residency starts.`,
  STEP3_NEEDED_FOR_H1B: ({ fullName }) =>
    `${fullName} is on the H-1B track, which needs USMLE Step 3, and has not passed Step 3 yet.`,
  NRMP_LATE_FEE: ({ fullName }) =>
    `${fullName} has not registered for the NRMP Match yet; after the early registration deadline NRMP charges a late fee, and late registration stays open until the rank order list deadline.`,
  ERAS_LATE_SUBMISSION: ({ fullName }) =>
    `${fullName}'s ERAS application is not submitted while programs are already reviewing applications.`,
  SEASON_OVER: (about) => seasonOverVoice("over", about),
  RANK_LIST_UNREPORTED: ({ fullName, matchYear }) =>
    `${fullName} interviewed for the ${matchYear} Match but has not told us whether they registered with NRMP and certified a rank order list.`,
  MATCH_YEAR_NOT_FEASIBLE: ({ fullName, matchYear }) =>
    `${fullName}'s target Match year (${matchYear}) is out of reach with the steps still open.`,
  SOAP_OUTCOME_UNREPORTED: ({ fullName, matchYear }) =>
    `${fullName} did not match in the ${matchYear} Match (told us so in Match Week, or certified no rank order list) and has not said whether they accepted a SOAP position by the contract's date, so the plan now plans the next Match.`,
  UNMATCHED_NOT_IN_SOAP: ({ fullName, matchYear }) =>
    `${fullName} marked SOAP "Not for me" in Match Week without marking Match Week done, read as not matched in the ${matchYear} Match and not taking part in SOAP, so the plan now plans the next Match.`,
  NRMP_REGISTRATION_CLOSED: ({ fullName, matchYear }) =>
    `${fullName} never registered with NRMP for the ${matchYear} Match, and late registration closed with its rank order list deadline: neither that Match nor its SOAP is open to them, so the plan now plans the next Match.`,
  MATCH_YEAR_LAST_DAY: ({ fullName, matchYear }) =>
    `${fullName}'s target Match year (${matchYear}) stays in reach only if the steps still open are started within days; on our projection it is out of reach after that.`,
  ROL_BEFORE_RANKING_OPENS: ({ fullName }) =>
    `${fullName}'s rank order list carries a date before ranking opens.`,
  ROL_PLANNED_AFTER_DEADLINE: ({ fullName, matchYear }) =>
    `${fullName} plans to certify the rank order list on a day after the ${matchYear} Match's rank order list deadline (or on its own day, the deadline falling that morning in their time), when a list no longer counts.`,
  RANKING_MAY_OPEN_LATER: ({ fullName }) =>
    `${fullName}'s rank order list carries a date before ranking may open this season (its opening is projected); check in R3 that the list is certified.`,
  ROL_DEADLINE_MAY_BE_LATER: ({ fullName, matchYear }) =>
    `${fullName} reports a rank order list or an exam result dated after our projected ${matchYear} rank order list deadline but by its later candidate: it counts unless NRMP's deadline is the projected one; check R3.`,
  SCHEDULED_DATE_PASSED: ({ fullName }) =>
    `${fullName} had an exam or Pathway date that has passed, and no result is recorded yet.`,
  CERTIFICATION_STATUS_UNREPORTED: ({ fullName, matchYear }) =>
    `${fullName} has an interview for the ${matchYear} Match but never reported some ECFMG application, exam, Pathway or ERAS statuses; the plan counts them as done until told.`,
  H1B_PROCLAMATION_FEE: ({ fullName }) =>
    `${fullName} is on the H-1B track, and the program's petition (for someone outside the US, or asking for consular notification rather than a change of status in the US) may need a large payment by the employer; some programs may not sponsor it.`,
  PATHWAY_CERTIFICATE_MAY_EXPIRE: ({ fullName }) =>
    `${fullName}'s ECFMG certificate came through a Pathway and can expire until 12 months of GME; the validity date needs checking, and revalidation if it ends before residency would start.`,
  PATHWAY_DEADLINE_PROJECTED: ({ fullName }) =>
    `${fullName}'s Pathway application or OET result would come after a projected Pathway deadline; the season is still in reach, but ECFMG's deadlines for the season need checking.`,
  OET_SCORE_MAY_BE_TOO_OLD: ({ fullName }) =>
    `${fullName}'s OET result was taken more than two years before the planned Pathways' deadline for documents; ECFMG's window for later Pathways is not known, so it needs checking with ECFMG.`,
  OET_SUB_TESTS_UNCLEAR: ({ fullName }) =>
    `${fullName} reported one OET score that meets the Writing minimum but not the one Listening, Reading and Speaking need; the plan keeps the OET as passed and asks them to check each sub-test.`,
  TARGET_PASSED: ({ fullName }) =>
    `${fullName} has an exam or the Pathway whose target date has passed and that is not booked yet.`,
  TARGETS_SLIPPED: ({ fullName }) =>
    `${fullName} missed a target that later steps wait for, so their targets have moved later.`,
  BOOKED_AFTER_TARGET: ({ fullName }) =>
    `${fullName} has an exam booked after its target date, so programs may see the result late.`,
  MATCH_YEAR_IMPLAUSIBLE: ({ fullName, matchYear }) =>
    `${fullName}'s target Match year (${matchYear}) looks like a typo.`,
  NO_INTERVIEW_RECORDED: ({ fullName, matchYear }) =>
    `${fullName} submitted ERAS and registered with NRMP for the ${matchYear} Match, but has no interview recorded now that ranking is open.`,
  INTERVIEW_IN_EARLIER_MATCH: ({ fullName, matchYear }) =>
    `${fullName} has an interview in an earlier Match's season than the ${matchYear} Match the plan is for; the Match year may be wrong.`,
  INTERVIEW_IN_LATER_MATCH: ({ fullName, matchYear }) =>
    `${fullName} has an interview in a later Match's season than the ${matchYear} Match the plan is for; the Match year or the interview's date may be wrong.`,
  INTERVIEW_AFTER_RANK_LIST_DEADLINE: ({ fullName, matchYear }) =>
    `${fullName} has an interview dated after the ${matchYear} Match's rank order list deadline; the date may be wrong, or the program may not rank them.`,
  INTERVIEW_NEEDS_VISITOR_VISA: ({ fullName }) =>
    `${fullName} lives outside the US and has an in-person US interview ahead: it needs a US visitor visa, or a virtual interview instead.`,
  VISA_NOT_READY_FOR_START: ({ fullName }) =>
    // Route-neutral: on an H-1B change of status in the US the petition brings status, not a visa.
    `${fullName} matched, but visa steps are past their dates; without them ${fullName} cannot start residency.`,
  // Said of every reading: past a filing day that already moved the H-1B visa, its own date no longer holds.
  VISA_STEP_LATE: ({ fullName }) =>
    `${fullName} matched, and a visa step is past the date the plan counts back from the visa's own date, with the start still in reach; ${fullName} should ask the program's liaison (and on J-1, ECFMG) where it stands.`,
  CONTRACT_NOT_RECEIVED: ({ fullName }) =>
    `${fullName} matched, but the program's contract is not marked signed past the date the plan allowed; programs set their own signing window, so ${fullName} should ask the program's GME office whether it has been sent, before the date the plan needs it by.`,
  ECFMG_REVIEW_PAST_DS2019: ({ fullName }) =>
    `${fullName} finished the J-1 sponsorship application late: ECFMG's review may run past the DS-2019's date, leaving less than the planned month for the consular interview; the program's liaison and the consulate's wait need checking now.`,
  DS2019_RECEIVED_LATE: ({ fullName }) =>
    `${fullName} received the DS-2019 late: with the month the plan allows for the consular interview, the J-1 visa would come in the last week before the start; the earliest interview (expedited if the wait is long) and the program's GME office need telling now.`,
  H1B_PETITION_PAST_VISA_DATE: ({ fullName }) =>
    `${fullName}'s program has not reported filing the H-1B petition past the plan's filing day: filed now with premium processing, the visa would come a few days after the plan's visa date, still before the start's last week; the program should file today.`,
  H1B_PETITION_FILED_LATE: ({ fullName }) =>
    `${fullName}'s program filed the H-1B petition late: with premium processing's approval on time, the visa would come in the start's last week (on a change of status, the approval after orientation); no room is left for a delay, and the program's GME office should know now.`,
  H1B_APPROVAL_RECEIVED_LATE: ({ fullName }) =>
    `${fullName}'s H-1B petition was approved late: with the time the plan allows for the stamping, the visa would come in the last week before the start; the earliest interview (expedited if the wait is long) and the program's GME office need telling now.`,
  VISA_INTERVIEW_AFTER_VISA_DATE: ({ fullName }) =>
    `${fullName} booked the consular visa interview after the plan's visa date, early enough that the start can still hold (before the start's last week); an earlier slot is worth asking for, and the program's GME office should know the day.`,
  VISA_ISSUED_LATE: ({ fullName }) =>
    `${fullName}'s visa was issued in the last week before residency starts, too late to travel and be there for orientation as the plan's visa date allowed; ${fullName} should book the first flight and tell the program's GME office the arrival day today.`,
  START_DELAYED: ({ fullName }) =>
    `${fullName} matched, but residency start has passed with the contract, a visa step or the certificate not done: the start is delayed.`,
  MATCH_DAY_NOT_REPORTED: matchDayUnreportedVoice,
  H1B_STAMPING_WAIVER_IGNORED: ({ fullName }) =>
    `${fullName} marked the H-1B visa stamping Not for me, but lives outside the US, where no change of status is possible: the plan keeps the stamping at a US consulate.`,
  VISA_UNDECIDED: ({ fullName }) =>
    `${fullName} has not chosen a visa route (J-1, H-1B or none), so no visa steps are planned.`,
  PATHWAY_DONE_BEFORE_OET: ({ fullName }) =>
    `${fullName} marked the ECFMG Pathway done before their OET Medicine, whose result the Pathway needs, was sat or its result told; the plan keeps the OET and asks whether the Pathway is only submitted.`,
  SOAP_DONE_BEFORE_OFFERS: ({ fullName }) =>
    `${fullName} marked SOAP done before SOAP's first offer round, so it cannot be an accepted offer; the plan keeps SOAP and the Match Week question and asks them to mark SOAP done only when they accept an offer.`,
  MATCH_OUTCOME_BEFORE_MATCH_WEEK: ({ fullName }) =>
    `${fullName} marked a Match outcome (Match Week or Match Day) done before NRMP could have told it (Match Week's notification, or Match Day's release for where they matched); the plan does not count it, still prepares for Match Week, and asks them to mark it done once NRMP has told them.`,
};

/** RANK_LIST_UNREPORTED for an applicant who reported NRMP registration done: the list only. */
const LIST_ONLY_VOICE = ({ fullName, matchYear }: AboutApplicant): string =>
  `${fullName} interviewed for the ${matchYear} Match but has not told us whether they certified a rank order list.`;

/**
 * ANSWERS_CONTRADICT_RECORD, or ANSWERS_CONTRADICT_INTERVIEW stored with its words before the code
 * was split (asksAboutNoteRecord): a note "false" the record contradicts.
 */
function NOTE_RECORD_VOICE({ fullName }: AboutApplicant): string {
  return `${fullName} says their medical school has no ECFMG sponsor note, yet reports an ECFMG certificate, an approved ECFMG application or a USMLE pass, which need one; the plan asks them to check WDOMS. Beside a certificate or a USMLE pass, which ECFMG and FSMB allow only for a school with the note, every step stays planned meanwhile; beside an approved application alone, the steps needing ECFMG wait for their answer.`;
}

/**
 * A sentence of the planner's message that asks the applicant to have their advisor act ("Ask your
 * advisor to switch your visa track to J-1 so this plan follows it."). The advisor is the reader
 * here: quoted, it would tell them to ask themselves, so it leaves the quote and is said to them.
 */
const ASKS_THE_ADVISOR = /\s*Ask your advisor to ([^.]+)\./g;

/**
 * The risk for the advisor: the advisor-voiced sentence, then what the applicant's plan tells them
 * now (the planner's message, a plain sentence with its dates; the console shows Risk.sources
 * apart), marked as such, and what that message asks of the advisor, said to them. The quote is
 * today's plan, recomputed, not an email that was sent: a date in it may have moved since, so it
 * is never called what they "were told". While reminders are held back (`about.heldBack`) the
 * applicant was emailed nothing, so the quote is what they have not been told, and why.
 * `preview`: a what-if's plan, not yet the applicant's, so the quote is what it would tell them. Pure.
 */
export function riskForAdvisor(
  risk: Pick<Risk, "code" | "message" | "matchOutcome">,
  about: AboutApplicant,
  preview = false,
): string {
  const { fullName, heldBack } = about;
  const told = heldBack
    ? `${capitalised(NOT_TOLD_BECAUSE[heldBack](fullName))}, so ${fullName} ${preview ? "would not be" : "has not been"} told what their plan says now:`
    : `What ${fullName}'s plan ${preview ? "would tell them" : "tells them now"}:`;
  const nrmp = nrmpVoice(risk);
  const voice =
    nrmp !== undefined
      ? nrmp
      : asksAboutNoteRecord(risk)
        ? NOTE_RECORD_VOICE
        : risk.matchOutcome !== undefined
          ? UNMATCHED_VISA_VOICE[risk.matchOutcome]
          : risk.code === "RANK_LIST_UNREPORTED" && !rankListAsksRegistration(risk)
            ? LIST_ONLY_VOICE
            : risk.code === "SEASON_OVER"
              ? (about: AboutApplicant) => seasonOverVoice(seasonOverStanding(risk), about)
              : tellsJ1StartBeforeMatch(risk)
                ? J1_START_BEFORE_MATCH_VOICE
                : ADVISOR_VOICE[risk.code];
  return `${voice(about)} ${told} ${quoted(risk.message)}`;
}

/** The certificate's risk telling a J-1 start out of reach before the Match: the certificate itself may make orientation. */
const J1_START_BEFORE_MATCH_VOICE = ({ fullName }: AboutApplicant): string =>
  `${fullName} is on the J-1 track, and by the ECFMG certificate's earliest day the J-1 visa could not come before residency starts: ask whether the programs they rank can hold a position for a delayed start.`;

/**
 * The applicant's words quoted for the advisor: in quotation marks, less any sentence asking the
 * applicant to have their advisor act, which follows the quote said to the advisor.
 */
function quoted(text: string): string {
  const asks = [...text.matchAll(ASKS_THE_ADVISOR)].map((found) => found[1] ?? "");
  const quote = text.replace(ASKS_THE_ADVISOR, "").trim();
  const ofYou = asks.map((ask) => ` It asks you, their advisor, to ${ask.replace(/\byour\b/g, "their")}.`);
  return `“${quote}”${ofYou.join("")}`;
}

/**
 * A step's why for the advisor, by riskForAdvisor's rule for the planner's message: quoted and
 * marked as what the applicant reads. A why has no advisor-voiced sentence to lead it, as a risk's
 * code gives: it is free text addressed to the applicant (the catalog's and the planner's
 * sentences: "you", "your", verbs agreeing with them), which a word-for-word turn to the third
 * person would garble ("you were" to "they were" needs the verb, "your" to "their" loses whose), so
 * it is shown whole, as the applicant's page shows it, and labelled. Pure.
 */
export function whyForAdvisor(why: string, fullName: string): string {
  return `What ${fullName} reads: ${quoted(why)}`;
}

/**
 * What a blocked step waits for, after `lead` ("waiting for"): a milestone by the advisor's name
 * for it (stepName); a condition the plan words for the applicant ("ECFMG sponsor note for your
 * school", an instruction to rank J-1 programs) quoted as what `fullName` reads (whyForAdvisor), as
 * a step's why is. Waiting on conditions alone: the lead's first word ("waiting"), then the quotes. Pure.
 */
export function waitingForAdvisor(
  waitingFor: readonly string[],
  fullName: string,
  lead = "waiting for",
): string {
  const steps: string[] = [];
  const quotes: string[] = [];
  for (const waited of waitingFor)
    if ((MILESTONE_KEYS as readonly string[]).includes(waited)) steps.push(stepName(waited as MilestoneKey));
    else quotes.push(whyForAdvisor(waited, fullName));
  const named = steps.length === 0 ? lead.split(/:? /)[0] : `${lead} ${steps.join(", ")}`;
  return [named, ...quotes].join(". ");
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A milestone by the advisor's name for it: the catalog's `advisorName`, a neutral noun phrase.
 * The catalog's titles are instructions to the applicant ("Submit your ERAS application"); in the
 * console, the digest and escalations, an advisor reading "your" would be told about themselves.
 */
export function stepName(key: MilestoneKey): string {
  return catalogEntry(key).advisorName;
}

/**
 * A plan step by the advisor's name for it. An interview's title names the program and speaks to
 * the applicant ("Prepare for your virtual interview with X", "Thank X for the interview", from
 * planner/interviews.ts): the advisor reads "Interview with X (virtual): preparation"; a written-off
 * Match's ("Your virtual interview with X: for the 2027 Match") reads as that Match's, out of reach.
 */
export function stepForAdvisor(step: { milestone: StepSubject; title: string }): string {
  // Match Day after residency's start, never told (match-over-texts.ts): dated by the question's last day.
  const neverHeard = neverHeardMatchYear(step.title);
  if (neverHeard) return `Never told whether they matched in the ${neverHeard} Match: asked until`;
  if (step.milestone !== "interview") return stepName(step.milestone);
  const preparing = /^Prepare for your (.+?) interview with (.+)$/.exec(step.title);
  if (preparing) return `Interview with ${preparing[2]} (${preparing[1]}): preparation`;
  const thanking = /^Thank (.+) for the interview$/.exec(step.title);
  if (thanking) return `Interview with ${thanking[1]}: thank-you note`;
  // A written-off Match's interview (planner/dropped-interview-words.ts).
  const dropped = /^Your (.+?) interview with (.+): for the (\d{4}) Match$/.exec(step.title);
  if (dropped)
    return `Interview with ${dropped[2]} (${dropped[1]}): for the ${dropped[3]} Match, out of reach`;
  return step.title.replace(/\byour\b/g, "their");
}
