import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { CERTIFIED_TO_START_URL } from "./earliest-certification.ts";
import { matchWeekSoapConflict } from "./match-week-soap-conflict.ts";
import { checkedByStart, matchedCheckBy, matchedCheckDue } from "./pathway-certificate-check-due.ts";
import {
  earlierSeasonPathwayDay,
  validityCheckSources,
  validityCheckWords,
} from "./pathway-certificate-validity-check.ts";
import { soapMayStillPlace } from "./season-over-state.ts";

const CERTIFICATION = indexedStep("ecfmg_certification");
const PATHWAY = indexedStep("ecfmg_pathway");
const MATCH_WEEK = indexedStep("match_week");
const MATCH_DAY = indexedStep("match_day");
const CONTRACT = indexedStep("contract");
const RANK_ORDER_LIST = indexedStep("rank_order_list");
const SOAP = indexedStep("soap");

/**
 * ECFMG's page on permanent validation: certificates issued through the Pathways "are subject to
 * expiration" until the holder completes at least 12 months of ACGME-accredited U.S. GME; ECFMG runs a
 * Pathways Revalidation application for expired or expiring ones (official, read 2026-11-30).
 */
export const PATHWAY_CERTIFICATE_SOURCE =
  "https://ecfmg.org/certification-pathways/permanent-validation.html";

/**
 * ECFMG's Pathways page for applicants: a previously accepted Pathways application "will remain valid
 * for the 2024 Match and for entry into U.S. graduate medical education (GME) programs in 2024"
 * (official, but written for the 2024 Match: PATHWAY_VALIDITY_SEASON; no later season's page found,
 * so the words say which Match it spoke of and ask to verify the plan's own). ECFMG's revalidation
 * window is not in facts.md, so the words name no date for it and send the applicant to the
 * permanent-validation page.
 */
export const PATHWAY_MATCHED_VALIDITY_SOURCE =
  "https://ecfmg.org/certification-pathways/info-applicants.html";
/** The Match PATHWAY_MATCHED_VALIDITY_SOURCE's rule was written for. */
const PATHWAY_VALIDITY_SEASON = 2024;

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE (warning): the applicant is ECFMG-certified, the certificate came
 * through a Pathway (the applicant recorded ecfmg_pathway done), and they are not yet in GME: before
 * its residency start. Matched (Match Week done means matched, in the Match or in SOAP, as its card
 * asks), the check against the start stays until that start
 * (it disappeared then, when an expired certificate means no start): matchedCheck. So the
 * certificate can expire before it is validated for good. A Pathway accepted in an earlier
 * Pathways season than this Match's (earlierSeasonPathwayDay) asks now to check the certificate's
 * validity date against this Match's start, and about Pathways Revalidation if it ends before; a
 * Match over for the applicant asks the same against the next Match's start, until that start.
 * Shape: zero or one Risk naming ecfmg_certification and ecfmg_pathway. Pure.
 */
export function pathwayCertificateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const certified = isFinished(statusAt(context, CERTIFICATION.index));
  // The applicant's own record, not a status inferred from certification: only they know it came through a Pathway.
  const pathway = context.entries.at(PATHWAY.index);
  const throughPathway = pathway?.status === "done";
  const matched = reportedMatched(context);
  if (!certified || !throughPathway) return [];
  // Matched: valid on the start, the day it matters (it vanished once Match Week was reported).
  if (matched)
    return context.now >= context.calendar.dates.residency_start.at
      ? []
      : matchedCheck(context, dates, pathway);
  const mayMatch = thisSeasonMayMatch(context);
  // Over for them: the next Match's check, past this Match's start too, until the next one's.
  if (!mayMatch) return nextMatchCheck(context);
  // Past this Match's start with the result never heard: the next Match's check, as
  // for a Match over, worded for one who may have matched.
  if (context.now >= context.calendar.dates.residency_start.at) return nextMatchCheck(context, true);
  const earlier = earlierSeasonPathwayDay(pathway, context.calendar);
  if (earlier !== undefined)
    return [
      risk(
        `Yours was accepted on ${renderDate(earlier)}, before this Match's Pathways season, so ${validityCheckWords(context, context.calendar, "check today", "this Match's")}`,
        checkSources(context.calendar),
      ),
    ];
  return [
    risk(checkValidity(context), [
      PATHWAY_CERTIFICATE_SOURCE,
      PATHWAY_MATCHED_VALIDITY_SOURCE,
      CERTIFIED_TO_START_URL,
    ]),
  ];
}

/**
 * Matched, as the applicant reported it: Match Week done (matched, in the Match or in SOAP) unless
 * SOAP in progress stands beside it (matchWeekSoapConflict: a partial match still seeking its other
 * year, so no "You matched"), Match Day or the contract done.
 */
function reportedMatched(context: PlanContext): boolean {
  return (
    (statusAt(context, MATCH_WEEK.index) === "done" && !matchWeekSoapConflict(context)) ||
    isFinished(statusAt(context, MATCH_DAY.index)) ||
    isFinished(statusAt(context, CONTRACT.index))
  );
}

