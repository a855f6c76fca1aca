import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { projectedMark, seasonDateSources } from "../seasons/date-words.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { renderEt } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import { dayBy, when } from "./day-words.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { textsOf } from "./match-outcome-texts.ts";
import { nextSeasonUnderWay } from "./next-season-under-way.ts";
import {
  contractDayOf,
  noListSoapAction,
  noListSoapRolAction,
  soapOutcomeAwaitedWords,
  soapOutcomeUntoldWords,
} from "./no-list-soap-words.ts";
import { registeredWithNothingToRank, seasonOverHedge } from "./nothing-to-rank.ts";
import { planDates } from "./plan-dates.ts";
import {
  addSource,
  citeSeasonDate,
  NRMP_EVENTS_URL,
  NRMP_SOAP_ONLY_URL,
  NRMP_SOAP_URL,
} from "./risk-sources.ts";
import { laterCandidateAt } from "./rol-later-day.ts";
import { rolWindowResults } from "./rol-window-results.ts";
import { noListSoapOutcome, resultsAfterDeadline, seasonIsOver, soapStillOpen } from "./season-over-state.ts";
import { SOAP_OPEN_IF_ELIGIBLE } from "./season-over-title.ts";
import { soapErasWords, soapOnlyChance } from "./soap-chance.ts";
import { unreportedResults, unreportedSittings } from "./unreported-sittings.ts";

/**
 * While SEASON_OVER's words say to check R3 because NRMP's deadline may turn out later
 * (seasonOverHedge: a projected deadline whose later candidate is still ahead; never for a
 * list NRMP withdrew, nor with nothing to rank), that candidate's instant (epoch ms); undefined otherwise. Until then the
 * risk asks for an action now, so its notice goes out when it appears (critical-risk-notice.ts), SOAP open or not.
 */
export function seasonOverLaterCandidate(context: PlanContext): number | undefined {
  if (context.rolRefused?.reason === "withdrawn") return undefined;
  if (seasonOverHedge(context) === "") return undefined;
  return (
    laterCandidateAt(context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline) ??
    undefined
  );
}

/**
 * The rank order list step's action once the Match is over for the applicant (seasonIsOver): not
 * "certify it once ranking opens", which SEASON_OVER contradicts, but what next,
 * SOAP first while it is open to them (soapStillOpen).
 */
export function seasonOverRolAction(context: PlanContext): string {
  const matchOver = matchOverWords(context);
  const hedge = seasonOverHedge(context);
  if (context.rolRefused?.reason === "withdrawn")
    return `You certified a rank order list, but NRMP withdrew you from the ${context.calendar.matchYear} Match: ${resultsAfterDeadline(context)}, after the rank order list deadline (see the critical warning), so ${matchOver}`;
  const outcome = noListSoapOutcome(context);
  if (outcome !== null)
    return noListSoapRolAction(context, outcome, contractDayOf(planDates(context)), matchOver);
  if (soapStillOpen(context)) {
    const window = rolWindowResults(context);
    const open =
      window === null
        ? "is still open to you"
        : `is open to you only if NRMP's ${context.calendar.matchYear} deadline turns out later than our projected ${window.projected}, since ${window.results}`;
    return `The rank order list deadline passed without a certified list, so you cannot match in the ${context.calendar.matchYear} Match itself${hedge}; SOAP in Match Week ${open} (see its step). If SOAP gives you no position, ${matchOver}`;
  }
  return `The rank order list deadline passed without a certified list${hedge === "" ? "" : ` (projected;${hedge})`}, so ${matchOver}`;
}

/**
 * The action of any other step of that Match past its deadline, once SOAP is not open to the
 * applicant (seasonIsOver): not its own action ("Register with NRMP (R3) and pay the registration
 * fee" for a Match whose registration closed with the rank order list deadline),
 * but that it is over and what next.
 */
