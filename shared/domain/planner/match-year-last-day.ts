import { BoundedMemo } from "../bounded-memo.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { DAY_MS, localDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { byDayNear, dayBy, dueDayWord, dueToday, endsLocalDay, when } from "./day-words.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL, plannedDay } from "./earliest-certification.ts";
import { describeTakes, pathwayDeadline, pathwayDocumentsDeadline } from "./feasibility.ts";
import { lastDayActs, lateSittings } from "./last-day-acts.ts";
import type { LastDayFacts, PathwayDue } from "./last-day-facts.ts";
import { actsFirst, sameTakes, seatTake } from "./last-day-takes.ts";
import {
  AFTER_THAT_DAY,
  dayOf,
  lastDayBy,
  lastDayMark,
  listed,
  pathwayPastDayWords,
} from "./last-day-words.ts";
import { lastSittingDay, lastSittingWord, lastSittingWords } from "./last-sitting-day.ts";
import type { LastWorking } from "./last-working-instant.ts";
import { erasSubmissionWellPast } from "./late-step-risks.ts";
import { laterDeadlineWas, laterLastDayBy, markedLaterChance } from "./later-last-day.ts";
import { lastDayInLastWeek, markedLastWeek } from "./match-year-last-week.ts";
import { weighPathwayWords } from "./nrmp-while-weighing.ts";
import { oetLaterSeatClause } from "./oet-later-seat.ts";
import { oetRebookBy, oetSeatClosed } from "./oet-rebook-words.ts";
import { PATHWAY_MATCHED_VALIDITY_SOURCE } from "./pathway-certificate-risk.ts";
import { PATHWAYS_REVALIDATION_SOURCE } from "./pathway-certificate-validity-check.ts";
import { presumedSentPathwayPastDeadline } from "./presumed-sent.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/**
 * MATCH_YEAR_LAST_DAY: the target Match is in reach, but only if the steps
 * still open start by a day close ahead; after it, MATCH_YEAR_NOT_FEASIBLE writes the season off.
 * Named from the same chain, so the two never disagree, with the allowances it counts (advice) and
 * the projected deadline it ends at, so the applicant can weigh a write-off resting on them. A
 * warning (every number in the chain is an allowance or a projection), critical with its notice in
 * its last week (lastDayInLastWeek); its countdown is lastDayCountdown's.
 * Composed once per chain and last day (lastDayMemo): only the facts below are read from now.
 */
