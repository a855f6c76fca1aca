import { BoundedMemo } from "../bounded-memo.ts";
import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { SOAP_MATCH_DAY_TITLE, soapMatchDayTitle } from "../match-outcome-question.ts";
import { seasonInstantEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { Visa } from "../snapshot.ts";
import { isSatisfied, type PlanContext } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { when } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { phasedIn, type SeasonTexts, soapMatchDayWhy } from "./match-outcome-texts.ts";
import { nextSeasonWords } from "./restart-words.ts";
import { citeSeasonDate, NRMP_SOAP_URL } from "./risk-sources.ts";
import { soapAnswered } from "./season-over-state.ts";

/**
 * What the plan says to an applicant with no certified rank order list who is registered with NRMP,
 * about SOAP (NRMP: SOAP needs no rank order list, https://www.nrmp.org/residency-applicants/soap/):
 * they cannot match in the Main Match, so Monday of Match Week decides nothing about a match; what
 * decides is whether R3 shows them eligible for SOAP, and once SOAP has ended, whether they accepted
 * an offer (season-over-risk.ts noListSoapOutcome). The catalog's and Match Week's SOAP words are
 * written for one who may have matched ("Take part only if NRMP tells you on Monday that you did not
 * match"); these replace those sentences.
 */

/**
 * The catalog's SOAP action from its second sentence on ("Take part only if NRMP tells you on Monday
 * that you did not match: …"), which the release day's keeps too (soap-release-day.ts).
 */
const CATALOG_ACTION = catalogEntry("soap").action;
const CATALOG_TAKE_PART = CATALOG_ACTION.slice(CATALOG_ACTION.indexOf(". ") + 2);
const NO_LIST_TAKE_PART =
  "With no certified rank order list you cannot match in the Main Match, so what decides is R3 on Monday of Match Week: if it shows you eligible for SOAP, take part, mark SOAP in progress while you do, and done when you accept a SOAP offer; if it does not, or you will not take part, from that Monday tap Not for me on this SOAP step.";

/** The first and last sentences of SOAP's Match Week words for one not answered (soap-match-week-entry.ts). */
export const IF_UNMATCHED_OPENING =
  "If NRMP told you on Monday that you did not match, take part in SOAP now and tap Not matched: I'm in SOAP.";
export const IF_UNMATCHED_CLOSING =
  "Not taking part in SOAP: tap Not for me; if you matched, tap Matched on Match Week instead.";
const NO_LIST_OPENING =
  "With no certified rank order list you did not match in the Main Match: if R3 shows you eligible for SOAP, take part now and tap Not matched: I'm in SOAP.";
const NO_LIST_CLOSING = "Not eligible in R3, or not taking part in SOAP: tap Not for me.";

const noListActions = new BoundedMemo<string, string>(1_000);

/**
 * SOAP's action (any day's) in the words of an applicant with no certified list: the sentences
 * written for one who may have matched replaced by R3's eligibility; the action itself when it has
 * none of them (a participant's "You are in SOAP" fits already).
 */
export function noListSoapAction(action: string): string {
  const known = noListActions.get(action);
  if (known !== undefined) return known;
  const words = action
    .replace(CATALOG_TAKE_PART, NO_LIST_TAKE_PART)
    .replace(IF_UNMATCHED_OPENING, NO_LIST_OPENING)
    .replace(IF_UNMATCHED_CLOSING, NO_LIST_CLOSING);
  return noListActions.keep(action, words);
}

/**
 * SEASON_OVER's middle, up to "… plan", while the SOAP outcome of an applicant with no certified list
 * is awaited (noListSoapOutcome "awaited"): SOAP's end in both zones, the question, how to answer
 * it, and the condition that turns the Match over. `contractDay`: the contract's day, as its step
 * shows it.
 */
export function soapOutcomeAwaitedWords(
  context: PlanContext,
  contractDay: string,
  sources: string[],
): string {
  const end = context.calendar.dates.nrmp_soap_ends;
  sources.push(NRMP_SOAP_URL);
  const steps = contractSteps(context.applicant.visa);
  const ended = `SOAP, which ended on ${when(context, end.at)}${citeSeasonDate(end, sources)}`;
  const asked = soapAnswered(context)
    ? `You took part in ${ended}: did you accept an offer?`
    : `You did not tell us whether you took part in ${ended}: if you did, did you accept an offer?`;
  return `you could not match in that Match itself. ${asked} An offer accepted in SOAP is your position, as binding as a match: if you accepted one, mark SOAP done and your ${steps} follow (Match Day's step asks by ${contractDay}, the date this plan gives your contract). ${noPositionIf(context)}, plan`;
}

/** SEASON_OVER's middle, up to "Plan", once that outcome went untold by the contract's day (noListSoapOutcome "unreported"). */
export function soapOutcomeUntoldWords(context: PlanContext, contractDay: string, sources: string[]): string {
  sources.push(NRMP_SOAP_URL);
  const untold = soapAnswered(context)
    ? "you took part in SOAP and did not tell us of an offer"
    : "you did not tell us of a SOAP offer";
  return `that Match has passed for you, since ${untold} you accepted by ${contractDay}, the date this plan gave your contract (if you did accept one, mark SOAP done: your ${contractSteps(context.applicant.visa)} come back). Plan`;
}

/** The condition that turns the Match over, in the words of one who took part in SOAP or never said. */
function noPositionIf(context: PlanContext): string {
  return soapAnswered(context)
    ? "If SOAP gave you no position"
    : "If you did not take part, or SOAP gave you no position";
}

/** The contract's day as its step shows it (asDay advice), or "" when the plan dates no contract. */
export function contractDayOf(dates: PlanDates): string {
  const due = dates.due("contract");
  return due === null ? "" : dates.rendered(due).local;
}

/**
 * The rank order list step's action for an applicant with no certified list who took part in SOAP,
 * once SOAP has ended (noListSoapOutcome): awaited, the question and its condition; unreported,
 * that the Match is over on that silence and how it comes back. `matchOver`: textsOf's words.
 */
export function noListSoapRolAction(
  context: PlanContext,
  outcome: "awaited" | "unreported",
  contractDay: string,
  matchOver: string,
): string {
  const year = context.calendar.matchYear;
  const steps = contractSteps(context.applicant.visa);
  if (outcome === "awaited")
    return `The rank order list deadline passed without a certified list, so you could not match in the ${year} Match itself; ${soapAnswered(context) ? "you took part in SOAP, which has ended" : "SOAP has ended, and you did not tell us whether you took part"}: if you accepted an offer, mark SOAP done and your ${steps} follow (Match Day's step asks by ${contractDay}). ${noPositionIf(context)}, ${matchOver}`;
  return `The rank order list deadline passed without a certified list, and you did not tell us of a SOAP offer you accepted by ${contractDay}, so ${matchOver} If you did accept one, mark SOAP done: your ${steps} come back.`;
}

/**
 * Match Day's action for a SOAP participant with no certified list (soapTense 1: SOAP has ended, 2:
 * from Match Day's release), per season and contract wording: no "NRMP told you on Monday that you
 * did not match" (no list, no Main Match), SOAP done as the answer (acceptedSoapPosition), and what
 * no position means.
 */
const noListTexts = new WeakMap<SeasonCalendar, Map<string, NoListMatchDay>>();
interface NoListMatchDay {
  actions: readonly [string, string];
  phased: readonly [Map<CatalogEntry, CatalogEntry>, Map<CatalogEntry, CatalogEntry>];
}

function noListMatchDay(calendar: SeasonCalendar, visa: Visa, answered: boolean): NoListMatchDay {
  const steps = contractSteps(visa);
  let bySteps = noListTexts.get(calendar);
  if (bySteps === undefined) {
    bySteps = new Map();
    noListTexts.set(calendar, bySteps);
  }
  const key = `${steps}|${answered}`;
  const known = bySteps.get(key);
  if (known !== undefined) return known;
  const end = seasonInstantEt(calendar.dates.nrmp_soap_ends);
  const matchDay = seasonInstantEt(calendar.dates.nrmp_match_day);
  const next = calendar.matchYear + 1;
  const question = answered
    ? `Your SOAP is still in progress, and SOAP ended on ${end}: did you accept an offer?`
    : `You did not tell us whether you took part in SOAP, which ended on ${end}: if you did, did you accept an offer?`;
  const asked = `${question} With no certified rank order list you could not match in the Main Match, so SOAP was your way in: an offer you accepted in R3 is your position, as binding as a match`;
  const noPosition = `${answered ? "If SOAP gave you no position" : "If you did not take part, or SOAP gave you no position"}, the ${calendar.matchYear} Match is over for you: ${nextSeasonWords(next)}`;
  const made: NoListMatchDay = {
    actions: [
      `${asked}, and R3 shows it on Match Day, ${matchDay}. If you accepted one, mark SOAP done (or Match Day done) so your ${steps} get their reminders. ${noPosition}`,
      `${asked}, shown in R3 since Match Day, ${matchDay}. If you accepted one, mark SOAP done (or Match Day done) within two weeks of Match Day (the date this plan gives your contract) so your ${steps} get their reminders; with no answer by then, this plan takes it that SOAP gave you none. ${noPosition}`,
    ],
    phased: [new Map(), new Map()],
  };
  bySteps.set(key, made);
  return made;
}

/**
 * A SOAP participant's Match Day action at soapTense `tense`: the season's (`texts`), or once SOAP
 * has ended without a certified list, noListMatchDay's.
 */
export function soapOutcomeAction(context: PlanContext, texts: SeasonTexts, tense: 0 | 1 | 2): string {
  if (tense === 0 || isSatisfied(context, "rank_order_list")) return texts.soapMatchDayActions[tense];
  return noListMatchDay(context.calendar, context.applicant.visa, soapAnswered(context)).actions[
    tense - 1
  ] as string;
}

/** A SOAP participant's Match Day entry at soapTense `tense` (soapOutcomeAction's words), made once per entry. */
export function soapOutcomeEntry(
  context: PlanContext,
  texts: SeasonTexts,
  entry: CatalogEntry,
  tense: 0 | 1 | 2,
): CatalogEntry {
  const why = soapMatchDayWhy(context.applicant.visa, tense);
  if (tense === 0 || isSatisfied(context, "rank_order_list"))
    return phasedIn(
      texts.soapPhased[tense],
      entry,
      soapMatchDayTitle(tense),
      texts.soapMatchDayActions[tense],
      why,
    );
  const made = noListMatchDay(context.calendar, context.applicant.visa, soapAnswered(context));
  const phased = made.phased[tense - 1] as Map<CatalogEntry, CatalogEntry>;
  return phasedIn(phased, entry, SOAP_MATCH_DAY_TITLE, made.actions[tense - 1] as string, why);
}