export function seasonOverStepAction(context: PlanContext, key?: string): string {
  const matchOver = matchOverWords(context);
  // Never registered: late registration closed with the rank order list deadline (fact sheet §2), and
  // SOAP needs the registration too; while NRMP's deadline may turn out later, R3 may still let them.
  const year = context.calendar.matchYear;
  if (key === "nrmp_registration") {
    const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
    const closed = `Late registration for the ${year} Match closed with the rank order list deadline, ${renderEt(rol.at)}${projectedMark(rol)}`;
    const hedge = laterCandidateHedge(context, rol);
    const cannot = `you cannot take part in the ${year} Match nor in its SOAP, which needs NRMP registration too: ${matchOver}`;
    if (hedge === "") return `${closed}, without your registration, so ${cannot}`;
    // Reported under way: begun, maybe finished and never told; R3 says which.
    const begun = statusOf(context, "nrmp_registration") === "in_progress";
    const act = begun
      ? "You told us your registration was under way: if R3 shows it complete, mark it done and certify your rank order list; if R3 lets you finish it, do it now, paying the late registration fee R3 charges, and certify your list"
      : "If R3 lets you register, do it now, paying the late registration fee R3 charges, and certify your rank order list";
    return `${closed},${hedge}. ${act}; if it does not, ${cannot}`;
  }
  return `This step belonged to the ${context.calendar.matchYear} Match and can no longer be done for it: ${matchOver}`;
}

/** textsOf's matchOver, or its words for a Pathway not done (pathwayPending: it does not carry over). */
function matchOverWords(context: PlanContext): string {
  const texts = textsOf(context.calendar);
  return pathwayPending(context) ? texts.matchOverPathwayPending : texts.matchOver;
}

/**
 * SOAP's condition when an exam was sat before the rank order list deadline and its result never
 * reported (unreportedSittings): "SOAP is open to you only if your USMLE Step 2 CK result (sat …)
 * reached ECFMG by Wed 24 Feb 2027: tell us the result", or "" when none. NRMP withdraws an IMG from
 * SOAP too unless ECFMG confirmed the exams by that deadline (NRMP_ECFMG_REQUIREMENTS_URL), so SOAP is
 * not the applicant's to get ready for until the result says so.
 */
export function soapCondition(context: PlanContext): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const pending = unreportedSittings(context, rol.at);
  if (pending.length === 0) return "";
  const sat = pending.map((sitting) => `sat ${sitting.sat}`).join(", ");
  return `SOAP is open to you only if ${unreportedResults(pending)} (${sat}) reached ECFMG by ${dayBy(context, rol.at)}${projectedMark(rol)}: tell us the result`;
}

/**
 * The SOAP step's action: for one who cannot match while SOAP is open to them (soapOnlyChance), in
 * their words, what ERAS needs first; once the Match is over, with an exam result never reported,
 * its condition first (soapCondition), as SEASON_OVER says it. The action unchanged otherwise.
 */
export function soapStepAction(context: PlanContext, action: string): string {
  // Unable to match (no certified list, or nothing to rank): R3's SOAP eligibility decides, not
  // whether NRMP says they matched, and with no ERAS application that comes first (soapErasWords).
  const chance = soapOnlyChance(context);
  const own = seasonIsOver(context)
    ? overSoapAction(context, chance ? noListSoapAction(action) : action)
    : chance
      ? noListSoapAction(action)
      : action;
  const eras = chance ? soapErasWords(context) : "";
  return eras === "" ? own : `${eras}. ${own}`;
}

/** SOAP's action once the Match is over (soapStepAction): a result in the deadline's window, or one never reported, first. */
function overSoapAction(context: PlanContext, action: string): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const pending = unreportedSittings(context, rol.at);
  // A result dated between the deadline's two candidates: SOAP only on the later one.
  const window = rolWindowResults(context);
  const own =
    window === null
      ? action
      : `Only if NRMP's ${context.calendar.matchYear} deadline turns out later than our projected ${window.projected} (${window.results}; check R3: your status must not read withdrawn): ${action.charAt(0).toLowerCase()}${action.slice(1)}`;
  if (pending.length === 0) return own;
  return `Only if ${unreportedResults(pending)} reached ECFMG by ${dayBy(context, rol.at)}${projectedMark(rol)} (tell us the result): ${own.charAt(0).toLowerCase()}${own.slice(1)}`;
}

