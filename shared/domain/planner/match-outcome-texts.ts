import type { CatalogEntry } from "../catalog/index.ts";
import { stableHash } from "../hash.ts";
import { MATCH_DAY_RESULT_RUNG, MATCH_RESULT_RUNG } from "../match-outcome-labels.ts";
import type { Deadline, Reminder } from "../plan.ts";
import { residencyStartWords, seasonInstantEt } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { Visa } from "../snapshot.ts";
import { ET_ZONE, isoInZone, isoUtc, toWall } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { isFinished, statusOf } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { lateArrivalSlot, openingSlot } from "./delivery-slot.ts";
import { localDayEnd } from "./join-late-arrivals.ts";
import { lateAdviceFor, signedAdviceFor, signedSteps } from "./match-day-late-advice.ts";
import { MATCH_DAY_RELEASE } from "./match-day-release-words.ts";
import { matchWeekSoapConflict } from "./match-week-soap-conflict.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { markedResidencyStart } from "./residency-start-day.ts";
import { nextSeasonWords, restartWords } from "./restart-words.ts";
import { SOAP_CAP } from "./soap-cap-words.ts";
import { timedReminder } from "./timed-reminder.ts";

/** Match Week's question itself, each day from NRMP's Monday release until SOAP ends. */
const MATCH_WEEK_ASK =
  "NRMP told you at 10:00 AM ET on Monday of Match Week (by email and in R3) whether you matched. Tell us now: tap Matched, or Not matched: I'm in SOAP (the plan then turns to SOAP).";

/** What Match Day's question says to one who told us in Match Week she matched: only where is asked. */
const TOLD_US_MATCHED = "You told us you matched.";

/**
 * What Match Week and Match Day say in one season (texts built once per season calendar), and the
 * once-only follow-up notice sent after an NRMP release. Shared by match-week.ts and match-day.ts.
 */

/** The weekly question after Match Day while the result is not told (one per week), up to residency's start. */
export const MATCH_DAY_WEEKLY_RUNG = "match-day-weekly";
/** The one notice from residency's start that the Match is over with its result never told. */
export const MATCH_OVER_RUNG = "match-over";
/** After it, at most one check a month until the next Match's ERAS submission day. */
export const MATCH_OVER_MONTHLY_RUNG = "match-over-monthly";

export interface SeasonTexts {
  soapEnd: DueDate;
  followUpId: string;
  matchDayFollowUpId: string;
  /** "the {year} Match is over for you: change your target Match year …" (the next Match's season data). */
  matchOver: string;
  /** matchOver for an applicant whose Pathway is not done: the exams carry over, the Pathway does not. */
  matchOverPathwayPending: string;
  /** What an applicant who did not match does next (the next Match's season data), in ET. */
  ifUnmatched: string;
  afterSoapAction: string;
  /**
   * Match Week's question from NRMP's Monday release until SOAP ends: both answers, and SOAP's
   * window from the season data (it opens with the release and ends on Thursday): SOAP does not wait
   * for the answer's Thursday deadline, so an applicant who did not match must read that it is open now.
   */
  matchWeekReportAction: string;
  /** Match Week's entry with matchWeekReportAction, per catalog entry. */
  matchWeekPhased: Map<CatalogEntry, CatalogEntry>;
  /**
   * Match Week's question from Tuesday (ET) on: the question only. What an unmatched applicant does
   * that day is SOAP's card's (soapMatchWeekEntry), which speaks in each day's tense; Monday's
   * "send as soon as ERAS opens" beside Thursday's "an application sent now is unlikely to help"
   * would contradict it.
   */
  matchWeekAskAction: string;
  matchWeekAskPhased: Map<CatalogEntry, CatalogEntry>;
  matchDayAction: string;
  /** Match Day's report once the contract's date has passed with no result told. */
  matchDayLateAction: string;
  /** matchDayAction and matchDayLateAction for one who marked Match Week done (matched): where, never "if not". */
  matchedDayAction: string;
  matchedDayLateAction: string;
  /**
   * matchedDayLateAction once residency has started: the start is already late, not still ahead
   * ("can push back your start on Thu 1 Jul" read on 2 Jul).
   */
  matchedDayStartedAction: string;
  /** Residency's start: the reporting step's deadline once the contract's date has passed. */
  residencyStart: DueDate;
  /** Match Day for an applicant in SOAP: Monday said "not matched", so the result is a SOAP offer. */
  soapMatchDayActions: readonly [string, string, string];
  phased: Map<CatalogEntry, CatalogEntry>;
  /** Match Day's entries once the contract's date has passed with no result told. */
  latePhased: Map<CatalogEntry, CatalogEntry>;
  /** phased and latePhased with the matched words (matchedDayAction, matchedDayLateAction). */
  matchedPhased: Map<CatalogEntry, CatalogEntry>;
  matchedLatePhased: Map<CatalogEntry, CatalogEntry>;
  /** matchedLatePhased's entries with matchedDayStartedAction. */
  matchedStartedPhased: Map<CatalogEntry, CatalogEntry>;
  /** The SOAP participant's Match Day entries (their own title and action), per catalog entry. */
  soapPhased: readonly [
    Map<CatalogEntry, CatalogEntry>,
    Map<CatalogEntry, CatalogEntry>,
    Map<CatalogEntry, CatalogEntry>,
  ];
}