export function lastDayRisk(context: PlanContext, last: LastWorking): Risk {
  const { calendar, zone } = context;
  const due = pathwayDeadline(calendar);
  const documentsDue = pathwayDocumentsDeadline(calendar);
  const takes = last.chain.takes;
  // The deadline the chain misses a minute after the last day (never a last
  // day after a deadline the chain needs): the rank order list's, or a Pathway deadline.
  const bound = last.bound === "pathway" || last.bound === "documents" ? last.bound : "exams";
  const pathwayBound = bound === "pathway";
  // A Pathway application dated before now went in then (the README: a passed date reads as
  // submitted that day; feasibility counts it so): never an action again. One
  // presumed sent by an interview stays so past its deadline.
  const pathwayDay = plannedDay(context, "ecfmg_pathway");
  const pathway: PathwayDue =
    due === null
      ? "none"
      : (pathwayDay !== null && pathwayDay < context.now) || presumedSentPathwayPastDeadline(context)
        ? "submitted"
        : due < context.now
          ? "passed"
          : due < last.at || pathwayBound
            ? "before"
            : "after";
  // "act by" is the earliest of the named actions' last instants: the Pathway's deadline when it is
  // named before the last day ("act by Wed 27 Jan 2027: submit … by Sun 27 Dec").
  const pathwayNamed = pathway === "before" && takes.some((take) => take.key === "ecfmg_pathway");
  const seat = seatTake(takes);
  // An OET to re-book: its booking day, when earlier, is the day to act by, said "about".
  const rebook = seat?.key === "oet_medicine" ? oetRebookBy(context, seat.seatBy) : null;
  const actBy = Math.min(last.at, pathwayNamed && due !== null ? due : last.at, rebook?.at ?? last.at);
  const oetBookBy = rebook !== null && actBy === rebook.at ? rebook.by : "";
  // Within its last 24 hours an instant is said with its hour in every zone (byDay).
  noteRiskChange(context, actBy - DAY_MS);
  // A last day that is an exam's last sitting day is a day with no time, the same in every zone:
  // its words are lastSittingWords', never an hour. Only when the last day is that sitting
  // day: a Pathway deadline before it decides otherwise (OET's booking allowance).
  const seatBy =
    actBy === last.at && seat !== undefined && localDate(zone, last.at) >= lastSittingDay(seat.seatBy)
      ? seat.seatBy
      : undefined;
  const sitting = seatBy === undefined ? "" : lastSittingWords(context, seatBy).replace(" at the latest", "");
  const today =
    oetBookBy === "" && (seatBy === undefined ? dueToday(context, actBy) : sitting.startsWith("today"));
  // Its word, "today" or "tomorrow", turns at the applicant's midnight before it.
  const dueWord =
    seatBy === undefined ? (today ? dueDayWord(context, actBy) : "") : lastSittingWord(context, seatBy);
  noteRiskChange(context, startOfLocalDate(zone, localDate(zone, actBy)));
  // The last day's own words: "today, by <hour>" within its 24 hours, which can begin after actBy's.
  // The day is marked right after it, each time it is named, by who sets it.
  const lastMark = lastDayMark(calendar, seatBy === undefined ? undefined : seat?.key, last.at === due);
  const lastBy = `${seatBy === undefined ? lastDayBy(context, last.at) : sitting.replace(/,$/, "")}${lastMark}`;
  const dueBy = due === null || due < context.now ? "" : lastDayBy(context, due);
  // The day to act by said as an instant with its hour, not a day (lastDayBy).
  const timed =
    oetBookBy === "" && seatBy === undefined && !byDayNear(context, actBy) && !endsLocalDay(zone, actBy);
  // ERAS_LATE_SUBMISSION's own test: it then says to weigh the next Match.
  const erasLate = !isFinished(statusAt(context, ERAS_INDEX)) && erasSubmissionWellPast(context);
  // The OET's last sitting day as the last day: its booking allowance and later candidate.
  const oetSeat = seat?.key === "oet_medicine" ? seat.seatBy : undefined;
  const oetClosed = oetSeat !== undefined && oetSeatClosed(context, oetSeat);
  const oetLater = oetSeat !== undefined && seatBy !== undefined ? oetLaterSeatClause(context, seatBy) : "";
  // Past the last day the plan keeps the Match on NRMP's later candidate until a later one
  // (laterLastDay): both are named from the start. The Pathway's own past-day words promise neither.
  const laterBy = oetLater === "" && bound !== "pathway" ? laterLastDayBy(context, last) : "";
  let slots = lastDayMemo.get(zone);
  if (slots === undefined) slots = lastDayMemo.keep(zone, []);
  const slot = ((last.at / 60_000) | 0) & (LAST_DAY_SLOTS - 1);
  let known = slots[slot];
  if (
    known === undefined ||
    known.at !== last.at ||
    known.zone !== zone ||
    known.calendar !== calendar ||
    known.today !== today ||
    known.dueWord !== dueWord ||
    known.timed !== timed ||
    known.actBy !== actBy ||
    known.lastBy !== lastBy ||
    known.pathway !== pathway ||
    known.bound !== bound ||
    known.dueBy !== dueBy ||
    known.erasLate !== erasLate ||
    known.oetClosed !== oetClosed ||
    known.oetBookBy !== oetBookBy ||
    known.oetLater !== oetLater ||
    known.laterBy !== laterBy ||
    !sameTakes(known.takes, takes)
  ) {
    const facts: LastDayFacts = {
      calendar,
      zone,
      at: last.at,
      takes: takes.map((take) => ({ ...take })),
      today,
      dueWord,
      timed,
      actBy,
      pathway,
      bound,
      by:
        oetBookBy ||
        (seatBy === undefined
          ? `${lastDayBy(context, actBy)}${lastDayMark(calendar, undefined, actBy === due)}`
          : lastBy),
      lastBy,
      dueDay: due === null ? "" : dayBy(context, due),
      dueBy,
      documentsDay: documentsDue === null ? "" : dayBy(context, documentsDue),
      erasLate,
      oetClosed,
      oetBookBy,
      oetLater,
      laterBy,
    };
    known = composeLastDayRisk(facts);
    slots[slot] = known;
  }
  // Critical, with its notice, in its last week: a warning alone
  // let the day pass unnoticed. Counted to the day the rungs count down to (lastDayCountdown).
  const lastWeek = lastDayInLastWeek(context, last.at);
  // Fresh lists per plan: a plan's risk never shares an array with another plan's.
  const risk: Risk = {
    code: "MATCH_YEAR_LAST_DAY",
    severity: lastWeek ? "critical" : "warning",
    message: known.message,
    milestones: known.milestones.slice(),
    lastWorkingAt: known.lastWorkingAt,
    sources: known.sources.slice(),
  };
  if (laterBy !== "") markedLaterChance(risk);
  return lastWeek ? markedLastWeek(risk) : risk;
}

