import type { Risk } from "../plan.ts";
import { seasonDateSources, seasonDay, seasonDayEt } from "../seasons/date-words.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { inTheMatchIf, pathwayMayBeDecided } from "./awaited-confirmation.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { seasonDayOrWhen, when } from "./day-words.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import { residencyStartedAt } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, NRMP_SOAP_ONLY_URL, NRMP_SOAP_URL } from "./risk-sources.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { resultsAfterDeadline } from "./season-over-state.ts";

const NRMP = indexedStep("nrmp_registration");
const RANK_ORDER_LIST = indexedStep("rank_order_list");
const MATCH_WEEK = indexedStep("match_week");
const SOAP = indexedStep("soap");
/** SOAP's statuses that answer Match Week's question (in SOAP: not matched; done: a SOAP position). */
const SOAP_ANSWERED: ReadonlySet<MilestoneStatus> = new Set(["in_progress", "done"]);

/**
 * The context for an applicant asked whether they ranked: from the
 * rank order list deadline on (as for a list reported certified whose result is untold;
 * past residency's start too, up to the next Match's ERAS submission day), an applicant interviewing for the Match
 * (interviewingForMatch) who never reported NRMP registration nor the rank order list (both absent
 * from the input and not implied by a later step; an explicit "not started" is judged as reported)
 * most likely ranked: the two steps read as done and `rankListAsked` is set, so the plan keeps the
 * entered Match with its Match Week, SOAP and Match Day, and RANK_LIST_UNREPORTED asks. NRMP reported
 * done with the list absent: asked about the list only (`rankListAsked` "registered"). Never for an
 * ineligible school, nor for a Match out of reach on what was reported (feasibilityOf). The same
 * context otherwise (most plans: one status check).
 */
export function rankListAsked(context: PlanContext): PlanContext {
  if (isFinished(statusAt(context, RANK_ORDER_LIST.index)) || context.eligibility === "ineligible")
    return context;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now <= rol || context.entries.at(RANK_ORDER_LIST.index) !== undefined) return context;
  // NRMP reported done (not implied by a later step) is asked about the list only,
  // unless a result dated after the deadline withdrew them anyway
  // (resultsAfterDeadline: SEASON_OVER says so, as before).
  const registered = context.entries.at(NRMP.index)?.status === "done";
  if (registered ? resultsAfterDeadline(context) !== "" : context.entries.at(NRMP.index) !== undefined)
    return context;
  if (!registered && isFinished(statusAt(context, NRMP.index))) return context;
  if (!interviewingForMatch(context)) return context;
  // Out of reach on what was reported (the presumption given up), the plan moves on as before. Kept
  // as for a list reported certified whose result is untold (a week after Match Day
  // the plan told a probably matched applicant the Match had passed, in April), past residency's
  // start too (in July SEASON_OVER asserted "without a certified list", a fact
  // never reported, carried by NRMP registration): Match Day then says "we never heard whether you
  // matched", as for a certified list (matchOverUnreported), up to that question's own end, the next
  // Match's ERAS submission day (matchOverTexts' due); after it the season is over for the plan.
  const over = residencyStartedAt(context);
  const asksUntil = seasonCalendar(context.calendar.matchYear + 1).dates.eras_applicants_may_submit.at;
  if (context.now >= asksUntil) return context;
  noteRiskChange(context, asksUntil);
  // The plan's own judgement of this context: feasibilityOf keeps it for the plan's next ask.
  const entered = feasibilityOf(context);
  if (entered.infeasible && !pathwayMayBeDecided(context)) return context;
  const statuses: MilestoneStatus[] = context.statuses.slice();
  statuses[NRMP.index] = "done";
  statuses[RANK_ORDER_LIST.index] = "done";
  const asked = contextWith(context, { statuses, rankListAsked: registered ? "registered" : true });
  // Out of reach only on a Pathway in progress with no date: it may
  // have been accepted, so it is asked with the list, as for a certified list (inTheMatchIf's
  // condition, until a week after Match Day), never written off before the applicant answers.
  if (entered.infeasible && inTheMatchIf(asked) === null) return context;
  noteRiskChange(context, over);
  return asked;
}

/**
 * Whether a RANK_LIST_UNREPORTED risk also asks whether the applicant registered with NRMP (never
 * reported), not only whether they certified a list (registration reported done): read from its
 * message, which rankListUnreportedRisks words so, as the console, the escalation and the digest
 * hold only a risk's code and message.
 */
export function rankListAsksRegistration(risk: Pick<Risk, "code" | "message">): boolean {
  return risk.code === "RANK_LIST_UNREPORTED" && /\bregister(?:ed)? with NRMP and certif/.test(risk.message);
}

/**
 * RANK_LIST_UNREPORTED, for a context rankListAsked marked: until Match Day's
 * release (season date nrmp_match_day) a critical question, "Did you register with NRMP and certify
 * a rank order list by Wed 24 Feb 2027 (projected)? …", with what follows either way: certified,
 * wait for Monday of Match Week; registered only, SOAP if unmatched and eligible (NRMP needs no rank
 * order list for SOAP, only the registration and ECFMG's confirmation of the exams by the deadline:
 * NRMP_SOAP_URL, NRMP_SOAP_ONLY_URL, NRMP_ECFMG_REQUIREMENTS_URL, facts.md); not registered, plan for the
 * next Match ("registered": the list only, then SOAP or the next Match). From Match Day on a warning: Match Day's own step asks where they matched first. Its
 * steps are fixed, so its notice's id is the same on every re-plan. Zero or one Risk.
 */