/**
 * Whether PATHWAY_CERTIFICATE_MAY_EXPIRE, where it stands, is a matched applicant's check against
 * the residency start (matchedCheck): the case whose warning is emailed after the Match
 * (after Match Day the notice's date, the Pathways close, had passed, so
 * the warning stayed on the timeline only).
 */
export function asksMatchedCheck(context: PlanContext): boolean {
  return (
    certificationThroughPathway(context) &&
    isFinished(statusAt(context, CERTIFICATION.index)) &&
    reportedMatched(context) &&
    context.now < context.calendar.dates.residency_start.at
  );
}

/**
 * A matched applicant's check: the certificate must be valid on the residency start,
 * so its validity date is checked against it, and ECFMG asked now if it ends before. A Pathway of
 * this Match's season is said to stay valid for entry this year by PATHWAY_MATCHED_VALIDITY_SOURCE,
 * written for the 2024 Match, so the words say that rule and ask to verify it rather than drop the
 * check. There is no answer for "checked: valid until …" in the snapshot yet, so it stands until
 * the start.
 */
function matchedCheck(context: PlanContext, dates: PlanDates, pathway: MilestoneEntry | undefined): Risk[] {
  const start = context.calendar.dates.residency_start;
  const year = context.calendar.matchYear;
  const earlier = earlierSeasonPathwayDay(pathway, context.calendar);
  const rule =
    earlier === undefined
      ? ` ECFMG's page for Pathways applicants says a Pathway accepted for a Match stays valid for entry into residency that year (written for the ${PATHWAY_VALIDITY_SEASON} Match: verify with ECFMG that it holds for the ${year} Match).`
      : "";
  const accepted =
    earlier === undefined
      ? ""
      : ` Yours was accepted on ${renderDate(earlier)}, before the ${year} Match's Pathways season.`;
  // The notice's one date (matchedCheckDue): named here too when a step before the start needs it.
  const due = matchedCheckDue(dates, context);
  const words = `You matched, and you can start residency only with a valid certificate.${accepted} ${matchedCheckBy(context, due)} the validity date ECFMG recorded for your certificate (in MyIntealth) against your residency start, ${residencyStartWords(start, [])}: if it ends before, ask ECFMG now how to revalidate it in time, and tell your program.${rule}`;
  const sources = [PATHWAY_CERTIFICATE_SOURCE, CERTIFIED_TO_START_URL, start.source];
  if (earlier === undefined) sources.splice(1, 0, PATHWAY_MATCHED_VALIDITY_SOURCE);
  if (!checkedByStart(context, due)) sources.push(due.source);
  return [risk(words, sources)];
}

/** The risk with `words` after the sentence every case opens with. */
function risk(words: string, sources: string[]): Risk {
  return {
    code: "PATHWAY_CERTIFICATE_MAY_EXPIRE",
    severity: "warning",
    message: `Your ECFMG certificate came through a Pathway, and such certificates can expire until you complete 12 months of ACGME-accredited GME. ${words}`,
    milestones: ["ecfmg_certification", "ecfmg_pathway"],
    sources,
  };
}

/** The sources of a validity check against `calendar`'s Match (validityCheckSources). */
function checkSources(calendar: SeasonCalendar): string[] {
  return validityCheckSources(calendar, PATHWAY_CERTIFICATE_SOURCE);
}

/**
 * With this Match over for the applicant (no certified list, SOAP closed to them), the check against
 * the next Match's residency start (the Match SEASON_OVER plans for: checked against this Match's,
 * the warning would vanish once that start had passed), until that start.
 */
function nextMatchCheck(context: PlanContext, neverHeard = false): Risk[] {
  const next = seasonCalendar(context.calendar.matchYear + 1);
  if (context.now >= next.dates.residency_start.at) return [];
  const words = validityCheckWords(
    context,
    next,
    neverHeard
      ? `We never heard whether you matched in the ${context.calendar.matchYear} Match: if you did not, before you apply for another Match, check`
      : `The ${context.calendar.matchYear} Match is over for you: before you apply for another Match, check`,
    `the ${next.matchYear} Match's`,
  );
  return [risk(words, checkSources(next))];
}

/**
 * Whether PATHWAY_CERTIFICATE_MAY_EXPIRE, where it stands, asks for the check against this Match's
 * start because the Pathway was accepted in an earlier Pathways season (earlierSeasonPathwayDay)
 * while this Match is still open to the applicant: the case whose warning is emailed (its notice
 * rule, warning-risk-notice.ts). A Pathway of this Match's season ("nothing is
 * needed now") is not.
 */
export function asksEarlierSeasonCheck(context: PlanContext): boolean {
  return (
    thisSeasonMayMatch(context) &&
    earlierSeasonPathwayDay(context.entries.at(PATHWAY.index), context.calendar) !== undefined
  );
}