/** MATCH_YEAR_LAST_DAY's words for these facts. */
interface LastDayWords extends LastDayFacts {
  message: string;
  milestones: StepSubject[];
  lastWorkingAt: string;
  sources: string[];
}

/**
 * The last risks composed, per zone (plans in many zones share one last day), a slot per minute of
 * the last day (modulo the table's size): plans of a season share a few chains and last days, and
 * composing the message (zone renderings, the chain's words, the sources) showed in the planner
 * bench's profile. Bounded by the zone count and the slot count.
 */
const LAST_DAY_SLOTS = 64;
const lastDayMemo = new BoundedMemo<string, LastDayWords[]>(1_000);
const ERAS_INDEX = stepIndex("eras_application");

function composeLastDayRisk(facts: LastDayFacts): LastDayWords {
  const { calendar, by, takes } = facts;
  // The opener says the hour (by); an action due at that same instant then just says its day word,
  // "today", "tonight" or "tomorrow" (never "today" for the applicant's tomorrow).
  // Said with its hour (an instant, lastDayBy), the opener's instant is not said again: "by then".
  const lastBy =
    facts.at !== facts.actBy
      ? facts.lastBy
      : facts.dueWord !== ""
        ? facts.dueWord
        : facts.timed
          ? "by then"
          : facts.lastBy;
  const year = calendar.matchYear;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const acts = lastDayActs(facts, lastBy);
  const chain = describeTakes(takes, sources, facts.zone);
  addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
  const deadline = `${when(facts, rol.at)}${citeSeasonDate(rol, sources)}`;
  const pastPathway = facts.bound === "pathway" ? pathwayPastDayWords(year) : null;
  const afterDay = pastPathway ?? AFTER_THAT_DAY[facts.bound].replace("{documents}", facts.documentsDay);
  // An instant with its hour is not a day: "after then".
  const after = facts.timed ? afterDay.replace(/^(after|past) that day/, "$1 then") : afterDay;
  // Nothing left to start (a Pathway already in, a sitting already held): no action to name, only
  // the day after which the chain no longer holds. With the ERAS application long late, the chain
  // holds but the Match is not "within reach": ERAS_LATE_SUBMISSION says weigh the next.
  // A Pathway still to submit then is a fee for that Match alone (weighPathwayWords): the weighing
  // comes first and covers it, and the Match is what she may still choose.
  const weighPathway =
    facts.erasLate && facts.pathway === "before" && takes.some((take) => take.key === "ecfmg_pathway");
  if (weighPathway) {
    addSource(sources, PATHWAY_MATCHED_VALIDITY_SOURCE);
    addSource(sources, PATHWAYS_REVALIDATION_SOURCE);
  }
  const reach = weighPathway
    ? `${weighPathwayWords(year)}. Should you still apply for the ${year} Match, ECFMG can confirm your exams and Pathway to NRMP in time`
    : facts.erasLate
      ? `ECFMG can still confirm your exams and Pathway to NRMP in time for the ${year} Match`
      : `The ${year} Match is still within reach`;
  const opener =
    acts.length === 0
      ? `${reach}, with nothing left for you to start: keep every date you have booked and send each result to ECFMG as it arrives; ${after.replace("after that day", `after ${dayOf(by)}`)}`
      : `${reach} if you act ${by}: ${listed(acts)}; ${after}`;
  // The next Match as nextMatch (ERAS_LATE_SUBMISSION's words) counts it: the plan's year plus one.
  const eras =
    facts.erasLate && !weighPathway
      ? ` But without an ERAS application this late, weigh the ${year + 1} Match before you pay ERAS fees (see the ERAS warning).`
      : "";
  // The later last day, when there is one, is the last chance on NRMP's later candidate only.
  const later =
    facts.laterBy === ""
      ? ""
      : ` unless NRMP's ${year} deadline turns out later (${laterDeadlineWas(calendar)}): then acting by ${facts.laterBy} is your last chance, and your plan keeps the ${year} Match until then; plan for the earlier day`;
  return {
    ...facts,
    message: `${opener}${pastPathway === null ? `, and your plan moves to a later Match${later}` : ""}${facts.oetLater}.${lateSittings(facts)}${eras} It counts ${chain.join("; ")}. These times are advice (no authority publishes them), and ECFMG must confirm the exams and Pathway to NRMP by the rank order list deadline, ${deadline}.`,
    milestones: actsFirst(takes),
    lastWorkingAt: new Date(facts.at).toISOString(),
    sources,
  };
}