export function rankListUnreportedRisks(context: PlanContext): Risk[] {
  if (context.rankListAsked === undefined) return [];
  // From residency's start MATCH_DAY_NOT_REPORTED's "we never heard whether you matched" is the one
  // message: the list's question is in it (if you did not match, the next Match).
  if (context.now >= residencyStartedAt(context)) return [];
  // Match Week answered (matched), or SOAP reported (NRMP's Monday "not matched": in SOAP, or its
  // outcome): NRMP has told them how the Match went, so whether they certified a list no longer
  // changes anything they do.
  if (isFinished(statusAt(context, MATCH_WEEK.index)) || SOAP_ANSWERED.has(statusAt(context, SOAP.index)))
    return [];
  const registered = context.rankListAsked === "registered";
  const { calendar, now } = context;
  const year = calendar.matchYear;
  const { dates } = calendar;
  const rolDate = dates.nrmp_rol_certification_and_late_registration_deadline;
  const monday = dates.nrmp_match_week_start_and_soap_start;
  const matchDay = dates.nrmp_match_day;
  const nextRol = seasonCalendar(year + 1).dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  seasonDateSources(sources, rolDate, monday, matchDay, nextRol);
  // Both ET instants in both zones where the applicant's day differs.
  const rolWords = seasonDayOrWhen(context, rolDate);
  const asked = `Did you ${registered ? "" : "register with NRMP and "}certify a rank order list by ${rolWords}?`;
  const overForYou = `the ${year} Match is over for you: plan for the ${year + 1} Match, whose rank order list deadline is ${seasonDayEt(nextRol)}`;
  if (now >= matchDay.at) {
    return [
      {
        code: "RANK_LIST_UNREPORTED",
        severity: "warning",
        message: `You never told us whether you ${registered ? "" : "registered with NRMP and "}certified a rank order list for the ${year} Match by ${rolWords}. If you did, Match Day was ${seasonDay(matchDay)}: tell us where you matched. If you did not${registered ? " and SOAP gave you no position" : ""}, ${overForYou}.`,
        milestones: registered ? ["rank_order_list"] : ["rank_order_list", "nrmp_registration"],
        sources,
      },
    ];
  }
  noteRiskChange(context, matchDay.at);
  noteRiskChange(context, monday.at);
  addSource(sources, NRMP_SOAP_URL);
  addSource(sources, NRMP_SOAP_ONLY_URL);
  addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
  const week = now < monday.at;

  // The deadline is projected at the earlier candidate: "cannot" names the later one.
  const hedge = laterCandidateHedge(context, rolDate);
  // A Pathway in progress with no date kept this Match: asked first, with what a refusal means.
  const pathway = pathwayMayBeDecided(context);
  const question = pathway
    ? `Did ECFMG accept your Pathway, as your Pathways application in MyIntealth shows, and did you ${registered ? "" : "register with NRMP and "}certify a rank order list by ${rolWords}?`
    : asked;
  const refused = pathway
    ? ` If ECFMG had not accepted your Pathway by then, NRMP withdraws you from the Match and SOAP${hedge === "" ? `, and ${overForYou}` : `${hedge}; if not, ${overForYou}`}.`
    : "";
  const certified = week
    ? "wait for Monday of Match Week, when NRMP tells you at 10:00 AM ET whether you matched"
    : "NRMP told you on Monday at 10:00 AM ET whether you matched: tell us (Match Week's step)";
  return [
    {
      code: "RANK_LIST_UNREPORTED",
      severity: "critical",
      message: `${question} Tell us: Match Week ${week ? "starts" : "started"} ${seasonDayOrWhen(context, monday, true)}. If you certified a list, tell us the day you certified it and ${certified}. If you ${registered ? "did not certify a list" : "registered but did not certify a list"}, you cannot match in the ${year} Match itself${hedge === "" ? ", but you" : `${hedge}. Otherwise you`} can take part in SOAP if you do not match and R3 shows you eligible on Monday of Match Week: SOAP needs no rank order list, only your NRMP registration and ECFMG's confirmation of your exams and the Pathway by the rank order list deadline. ${registered ? `If SOAP gives you no position, ${overForYou}` : `If you did not register, ${unregistered(context, hedge, overForYou)}`}.${refused} Tell us which it is: send your intake form again, or ask your advisor.`,
      milestones: registered
        ? ["rank_order_list", "match_week"]
        : ["rank_order_list", "nrmp_registration", "match_week"],
      sources,
    },
  ];
}

/**
 * The unregistered branch's words: "the 2027 Match is over for you: plan for …"; while the later
 * candidate is ahead (`hedge` not ""), NRMP's late registration, which closes with the rank order
 * list deadline, may still be open: "NRMP's late registration closes with the rank order list
 * deadline: if that turns out to be the later candidate, <its instant, local and ET>, register and
 * certify in R3 now; otherwise <over>".
 */
function unregistered(context: PlanContext, hedge: string, overForYou: string): string {
  const later = rolLaterCandidateAt(context.calendar);
  if (hedge === "" || later === null) return overForYou;
  return `NRMP's late registration closes with the rank order list deadline: if that turns out to be the later candidate, ${when(context, later)}, register and certify in R3 now; otherwise ${overForYou}`;
}