/** SEASON_OVER's middle while SOAP is open to the applicant (soapStillOpen), up to "… plan". */
function soapStillOpenWords(context: PlanContext, sources: string[]): string {
  const start = context.calendar.dates.nrmp_match_week_start_and_soap_start;
  const end = textsOf(context.calendar).soapEnd;
  sources.push(NRMP_SOAP_URL, NRMP_SOAP_ONLY_URL, NRMP_ECFMG_REQUIREMENTS_URL);
  const projected = basisMark(start, "comma");
  const condition = soapCondition(context);
  // The condition names the rank order list deadline, "(projected)" when it is: its rule is cited.
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  if (condition !== "") seasonDateSources(sources, rol);
  const now = context.now < start.at ? "get ready for it now" : "it is running now: check R3 and apply";
  const ready =
    condition === "" ? `${now.charAt(0).toUpperCase()}${now.slice(1)}` : `${condition}; if it did, ${now}`;
  const soap = `SOAP in Match Week (${renderEt(start.at)} to ${renderEt(end.at)}${projected})`;
  const eras = soapErasWords(context);
  const needs = `SOAP needs no rank order list, only your registration and ECFMG's confirmation of your exams by the rank order list deadline${eras === "" ? "" : `. ${eras}`}`;
  const cannot = `you cannot match in that Match itself${seasonOverHedge(context)}.`;
  const window = rolWindowResults(context);
  if (window === null)
    return `${cannot} You registered with NRMP, so ${soap} is still open to you ${SOAP_OPEN_IF_ELIGIBLE}: ${needs}. ${ready}. If SOAP gives you no position, plan`;
  // A result dated between the deadline's two candidates: both sides, as ROL_DEADLINE_MAY_BE_LATER
  // says them beside a certified list.
  const first = `${window.results.charAt(0).toUpperCase()}${window.results.slice(1)}`;
  const reported = window.onLaterLocalDay ? " and your result was reported before then" : "";
  return `${cannot} ${first}, after our projected rank order list deadline. If NRMP's ${context.calendar.matchYear} deadline is our projected ${window.projected}, a result dated ${window.last} came too late and SOAP is not open to you either: NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams by that deadline; if it turns out later (${window.later})${reported}, you registered with NRMP, so ${soap} is open to you ${SOAP_OPEN_IF_ELIGIBLE}: ${needs}. Check R3 now: your status must not read withdrawn. ${ready}. If SOAP gives you no position, plan`;
}

/**
 * Why SOAP is closed to a registered applicant before it ends, when an exam's result came after the
 * rank order list deadline (resultsAfterDeadline): ", and SOAP is not open to you either: …", or "".
 */
function soapClosedByResults(context: PlanContext, sources: string[]): string {
  if (statusOf(context, "nrmp_registration") !== "done") return "";
  if (context.now >= textsOf(context.calendar).soapEnd.at) return "";
  const late = resultsAfterDeadline(context);
  if (late === "") return "";
  sources.push(NRMP_ECFMG_REQUIREMENTS_URL);
  return `, and SOAP is not open to you either: ${late}, after the rank order list deadline, and NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams by that deadline`;
}

/**
 * Why SOAP is closed to an applicant who never registered with NRMP: SOAP, even SOAP only, needs the
 * registration (NRMP_SOAP_ONLY_URL), and late registration closed with the rank order list deadline
 * (NRMP_EVENTS_URL, fact sheet §2): ", and so has its SOAP, since …", then `hedge` (laterCandidateHedge); `hedge` alone for a registered applicant.
 */
function unregisteredSoap(context: PlanContext, sources: string[], hedge: string): string {
  if (statusOf(context, "nrmp_registration") === "done") return hedge;
  addSource(sources, NRMP_EVENTS_URL);
  addSource(sources, NRMP_SOAP_ONLY_URL);
  const soap =
    ", and so has its SOAP, since you never registered with NRMP (SOAP needs that registration too)";
  return hedge === "" ? soap : `${soap},${hedge}`;
}

/**
 * After the Match, what a sitting whose result was never reported counts for (the
 * out-of-reach path already says it, laterMatchSittingNote): " Your USMLE Step 2 CK sitting of Wed
 * 20 Jan 2027 counts for the 2028 Match: tell us the result.", or "".
 */
function sittingsCountLater(context: PlanContext, next: number): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return unreportedSittings(context, rol)
    .map(
      (sitting) =>
        ` Your ${sitting.name} sitting of ${sitting.sat} counts for the ${next} Match: tell us the result.`,
    )
    .join("");
}

