import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { targetForSource } from "../target-need.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { step3ChainDaysWith, step3VisaDays } from "./h1b.ts";
import { certificateOnOfficeDay } from "./h1b-certificate-day.ts";
import { sponsorshipAhead } from "./j1-certificate.ts";
import { residencyAhead } from "./residency-started.ts";
import { step3DueNow } from "./step3-after-ranking.ts";

// After the rank order list deadline an H-1B applicant's
// certificate is still needed before Step 3, which is now dated for the petition
// (step3-after-ranking.ts), so its target is Step 3's latest safe start on that chain, made the way
// j1-certificate.ts makes the J-1 one. On either track, a certificate past that target is
// reminded weekly until reported (certificateHoldsChain).

const CERTIFICATE = "ecfmg_certification";
const CERTIFICATE_AT = stepIndex(CERTIFICATE);
const STEP3_AT = stepIndex("usmle_step3");
const LIST_AT = stepIndex("rank_order_list");
const MATCH_DAY_AT = stepIndex("match_day");

/**
 * Whether ranking is over for the applicant's Match (its rank order list deadline has passed) with
 * their list certified: they may have matched, so a position waits on the visa. Without a list the
 * Match is over for them and no program's start date waits on the certificate.
 */
function rankingOver(context: PlanContext): boolean {
  return (
    context.now > context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at &&
    isFinished(statusAt(context, LIST_AT))
  );
}

/**
 * The H-1B certificate's target once ranking is over: Step 3's after-ranking date (step3DueNow: the
 * petition's date less Step 3's reporting allowance) less the same chain the ranking target uses
 * (step3LeadDays: FSMB's processing and a test seat, and abroad step3VisaDays for the visitor visa;
 * no new figure). Advice, or projected with the petition's date. Null off the H-1B track, before
 * ranking is over, with Step 3 or the certificate done, or when Step 3 has no petition date. Built
 * once per PlanDates (its zone fixes the visa allowance, as for h1bCertificateTarget).
 */
export function h1bAfterRankingTarget(context: PlanContext, dates: PlanDates): DueDate | null {
  if (context.applicant.visa !== "H-1B" || dates.calendar !== context.calendar || !rankingOver(context))
    return null;
  if (isFinished(statusAt(context, STEP3_AT)) || isFinished(statusAt(context, CERTIFICATE_AT))) return null;
  let target = afterRankingTargets.get(dates);
  if (target === undefined) {
    target = afterRankingTargetOf(context, dates, step3VisaDays(context));
    afterRankingTargets.set(dates, target);
    if (target !== null) afterRankingSet.add(target);
  }
  return target;
}

const afterRankingTargets = new WeakMap<PlanDates, DueDate | null>();
/** The targets h1bAfterRankingTarget made, so the card knows them (h1bStartAtRiskNote). */
const afterRankingSet = new WeakSet<DueDate>();

function afterRankingTargetOf(context: PlanContext, dates: PlanDates, visaDays: number): DueDate | null {
  const ruled = dates.due("usmle_step3");
  const step3 = step3DueNow(context, dates, ruled);
  if (step3 === null || step3 === ruled) return null;
  const visa =
    visaDays === 0 ? "" : ` with ${visaDays} days for a visitor visa for the trip beside it (advice)`;
  const counted = shapedDueDate({
    at: shiftDays(step3.at, step3.zone, -step3ChainDaysWith(visaDays)),
    zone: step3.zone,
    status: step3.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: targetForSource(
      "the H-1B petition",
      `FSMB's processing${visa} and a US test date before Step 3's date (${step3.source}); Step 3 needs the certificate first`,
    ),
    asDay: true,
    dayName: undefined,
  });
  return certificateOnOfficeDay(counted);
}

/**
 * Whether a program's start date waits on the applicant: they told us they matched (Match Day done)
 * and residency has not started where they are (residencyAhead: in Honolulu at her midnight, not
 * 6:00 PM on 30 Jun, as the visa verdicts). Before that, on the H-1B track, no start is at risk yet:
 * the certificate is asked about, not chased.
 */
function startAhead(context: PlanContext): boolean {
  return isFinished(statusAt(context, MATCH_DAY_AT)) && residencyAhead(context);
}

/**
 * Whether a certificate past its target is reminded weekly (UNBOOKED_RANKING_EXAM_EVERY_DAYS, with
 * a notice a week before its hard deadline) rather than about monthly: the certificate not done
 * while the visa chain waits for it: a J-1 applicant's sponsorship still ahead (sponsorshipAhead),
 * or an H-1B applicant's Step 3 still to pass once ranking is over, with a start at risk (matched,
 * before the start: the card's h1bStartAtRiskNote). From Match Day to the report of a match the
 * weekly chase asked eleven times a question ECFMG alone answers.
 */
export function certificateHoldsChain(context: PlanContext, entry: CatalogEntry): boolean {
  if (entry.key !== CERTIFICATE || isFinished(statusAt(context, CERTIFICATE_AT))) return false;
  if (context.applicant.visa === "J-1") return sponsorshipAhead(context);
  return (
    context.applicant.visa === "H-1B" &&
    rankingOver(context) &&
    !isFinished(statusAt(context, STEP3_AT)) &&
    startAhead(context)
  );
}

/**
 * What the H-1B certificate's card adds once h1bAfterRankingTarget (`target`) has passed: an H-1B
 * start on the program's date (the season's residency start) is now at risk, and what to ask the
 * program's GME office (a later start, or a J-1 through ECFMG), for an applicant who has matched,
 * before residency starts. "" otherwise.
 */
export function h1bStartAtRiskNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  target: DueDate | null,
): string {
  if (entry.key !== CERTIFICATE || isFinished(status) || target === null) return "";
  if (!afterRankingSet.has(target) || target.at >= context.now) return "";
  // Matched (Match Day done) and before the start: a program's date to be at risk (as the J-1 note).
  if (!startAhead(context)) return "";
  const projected = basisMark(target);
  const start = context.calendar.dates.residency_start;
  return ` For an H-1B start your certificate was needed by ${dayBy(context, target.at)}${projected}: Step 3 comes after it (FSMB's processing, a US test date and the result) and the H-1B petition after Step 3, so an H-1B start on your program's date (${residencyStartWords(start, [])}) is now at risk. Ask your program's GME office now whether you can start later, or train on a J-1 sponsored by ECFMG instead.`;
}