/**
 * The texts per wording, made once per calendar: by track (an H-1B applicant's name the petition,
 * never the J-1's Statement of Need: lateAdviceFor; visa "none" no visa step), and apart for one
 * who reported the contract signed while Match Day is untold (a contract dated before Match Day
 * stays done: done-before-season.ts): what waits is the rest, never "sign your contract".
 */
const madeTexts = new Map<string, WeakMap<SeasonCalendar, SeasonTexts>>();
/** The season's Match-outcome texts for an applicant with `visa`, made once per calendar and wording. */
export function textsOf(calendar: SeasonCalendar, visa: Visa = "undecided", signed = false): SeasonTexts {
  const kind = `${visa === "none" || visa === "H-1B" ? visa : "J-1"}${signed ? "+signed" : ""}`;
  let made = madeTexts.get(kind);
  if (made === undefined) {
    made = new WeakMap();
    madeTexts.set(kind, made);
  }
  const signedWaiting = signed ? signedSteps(visa) : contractSteps(visa);
  // With no visa and the contract signed nothing waits: the late prefix says so, the rest "next steps".
  const steps = signedWaiting === "" ? "next steps" : signedWaiting;
  let texts = made.get(calendar);
  if (texts === undefined) {
    const date = calendar.dates.nrmp_soap_ends;
    const start = calendar.dates.residency_start;
    const matchDay = seasonInstantEt(calendar.dates.nrmp_match_day);
    const next = calendar.matchYear + 1;
    const matchOver = `the ${calendar.matchYear} Match is over for you: ${restartWords(next)}`;
    const matchOverPathwayPending = `the ${calendar.matchYear} Match is over for you: ${restartWords(next, true)}`;
    const ifUnmatched = `If you did not match, ${matchOver}`;
    const ifNoPosition = `If you did not match and accepted no SOAP offer, ${matchOver}`;
    // Past SOAP's end only one still "in progress" is asked (a SOAP done from Monday on is the
    // position itself: acceptedSoapPosition), so the status time has overtaken is named, in the
    // words a passed own date takes ("… is in progress …, and its … has passed", "Did you …?").
    const soapStale = `Your SOAP is still in progress, and SOAP ended on ${seasonInstantEt(date)}: did you accept an offer?`;
    const noSoapPosition = nextSeasonWords(next);
    const latePrefix = `Match Day was ${matchDay} and you have not told us where you matched${signedWaiting === "" ? "" : `, so your ${steps} are waiting`}.`;
    const startWords = residencyStartWords(start, []);
    const lateAdvice = signed
      ? signedAdviceFor(visa, `each week lost can push back your start on ${startWords}`)
      : ` and sign your contract: ${lateAdviceFor(visa)}, so each week lost can push back your start on ${startWords}.`;
    texts = {
      soapEnd: shapedDueDate({
        at: date.at,
        zone: ET_ZONE,
        status: date.status,
        basis: date.status,
        source: date.source,
      }),
      followUpId: `r-${stableHash(`${MATCH_RESULT_RUNG}|${calendar.matchYear}`)}`,
      matchDayFollowUpId: `r-${stableHash(`${MATCH_DAY_RESULT_RUNG}|${calendar.matchYear}`)}`,
      matchOver,
      matchOverPathwayPending,
      ifUnmatched,
      // NRMP's Match Week page (the season dates' sources): SOAP starts with Monday's release, programs
      // read applications from Tuesday morning and offer in timed rounds (match-week.ts), SOAP ends Thursday.
      matchWeekReportAction: `${MATCH_WEEK_ASK} If you did not match, SOAP does not wait for Thursday: it opened with NRMP's release, ${seasonInstantEt(calendar.dates.nrmp_match_week_start_and_soap_start)}, and ends ${seasonInstantEt(date)}. Send your SOAP applications through ERAS as soon as ERAS opens for SOAP (${SOAP_CAP}; NRMP's Match Week schedule gives the hour): programs read them from Tuesday morning, then make their offers in timed rounds.`,
      matchWeekPhased: new Map(),
      matchWeekAskAction: `${MATCH_WEEK_ASK} If you did not match, the SOAP step says what to do today, until SOAP ends ${seasonInstantEt(date)}.`,
      matchWeekAskPhased: new Map(),
      // One answer per outcome, as its button asks ("Did NRMP tell you on Monday … that you matched?"):
      // Monday's match is Match Week's; a SOAP position, like the match's program, is Match Day's.
      afterSoapAction: `SOAP ended on ${seasonInstantEt(date)}. If NRMP told you on Monday that you matched, tap Matched (mark Match Week done): NRMP shows where in R3 on Match Day, ${matchDay}, and your ${steps} follow. If you accepted a SOAP offer instead, that is your position: tell us where on Match Day (mark Match Day done), as its question will ask. ${ifNoPosition}`,
      // One who never answered Match Week may have been placed by SOAP: a position as binding as a match.
      matchDayAction: `${MATCH_DAY_RELEASE} Tell us where you matched once R3 shows it, in the Match or by a SOAP offer you accepted (mark Match Day done), so your ${steps} get their reminders. ${ifNoPosition}`,
      matchDayLateAction: `${latePrefix} If you matched, in the Match or by a SOAP offer you accepted, tell us now (mark Match Day done)${lateAdvice} ${ifNoPosition}`,
      // Match Week done already said "matched" (its card asks a matched applicant to mark it): only where is left.
      matchedDayAction: `${MATCH_DAY_RELEASE} ${TOLD_US_MATCHED} Tell us where you matched once R3 shows it (mark Match Day done) so your ${steps} get their reminders.`,
      matchedDayLateAction: `${latePrefix} ${TOLD_US_MATCHED} Tell us where you matched now (mark Match Day done)${lateAdvice}`,
      // How long a program holds a late start: no authority says (START_DELAYED's advice), so the GME office is asked.
      matchedDayStartedAction: `${latePrefix} ${TOLD_US_MATCHED} Residency started on ${residencyStartWords(start, [])}, so your start is already late: tell us where you matched now (mark Match Day done), ask your program's GME office how long it can hold your position (programs publish no limit)${signed ? signedAdviceFor(visa, "each week lost delays your start further") : `, and sign your contract: ${lateAdviceFor(visa)}, so each week lost delays your start further.`}`,
      // Marked as residency's start, so every display reads the day, never midnight ET (residency-start-day.ts).
      residencyStart: markedResidencyStart(
        shapedDueDate({
          at: start.at,
          zone: ET_ZONE,
          status: start.status,
          basis: start.status,
          source: start.source,
        }),
      ),
      // NRMP: a SOAP offer accepted in R3 is a binding commitment, as a match is
      // (https://www.nrmp.org/residency-applicants/soap/); Monday already told a participant "not matched".
      // In the tense of the moment (soapTense): during SOAP, once it has ended, after Match Day.
      soapMatchDayActions: [
        `You took part in SOAP, so Match Day, ${matchDay}, brings you no news: NRMP told you on Monday that you did not match, and the SOAP offer you accept in R3 is your position, as binding as a match, shown in R3 on Match Day. Once you have accepted one, mark SOAP done (“I accepted a SOAP offer”) so your ${steps} get their reminders. If you accepted no SOAP offer by its end, ${seasonInstantEt(date)}, ${matchOver}`,
        `${soapStale} You took part in it, so Match Day, ${matchDay}, brings you no news: NRMP told you on Monday that you did not match, and the SOAP offer you accepted in R3 is your position, as binding as a match, shown in R3 on Match Day. If you accepted one, mark Match Day done so your ${steps} get their reminders. If you accepted no SOAP offer, the ${calendar.matchYear} Match is over for you: ${noSoapPosition}`,
        `${soapStale} NRMP told you on Monday that you did not match, and the SOAP offer you accepted in R3 is your position, as binding as a match, shown in R3 since Match Day, ${matchDay}. If you accepted one, mark Match Day done within two weeks of Match Day (the date this plan gives your contract) so your ${steps} get their reminders. If you accepted no SOAP offer, you need not tell us (once that date passes with no answer, this plan plans the ${next} Match for you): ${noSoapPosition}`,
      ],
      phased: new Map(),
      latePhased: new Map(),
      matchedPhased: new Map(),
      matchedLatePhased: new Map(),
      matchedStartedPhased: new Map(),
      soapPhased: [new Map(), new Map(), new Map()],
    };
    made.set(calendar, texts);
  }
  return texts;
}