/**
 * Whether the applicant may still start residency from this season although its rank order list
 * deadline has passed: their list is certified (Match Week ahead), or SOAP is open to them or has
 * ended with its outcome awaited (soapMayStillPlace).
 */
function mayMatchNow(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return (
    context.now > rol && (isFinished(statusAt(context, RANK_ORDER_LIST.index)) || soapMayStillPlace(context))
  );
}

/** Until the rank order list deadline, or after it while the applicant may still match (mayMatchNow). */
function thisSeasonMayMatch(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return context.now <= rol || mayMatchNow(context);
}

/**
 * What to do about the validity date, one rule wherever the applicant stands in the season
 * (before): while they may match this season (before the
 * rank order list deadline, or after it with a certified list or SOAP open), a match (or a SOAP
 * offer accepted) keeps the certificate valid for entry this year by PATHWAY_MATCHED_VALIDITY_SOURCE,
 * said with the Match that page was written for and "verify" for the plan's own, so revalidation,
 * which may cost a fee, waits for the season not working out (never "before you rank", which no
 * source says); once the season is over for them, another Match.
 */
function checkValidity(context: PlanContext): string {
  const { condition, otherwise } = seasonOutcomeWords(context);
  return `${condition}, ECFMG keeps your certificate valid for entry into residency this year, so nothing is needed now (ECFMG's page for Pathways applicants says so for the ${PATHWAY_VALIDITY_SEASON} Match: verify with ECFMG that it holds for the ${context.calendar.matchYear} Match). Check the validity date on your certificate in MyIntealth, and apply for ECFMG's Pathways Revalidation ${otherwise} and it ends before you would start residency in another Match: apply before you apply for that Match (ECFMG's permanent-validation page says when).`;
}

/**
 * The season's outcome in the words of the moment (C: after SOAP had ended the
 * warning still said "If you match this season (or accept a SOAP offer)"): once SOAP is over the
 * outcome is past; an applicant in SOAP (Monday's release said "not matched") has only a SOAP offer.
 */
function seasonOutcomeWords(context: PlanContext): { condition: string; otherwise: string } {
  const { dates } = context.calendar;
  const soap = statusAt(context, SOAP.index);
  const inSoap =
    (soap === "in_progress" || soap === "done") &&
    context.now >= dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= dates.nrmp_soap_ends.at)
    return inSoap
      ? { condition: "If you accepted a SOAP offer", otherwise: "only if you accepted none" }
      : {
          condition: "If you matched this season (in the Match or through a SOAP offer you accepted)",
          otherwise: "only if you did not match",
        };
  if (inSoap) return { condition: "If you accept a SOAP offer", otherwise: "only if you accept none" };
  return {
    condition: "If you match this season (or accept a SOAP offer)",
    otherwise: "only if you do not match",
  };
}

/**
 * Whether the applicant's ECFMG certification came, or comes, through a Pathway: their own record of
 * the Pathway done (only they know it), with or without the certificate reported.
 */
export function certificationThroughPathway(context: PlanContext): boolean {
  return context.entries.at(PATHWAY.index)?.status === "done";
}

/**
 * What carries over to the `year` Match a plan moved to after a Match Week without a position (SOAP's
 * outcome, "not matched, not in SOAP"): the USMLE results do; a
 * certification through a Pathway may expire before GME starts (PATHWAY_CERTIFICATE_SOURCE), so the
 * words say so and send the applicant to the check (movedPlanCertificateRisk).
 */
export function carriedOverWords(context: PlanContext): string {
  // A Pathway not done does not carry over (ECFMG decides an application for one Match season
  // only, as SEASON_OVER's restartWords say), so no certification is claimed to.
  const pathway = indexedStep("ecfmg_pathway").index;
  if (context.applicable[pathway] === true && !isFinished(statusAt(context, pathway)))
    return "your exams carry over; your Pathway does not: ECFMG decides an application for one Match season only, so apply for the next Match's Pathway (see its step)";
  return certificationThroughPathway(context)
    ? "your USMLE results carry over; your ECFMG certification came through a Pathway and can expire before you start residency, so check its validity date (see the certificate's warning)"
    : "your exams and certification carry over";
}

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE for a plan moved to the `year` Match after a Match Week without a
 * position, when the certification came through a Pathway (certificationThroughPathway):
 * the check against that Match's residency start, as for a Match over (nextMatchCheck), until that
 * start. Null otherwise.
 */
export function movedPlanCertificateRisk(context: PlanContext, year: number): Risk | null {
  if (!certificationThroughPathway(context)) return null;
  const next = seasonCalendar(year);
  if (context.now >= next.dates.residency_start.at) return null;
  const words = validityCheckWords(
    context,
    next,
    `You did not match in the ${context.calendar.matchYear} Match: before you apply for the ${year} Match, check`,
    `the ${year} Match's`,
  );
  return risk(words, checkSources(next));
}
