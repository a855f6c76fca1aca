import { CHECKED_FOR_RANKING } from "../catalog/index.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import { DAY_MS, ET_ZONE, fromWall, startOfLocalDate, toWall, wallDayStart } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { RANK_ORDER_LIST_AT, unreportedResults, unreportedSittings } from "./unreported-sittings.ts";

const PATHWAY = indexedStep("ecfmg_pathway");
const OET = indexedStep("oet_medicine");

/**
 * The catalog indices of the steps feasibility reads (assessAt): the ECFMG application, and the
 * exams and Pathway NRMP needs ECFMG to confirm by the rank order list deadline with the OET result
 * the Pathway needs (CHECKED_FOR_RANKING). Any of them not done, and not an answer merely unreported,
 * keeps the write-off, as it would have at the deadline.
 */
const CHECKED_AT: readonly number[] = [
  indexedStep("ecfmg_application").index,
  ...CHECKED_FOR_RANKING.map((key) => indexedStep(key).index),
];

/** Days after Match Day (season date nrmp_match_day) that the Match stays live on an answer not given. */
const ASKED_FOR_DAYS = 7;

/**
 * The end of the Match for an applicant whose certified list hangs on an answer not yet given:
 * midnight ET seven days after Match Day (season date nrmp_match_day). By then "Match Day: tell us
 * where you matched" and the first weekly check (Match Day's hour a week later, or the next
 * delivery slot) have gone in every zone (at midnight ET after
 * Match Day, Karachi's question was swapped for the out-of-reach email at the instant it was due).
 */
export function matchOverAt(context: PlanContext): number {
  const matchDay = context.calendar.dates.nrmp_match_day.at;
  return fromWall(ET_ZONE, wallDayStart(toWall(ET_ZONE, matchDay)) + (ASKED_FOR_DAYS + 1) * DAY_MS);
}

/**
 * Between the rank order list deadline and a week after Match Day (matchOverAt), for a certified
 * list whose only gaps are answers the applicant has not given:
 * the condition under which they are in the Match, "your USMLE Step 2 CK result reached ECFMG in time
 * for the rank order list deadline, Wed 24 Feb 2027 (ET)" (a
 * sitting before the deadline whose result was never reported, unreportedSittings) and "ECFMG
 * accepted your Pathway" (in progress with no date: it may have been submitted and decided), joined
 * by "and"; null otherwise. NRMP withdraws an IMG from the Match and SOAP unless ECFMG confirmed
 * these by the deadline (the catalog's `neededForRanking` source), and a sitting on 11 January
 * normally reports early in February: such an applicant is more likely in the Match than not, so
 * Match Week, SOAP and Match Day stay live on that condition rather than the plan moving to the
 * next Match. An exam not sat, or a Pathway not submitted (not started), cannot meet the condition:
 * null, and feasibility writes the Match off as before. The end of the window is noted, so the
 * look-ahead re-plans there (the next Match's dates from then on).
 */
export function inTheMatchIf(context: PlanContext): string | null {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  if (context.now <= rol || statusAt(context, RANK_ORDER_LIST_AT) !== "done") return null;
  const over = matchOverAt(context);
  if (context.now >= over) return null;
  // ECFMG certifies only after graduation: one after residency starts cannot make this Match.
  const graduation = startOfLocalDate(context.zone, context.applicant.graduation);
  if (graduation > context.calendar.dates.residency_start.at) return null;
  const sittings = unreportedSittings(context, rol);
  let pathwayOpen = false;
  for (const index of CHECKED_AT) {
    if (isSatisfiedAt(context, index)) continue;
    if (index === PATHWAY.index && pathwayMayBeDecided(context)) {
      pathwayOpen = true;
      continue;
    }
    if (!sittings.some((sitting) => sitting.index === index)) return null;
  }
  if (sittings.length === 0 && !pathwayOpen) return null;
  noteRiskChange(context, over);
  const parts: string[] = [];
  if (sittings.length > 0) parts.push(`${unreportedResults(sittings)} reached ECFMG`);
  if (pathwayOpen) parts.push("ECFMG accepted your Pathway");
  // The deadline has passed: its day is named as the deadline's, never as a "by <day>" to act by.
  return `${parts.join(" and ")} in time for the rank order list deadline, ${seasonDayEt(rolDate)}`;
}

/**
 * A Pathway in progress with no submission date, its OET result in (or not needed): it may have
 * been submitted and accepted before the deadline, so it is given the benefit of the doubt.
 */
export function pathwayMayBeDecided(context: PlanContext): boolean {
  const entry = context.entries.at(PATHWAY.index);
  return entry?.status === "in_progress" && entry.date === undefined && isSatisfiedAt(context, OET.index);
}

/** Whether the step's text is conditional in the window (inTheMatchIf): Match Week, SOAP, Match Day. */
const CONDITIONAL_STEPS: ReadonlySet<string> = new Set(["match_week", "soap", "match_day"]);

/**
 * Match Week's, SOAP's and Match Day's action in the window (inTheMatchIf): the condition first,
 * then the step's own action ("If your USMLE Step 2 CK result reached ECFMG in time for the rank order list deadline, Wed 24 Feb 2027 (ET),
 * you are in the Match: on Monday …"); the action unchanged otherwise.
 */
export function conditionalMatchAction(context: PlanContext, key: string, action: string): string {
  if (!CONDITIONAL_STEPS.has(key)) return action;
  const condition = inTheMatchIf(context);
  if (condition === null) return action;
  const lead = key === "soap" ? "SOAP is open to you if you do not match" : "you are in the Match";
  // "NRMP told you …" keeps its capitals; "Open R3 …" reads "open R3 …" after the colon.
  const acronym = /^[A-Z]{2}/.test(action);
  return `If ${condition}, ${lead}: ${acronym ? action : `${action.charAt(0).toLowerCase()}${action.slice(1)}`}`;
}