/** The entry with a season's title and action (and its reason, if given), made once per season and entry. */
export function phasedIn(
  made: Map<CatalogEntry, CatalogEntry>,
  entry: CatalogEntry,
  title: string,
  action: string,
  why: CatalogEntry["why"] = entry.why,
): CatalogEntry {
  let phased = made.get(entry);
  if (phased === undefined) {
    phased = Object.freeze({ ...entry, title, action, why, statusActions: undefined }) as CatalogEntry;
    made.set(entry, phased);
  }
  return phased;
}

/**
 * Which of SOAP's tenses a SOAP participant's texts take at `now` (they stayed in
 * the present after SOAP was over): 0 while SOAP runs, 1 once it has ended, 2 from Match Day's release.
 */
export function soapTense(context: PlanContext): 0 | 1 | 2 {
  const { dates } = context.calendar;
  return context.now < dates.nrmp_soap_ends.at ? 0 : context.now < dates.nrmp_match_day.at ? 1 : 2;
}

/** Why Match Day matters to a SOAP participant (the reminder's and the step's reason), by contractSteps and soapTense. */
const SOAP_MATCH_DAY_WHYS = new Map<string, CatalogEntry["why"]>();
export function soapMatchDayWhy(visa: Visa, tense: 0 | 1 | 2): CatalogEntry["why"] {
  const steps = contractSteps(visa);
  const accept = tense === 0 ? "accept" : "accepted";
  let why = SOAP_MATCH_DAY_WHYS.get(`${steps}|${accept}`);
  if (why === undefined) {
    why = Object.freeze({
      text: `A SOAP offer you ${accept} in R3 is binding, as a match is, and Match Day's results in R3 show it; your ${steps} start from it.`,
      basis: "official",
      source: "https://www.nrmp.org/residency-applicants/soap/",
    });
    SOAP_MATCH_DAY_WHYS.set(`${steps}|${accept}`, why);
  }
  return why;
}