/**
 * SEASON_OVER: the rank order list deadline passed without a certified list. Names the next Match
 * and its own rank order list deadline (a date, not only a year), each marked "(projected)" when
 * it is; the projection rules go to `sources`, not into the sentence an escalation quotes. Once
 * SOAP is not open to them and that Match's ERAS season has opened, says it is under way and what
 * that means (nextSeasonUnderWay).
 */
export function seasonOverRisk(context: PlanContext): Risk {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const next = calendar.matchYear + 1;
  const nextRol = seasonCalendar(next).dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const refused = context.rolRefused?.reason === "after-deadline" ? context.rolRefused.date : null;
  const passed = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
  const nextDeadline = `${when(context, nextRol.at)}${citeSeasonDate(nextRol, sources)}`;
  const withdrawn = context.rolRefused?.reason === "withdrawn" ? withdrawnWords(context, sources) : null;
  const open = soapStillOpen(context);
  const outcome = open ? null : noListSoapOutcome(context);
  const contractDay = outcome === null ? "" : contractDayOf(planDates(context));
  const middle = open
    ? soapStillOpenWords(context, sources)
    : outcome === "awaited"
      ? soapOutcomeAwaitedWords(context, contractDay, sources)
      : outcome === "unreported"
        ? soapOutcomeUntoldWords(context, contractDay, sources)
        : `that Match has passed for you${unregisteredSoap(context, sources, seasonOverHedge(context))}${soapClosedByResults(context, sources)}. Plan`;
  // While SOAP may still have placed them, the next season is only the fallback: not yet its news.
  const pending = open || outcome === "awaited";
  return {
    code: "SEASON_OVER",
    // SOAP over and its outcome asked (Match Day's step, urgent): the Match is over only on a
    // condition, so not critical (an advisor escalation read it as final) until that day passes.
    // With nothing to rank (no ERAS application, no interview) there was no list to miss: the
    // Match itself was never theirs this season, ERAS_LATE_SUBMISSION already weighed the next one,
    // and no advisor escalation is owed for a list (SOAP and the next Match are what the words say).
    severity: outcome === "awaited" || registeredWithNothingToRank(context) ? "warning" : "critical",
    message:
      withdrawn !== null
        ? `The rank order list deadline for the ${calendar.matchYear} Match passed on ${passed}: ${withdrawn} Plan for the ${next} Match, whose rank order list deadline is ${nextDeadline}.${sittingsCountLater(context, next)}${nextSeasonUnderWay(context, next, sources)}`
        : `The rank order list deadline for the ${calendar.matchYear} Match passed on ${passed} without a certified list${refused === null ? "" : ` (your list dated ${refused} is after it, so it cannot count for that Match)`}: ${middle} for the ${next} Match, whose rank order list deadline is ${nextDeadline}${refused === null ? "" : `; if you meant the ${next} Match all along, change your target Match year`}.${pending ? "" : `${sittingsCountLater(context, next)}${nextSeasonUnderWay(context, next, sources)}`}`,
    milestones: ["rank_order_list"],
    sources,
  };
}

const PATHWAY = indexedStep("ecfmg_pathway");

/** Whether the Pathway applies and is not done: the exams carry over to the next Match, it does not. */
export function pathwayPending(context: PlanContext): boolean {
  return context.applicable[PATHWAY.index] === true && !isFinished(statusAt(context, PATHWAY.index));
}

/**
 * SEASON_OVER's middle for a certified list withdrawn by a late result (withdrawnByLateResult), up
 * to "Plan": the list, the result's date, and NRMP's rule (NRMP_ECFMG_REQUIREMENTS_URL, facts.md row
 * "Exam status NRMP needs before ranking"), so Match Week and SOAP are not open either.
 */
function withdrawnWords(context: PlanContext, sources: string[]): string {
  sources.push(NRMP_ECFMG_REQUIREMENTS_URL);
  const year = context.calendar.matchYear;
  return `you certified a rank order list, but you were withdrawn from the ${year} Match: ${resultsAfterDeadline(context)}, after that deadline, and NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams (and the Pathway, where it applies) by the rank order list deadline. Match Week and SOAP of the ${year} Match are not open to you.`;
}
