import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { seasonDateSources } from "../seasons/date-words.ts";
import { DAY_MS } from "../time.ts";
import {
  CONSULAR_WAIT_DAYS,
  EXAM_BOOKING_DAYS,
  LCA_CERTIFICATION_SOURCE,
  LCA_CERTIFICATION_WORKING_DAYS,
  PETITION_PREMIUM_BUSINESS_DAYS,
  PETITION_PREMIUM_SOURCE,
  SCORE_REPORTING_DAYS,
  STEP3_FSMB_TIME_SOURCES,
  STEP3_PROCESSING_DAYS,
  STEP3_PROCESSING_SOURCE,
  step3FsmbTimeWords,
  step3LeadWords,
  VISITOR_VISA_WAIT_SOURCE,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { FEDERAL_HOLIDAYS_SOURCE } from "./federal-business-days.ts";
import { step3ChainNow } from "./h1b.ts";
import { askTheProgram, IF_MATCHED_H1B, programUnnamed, whichItFiles } from "./h1b-outcome-words.ts";
import { J1_SOURCES } from "./h1b-words.ts";
import {
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_CONSULAR_ALLOWANCE_SOURCE,
  statementOfNeedDaysAfterMatch,
} from "./j1-allowances.ts";
import type { MatchOutcome } from "./match-day-unreported.ts";
import { premiumApprovalAt } from "./petition-approval.ts";
import { capitalised } from "./presumption-evidence.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citationSource } from "./risk-sources.ts";
import { petitionDue, step3DueNow } from "./step3-after-ranking.ts";
import { step3BookedPastPetitionDay, step3BookedPastRiskWords } from "./step3-booked-past-petition.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { petitionFitsWithVisaHeld, petitionSittingFits, step3ApplicationUnderWay } from "./step3-sitting.ts";

const STEP3_INDEX = stepIndex("usmle_step3");
const NEED = catalogEntry("j1_statement_of_need");
const SPONSORSHIP = catalogEntry("j1_ecfmg_sponsorship");
const VISA_J1 = catalogEntry("visa_j1");
const PETITION = catalogEntry("visa_h1b");

const OUT_OF_REACH = "the H-1B for your start date is likely out of reach";
const OPENING: Record<MatchOutcome, string> = {
  matched: "The H-1B for your start date is likely out of reach",
  matchedUntold: `${IF_MATCHED_H1B.matchedUntold}${OUT_OF_REACH}`,
  matchedAhead: `${IF_MATCHED_H1B.matchedAhead}${OUT_OF_REACH}`,
  unreported: `${IF_MATCHED_H1B.unreported}${OUT_OF_REACH}`,
  ahead: `${IF_MATCHED_H1B.ahead}${OUT_OF_REACH}`,
  ranking: `${IF_MATCHED_H1B.ranking}${OUT_OF_REACH}`,
};

/**
 * The words of a VISA_NOT_READY_FOR_START message whose Step 3 day still holds for a visitor visa
 * already held: the message then asks to sit by that day, and its notice carries it.
 */
export const UNLESS_VISA_HELD = "unless you already hold a B-1/B-2 visa";

/**
 * The J-1 fallback after ranking: on H-1B, abroad or in the US, matched (Match Day done), with Match Day
 * past and unreported (`outcome` "unreported": the words then open "If you matched with a program
 * that files an H-1B petition for you"), or with ranking over and Match Day ahead ("ahead": "If you
 * match ...", and the program is asked once Match Day names it), Step 3 neither passed nor booked, and by the plan's own
 * allowances (FSMB's processing, official; abroad the visitor visa's interview wait, and a seat,
 * advice: step3ChainNow) the earliest sitting comes after the day the petition needs it
 * (step3DueNow's "petition" date), or that day has passed, so the H-1B for the start date is likely
 * out of reach, abroad unless a B-1/B-2 is already held (only while that day is ahead); in the US
 * no visitor visa or trip is named. Returns the message (its sources
 * added to `sources`: the J-1 route's and the J-1 steps' own), or null. What to do: ask the program
 * today whether it will start you later, so its petition can wait for Step 3, or take you on a J-1
 * (advice). The J-1 figures are the chain's (j1-allowances.ts): the days from Match Day to ECFMG's
 * sponsorship date for the Statement of Need, whose usual 60-day lead (advice) the chain cannot hold
 * after the Match, and the DS-2019's gap before the visa for the consular interview; no fee or date
 * of its own; once the sponsorship day has passed, its allowance is told in the past tense. Before
 * what to ask, the stamping's date and the petition's (stampingWords), so the applicant can tell the
 * program what the H-1B route needs. Notes when the earliest sitting crosses that day, and the
 * sponsorship day, so the plan is made again then.
 */
export function h1bJ1Fallback(
  context: PlanContext,
  dates: PlanDates,
  sources: string[],
  outcome: MatchOutcome = "matched",
): string | null {
  if (context.applicant.visa !== "H-1B") return null;
  if (outcome === "matched" && !isFinished(statusOf(context, "match_day"))) return null;
  const status = statusAt(context, STEP3_INDEX);
  // Before ranking, an FSMB application under way is a start on Step 3: its card speaks (a retake
  // not booked is no application yet: step3ApplicationUnderWay).
  const underWay = outcome === "ranking" && step3ApplicationUnderWay(context);
  // Before ranking Step 3 carries its days for ranking: the petition's day is measured all the same.
  const sitBy =
    outcome === "ranking" ? petitionDue(dates) : step3DueNow(context, dates, dates.due("usmle_step3"));
  if (sitBy === null || step3DueKind(sitBy) !== "petition") return null;
  // A seat booked past that day once it has passed meets it no better than none (step3BookedPastPetitionDay).
  const booked = step3BookedPastPetitionDay(context, sitBy);
  if (booked === null && status !== "not_started" && (status !== "in_progress" || underWay)) return null;
  if (booked === null && context.entries.at(STEP3_INDEX)?.date !== undefined) return null;
  const now = step3ChainNow(context, context.now);
  const { certified, visaDays } = now;
  // Past the sit-by day no sitting can meet it: out of reach, visitor visa held or not.
  const passed = sitBy.at <= context.now;
  // The card's one test (petitionSittingFits: FSMB beside the visitor visa, then a seat), so the
  // risk and the card turn on the same day: abroad, the day after the visa's day to apply by.
  if (!passed && petitionSittingFits(context, now, sitBy)) return null;
  const held = petitionFitsWithVisaHeld(context, now, sitBy);
  // The days named here count back from residency's start: a projected start's rule is their source.
  seasonDateSources(sources, context.calendar.dates.residency_start);
  // In the US (no visitor visa: visaDays 0) FSMB's processing and a seat alone count, with no trip.
  const abroad = visaDays > 0;
  for (const source of [
    STEP3_PROCESSING_SOURCE,
    ...(abroad ? [VISITOR_VISA_WAIT_SOURCE] : []),
    ...J1_SOURCES,
  ])
    addSource(sources, source);
  // The figures the message names: the Statement of Need's usual lead and the consular allowance
  // (ECFMG's 4 to 6 weeks is J1_SOURCES' application-process page).
  for (const entry of [NEED, VISA_J1]) addSource(sources, citationSource(entry.leadTimeDays));
  addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
  const day = dueDay(context, sitBy);
  const sponsorship = dates.due(SPONSORSHIP.key);
  const afterMatch = statementOfNeedDaysAfterMatch(dates);
  // Once the sponsorship day has gone its allowance is told as past, as this risk's sit-by day is:
  // never "to <day>" as if that day were still ahead.
  if (sponsorship !== null) noteRiskChange(context, sponsorship.at);
  const needPassed = sponsorship !== null && sponsorship.at <= context.now;
  const needTime =
    afterMatch === null || sponsorship === null
      ? ""
      : needPassed
        ? `; after Match Day this plan allowed it ${afterMatch} days, to ${dueDay(context, sponsorship)}, when ECFMG's J-1 sponsorship application needed it, and that day has passed`
        : `; after Match Day this plan allows it ${afterMatch} days, to ${dueDay(context, sponsorship)}, when ECFMG's J-1 sponsorship application needs it`;
  const unless = !abroad
    ? ""
    : held
      ? `, ${UNLESS_VISA_HELD}: then sit Step 3 in the US by ${day}` // FSMB's words then say when to apply
      : ", even if you already hold a B-1/B-2 visa";
  if (held) for (const source of STEP3_FSMB_TIME_SOURCES) addSource(sources, source);
  const allowances = abroad
    ? `about ${STEP3_PROCESSING_DAYS} days of FSMB processing with ${visaDays} days for a visitor visa interview beside it, then about ${EXAM_BOOKING_DAYS} days to a test date`
    : step3LeadWords();
  // The day named out of reach carries its basis, as Step 3's card names it (petitionOutOfReach).
  const marked = `${day}${basisMark(sitBy)}`;
  const reach = passed
    ? `${marked}, the last day to sit it that leaves the petition${abroad ? " and the visa interview" : ""} time by this plan's allowances (${allowances}; its result takes about ${Math.ceil(SCORE_REPORTING_DAYS / 7)} weeks), has passed`
    : `by this plan's allowances (${allowances}) you could not sit it by ${marked}, the last day that leaves the petition time`;
  const onlyInUs = abroad ? ", Step 3 is taken only in the US," : ",";
  const opening = OPENING[outcome];
  // Before Match Day no program can be asked yet: the track is switched once one takes them on a
  // J-1, and the Statement of Need names the specialty matched into, so only how to get it is asked now.
  const j1 = programUnnamed(outcome)
    ? "if that program takes you on a J-1, switch your visa track to J-1 then, and find out now how your home country's Ministry of Health issues your Statement of Need and how long it takes"
    : "for a J-1, switch your visa track to J-1 and request your Statement of Need from your home country's Ministry of Health now";
  return `${opening}${unless}.${held ? step3FsmbTimeWords(certified) : ""} The petition needs your Step 3 pass${onlyInUs} and ${reach}.${booked === null ? "" : step3BookedPastRiskWords(context, booked)}${stampingWords(context, dates, sources, abroad, outcome)} ${askTheProgram(context, outcome)}${whichItFiles(context, abroad)} whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (our advice); ${j1}: ministries take weeks to issue it, so it is usually asked for long before it is needed (about ${NEED.leadTimeDays.days} days ahead, our advice: no authority publishes a time)${needTime}. Then come ECFMG's review (4 to 6 weeks once every document is in), the DS-2019 and a J-1 visa interview, with ${J1_CONSULAR_ALLOWANCE_DAYS} days allowed from the DS-2019 to the visa (our advice).`;
}

/**
 * The H-1B chain's last two dates as this plan has them: the stamping, and the petition's filing
 * CONSULAR_WAIT_DAYS before it for USCIS and the consulate's interview wait (the catalog's visa_h1b
 * due rule, advice; moved to the office day before when it falls on a weekend, hence "about"), with
 * the approval that comes after the filing (PETITION_PREMIUM_BUSINESS_DAYS business days without the
 * federal holidays, official with premium processing). Empty when
 * either date is missing. In the US (`abroad` false) the stamping is only the consular route's: a
 * change of status inside the US needs none (the stamping's `waivable` note), yet the plan keeps
 * the consular route's earlier dates, the safe plan, so the words say both (advice) and the risk
 * asks which the program files; once the applicant said it files a change of status (the stamping
 * waived) they say the petition's date stays the same.
 */
function stampingWords(
  context: PlanContext,
  dates: PlanDates,
  sources: string[],
  abroad: boolean,
  outcome: MatchOutcome,
): string {
  const petition = dates.due(PETITION.key);
  const stamping = dates.due("visa_h1b_stamping");
  if (petition === null || stamping === null) return "";
  addSource(sources, citationSource(PETITION.due));
  // Dates in brackets, no "by": the risk stands until residency starts, when both may have passed.
  const petitionDay = dueDay(context, petition);
  // Until they tell us they matched, the program is the one the message opens with: "that" program.
  const program = IF_MATCHED_H1B[outcome].startsWith("If") ? "that program" : "your program";
  if (!abroad && statusOf(context, "visa_h1b_stamping") === "waived")
    return ` On the change of status ${program} files there is no visa stamping, but this plan keeps the petition's date (${petitionDay}) and Step 3's day before it as on the consular route, so a late approval still leaves time (our advice).`;
  addSource(sources, LCA_CERTIFICATION_SOURCE);
  addSource(sources, PETITION_PREMIUM_SOURCE);
  addSource(sources, FEDERAL_HOLIDAYS_SOURCE);
  // Step 3 counts back from the filing; the approval, which the interview needs, comes after it.
  const approvedAt = premiumApprovalAt(petition.at, petition.zone);
  const approved = dueDay(context, { ...petition, at: approvedAt });
  // The days the interview has are the approval's to the stamping's, as the words name them.
  const interviewDays = Math.round((stamping.at - approvedAt) / DAY_MS);
  const consular = `this plan allows about ${CONSULAR_WAIT_DAYS} days from the petition's filing (${petitionDay}) to your H-1B visa stamping at a US consulate (${dueDay(context, stamping)}) for USCIS and the consulate's interview wait (our advice): the approval comes after the filing, within ${PETITION_PREMIUM_BUSINESS_DAYS} business days with premium processing (around ${approved}, leaving about ${interviewDays} days for the interview) and months without it, so ask ${program} to file with premium processing, and to file DOL's Labor Condition Application (certified within ${LCA_CERTIFICATION_WORKING_DAYS} working days) as soon as you match`;
  return abroad
    ? ` ${capitalised(consular)}.`
    : ` If ${program} files for consular processing, ${consular}. In the US in a status that allows it, ${program} may instead file a change of status, which needs no consular stamping and may leave Step 3 more time; until ${program} tells you which it files, this plan keeps the consular route's earlier dates (our advice).`;
}