/**
 * The applicant told us Monday's result was "not matched": SOAP is in progress or done, unless Match
 * Week done says "matched" beside it (matchWeekSoapConflict: a partial match, a position held, so
 * SOAP's outcome moves no plan to the next Match).
 */
export function unmatchedReported(context: PlanContext): boolean {
  const soap = statusOf(context, "soap");
  return soap === "done" || (soap === "in_progress" && !matchWeekSoapConflict(context));
}

/**
 * When a once-only notice after a release goes (followUp): at the release when outside quiet hours,
 * else the next delivery slot; planned later, now; null at or past `until`.
 */
export function followUpAt(context: PlanContext, release: number, until: number): number | null {
  if (context.now >= until) return null;
  const sendAt = openingSlot(context, release);
  const at = sendAt < context.now ? lateArrivalSlot(context, toWall(context.zone, context.now)) : sendAt;
  return at >= until ? null : at;
}

/** A once-only notice after a release (the Match outcome's follow-ups), or null when past `until`. */
export function followUp(
  context: PlanContext,
  release: number,
  until: number,
  detail: Deadline,
  fields: Pick<Reminder, "id" | "milestone" | "rung" | "title" | "why" | "overdueSince">,
): TimedReminder | null {
  const sendAt = followUpAt(context, release, until);
  if (sendAt === null) return null;
  // Held for the quiet hours to a later day, or sent late: every instant of its day a late notice
  // may take it to is after the release, so it joins that notice's email (joinLateArrivals) rather
  // than a second one an hour later (a Match Day 08:00 critical notice, then 09:00's question).
  const fixed = context.now > release || sendAt >= localDayEnd(context.zone, release) ? undefined : true;
  // Key order as every other reminder's (the golden plans hash the JSON).
  const reminder = reminderRecord({
    id: fields.id,
    milestone: fields.milestone,
    rung: fields.rung,
    title: fields.title,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: fields.why,
    overdueSince: fields.overdueSince,
  });
  return timedReminder(sendAt, until, Object.freeze(reminder), undefined, fixed);
}

/** Match Day's texts: apart once the contract is reported signed (never "sign your contract" then). */
export const matchDayTexts = (context: PlanContext) =>
  textsOf(context.calendar, context.applicant.visa, isFinished(statusOf(context, "contract")));
