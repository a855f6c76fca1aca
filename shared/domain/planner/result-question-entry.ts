import type { CatalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import { basisMark } from "../date-basis.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { resultDueAt } from "./result-deadline.ts";
import { visaResultQuestion } from "./visa-result-awaited.ts";

/**
 * Once a booked exam's day has passed with no result reported, its deadline is the day the result
 * must reach the authority (passedResultDue), and the rungs toward it ask for the result: "Your
 * USMLE Step 2 CK result must reach ECFMG by Wed 24 Feb 2027 (projected): has it arrived? Tell us
 * the result", never the catalog's bare "Pass USMLE Step 2 CK" with its score advice, which reads
 * as "sit it now". Ids do not change: a
 * rung's id is its step, rung and deadline only (reminder-id.ts).
 */

/** Who a sat exam's result must reach by its deadline, per exam (the cards' own words). */
const RESULT_READERS: Readonly<Record<string, { who: string; why: string }>> = {
  usmle_step1: {
    who: "ECFMG",
    why: "Step 1 is required for ECFMG certification, and its result must reach ECFMG and NRMP by the rank order list deadline.",
  },
  usmle_step2ck: {
    who: "ECFMG",
    why: "Step 2 CK is required for ECFMG certification, and its result must reach ECFMG and NRMP by the rank order list deadline.",
  },
  usmle_step3: {
    who: "programs",
    why: "An H-1B for residency needs Steps 1, 2 and 3 passed, and programs decide whether to rank an applicant who needs an H-1B before they certify their rank lists.",
  },
  oet_medicine: {
    who: "ECFMG",
    why: "Your Pathway needs your OET Medicine result: ECFMG must have it by its deadline for the Pathway's supporting documents.",
  },
};

/**
 * The catalog `entry` as a sat exam's reminders toward `due` (its result's deadline on `calendar`)
 * are laid from it: the same step, titled and explained as the result question. Made once per due
 * date, zone and step (laidStep memoises by entry identity); `entry` itself for any other step.
 * `index` is the step's catalog index: a due that is not the projected result deadline is its
 * later candidate's (sittingResultDue), and the title says so.
 */
export function resultQuestionEntry(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate,
  calendar: SeasonCalendar,
  index: number,
): CatalogEntry {
  const reader = RESULT_READERS[entry.key];
  if (CONSULAR_INTERVIEWS.has(entry.key)) return visaAskedEntry(context, entry, calendar);
  if (reader === undefined && entry.key !== PATHWAY_KEY) return entry;
  const { zone } = context;
  let known = questions.get(due);
  if (known === undefined) {
    known = [];
    questions.set(due, known);
  }
  for (const each of known)
    if (each.zone === zone && each.entry === entry && each.calendar === calendar && each.index === index)
      return each.asked;
  const asked =
    reader === undefined
      ? pathwayAskedEntry(context, entry, due)
      : askedEntry(context, entry, reader, due, due !== resultDueAt(calendar, index));
  if (known.length >= MAX_ASKED_PER_DUE) known.length = 0;
  known.push({ zone, entry, calendar, index, asked });
  return asked;
}

function askedEntry(
  context: PlanContext,
  entry: CatalogEntry,
  reader: { who: string; why: string },
  due: DueDate,
  later: boolean,
): CatalogEntry {
  const exam = entry.title.replace(/^(Pass|Complete an?) /, "");
  const day = `${dayBy(context, due.at)}${basisMark(due)}`;
  const when = later
    ? `${day} if NRMP's deadline turns out later`
    : entry.key === "usmle_step3"
      ? `${day}, before they certify their rank lists`
      : day;
  const weeks = Math.ceil((entry.reportingDays?.days ?? SCORE_REPORTING_DAYS) / 7);
  return {
    ...entry,
    title: `Your ${exam} result must reach ${reader.who} by ${when}: has it arrived? Tell us the result`,
    why: {
      ...entry.why,
      text: `${reader.why} Results take about ${weeks} weeks (advice). If you passed, mark this step done; if you did not sit it or did not pass, tell us, so the plan can say what is still possible.`,
    },
  };
}

const PATHWAY_KEY = "ecfmg_pathway";

/**
 * A consular interview gone by (visa-result-awaited.ts): its rungs toward residency's start ask
 * whether the visa was issued (visaResultQuestion), never "Get your J-1 visa" due as if not begun.
 */
function visaAskedEntry(context: PlanContext, entry: CatalogEntry, calendar: SeasonCalendar): CatalogEntry {
  const date = context.entries.get(entry.key)?.date;
  if (date === undefined) return entry;
  // One entry per season, step and interview day, shared by every plan (laidStep memoises by identity).
  let bySeason = visaQuestions.get(calendar);
  if (bySeason === undefined) {
    bySeason = new Map();
    visaQuestions.set(calendar, bySeason);
  }
  const key = `${entry.key}|${date}`;
  const known = bySeason.get(key);
  if (known?.entry === entry) return known.asked;
  const asked = visaResultQuestion(entry, date, residencyStartWords(calendar.dates.residency_start, []));
  const made =
    asked === null ? entry : { ...entry, title: asked.title, why: { ...entry.why, text: asked.why } };
  if (bySeason.size >= MAX_VISA_QUESTIONS) bySeason.clear();
  bySeason.set(key, { entry, asked: made });
  return made;
}
const visaQuestions = new WeakMap<
  SeasonCalendar,
  Map<string, { entry: CatalogEntry; asked: CatalogEntry }>
>();
/** Interview days kept per season before the list starts again (bounded, as the other memos). */
const MAX_VISA_QUESTIONS = 400;

/**
 * A submitted Pathway's rungs toward ECFMG's acceptance by the rank order list deadline (`due`,
 * pathwayDecisionDue): the question, never "Complete an ECFMG Pathway" due
 * (the application deadline it met is a past fact, ECFMG's answer what still matters).
 */
function pathwayAskedEntry(context: PlanContext, entry: CatalogEntry, due: DueDate): CatalogEntry {
  const day = `${dayBy(context, due.at)}${basisMark(due)}`;
  return {
    ...entry,
    title: `Has ECFMG accepted your Pathway application? NRMP needs its acceptance by ${day}`,
    why: {
      ...entry.why,
      text: "NRMP needs ECFMG's acceptance of your Pathway by the rank order list deadline. If ECFMG accepted it, mark this step done; if ECFMG refused it or asked for more documents, tell your advisor.",
    },
  };
}

/**
 * The asked entries per shared due date (frozen, from the plan's dates), each with every other input
 * it was made from (the zone dayBy reads, the step's entry, calendar and index), compared on each use.
 * Kept per zone rather than for the last zone only: plans alternate zones (the bench's do, plan by
 * plan), and the entry made afresh each time was about 0.3 % of a plan, and a new entry object missed
 * laidStep's memo (keyed by entry identity), re-laying the step's targets.
 */
const questions = new WeakMap<DueDate, AskedEntry[]>();
interface AskedEntry {
  zone: string;
  entry: CatalogEntry;
  calendar: SeasonCalendar;
  index: number;
  asked: CatalogEntry;
}
/** A due's entries held at most (zones times steps met with it); then its list starts again. */
const MAX_ASKED_PER_DUE = 8;
