import { basisMark } from "../date-basis.ts";
import { ET_ZONE } from "../time.ts";
import {
  EXAM_BOOKING_DAYS,
  SCORE_REPORTING_DAYS,
  STEP3_PROCESSING_DAYS,
  step3FsmbTimeWords,
} from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { visaExtraDays } from "./h1b.ts";
import { countedCertificateAt } from "./h1b-certificate-day.ts";
import { laterCandidateClause } from "./later-candidate.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { rolLaterCandidateAt } from "./rol-later-day.ts";
import { visitorVisaNowWords } from "./step3-visa-before-certificate.ts";

const MATCH_DAY_AT = stepIndex("match_day");
const RESIDENCY = " The later deadline shown is the one for starting residency.";

/**
 * What the certificate's step adds on the H-1B track (its target h1bCertificateTarget, given as
 * `target`; `visaDays`: the visitor-visa allowance for the Step 3 trip, step3VisaDays): ranking needs
 * it within weeks, not by the residency deadline the step also shows. Once the target
 * has passed, abroad, the visa's days later is the last day for an applicant who already holds a
 * visitor visa (as STEP3_NEEDED_FOR_H1B says); after that, the Step 3 risk's J-1 route. A day derived
 * from a projected season date says "(projected)".
 *
 * After the rank order list deadline of the Match the target is for, ranking is over and the Step 3
 * risk is no longer shown (risks.ts): the card says what matters now, with no ranking ahead and no
 * risk to see: an H-1B petition needs the certificate and Step 3,
 * and whether and on which visa the applicant matched decides the rest (Match Day's step asks). Once
 * Match Day's step is done (they matched) the card does not ask again: the visa and the start wait
 * on the certificate.
 */
export function certificateForRanking(context: PlanContext, target: DueDate, visaDays: number): string {
  const ranking = rankingWords(context, target, visaDays);
  // Abroad with the certificate expected soon, the visitor visa is asked for now, as the risk asks.
  const visa = visitorVisaNowWords(context, []);
  return visa === "" ? ranking : ranking.replace(RESIDENCY, `${visa}${RESIDENCY}`);
}

function rankingWords(context: PlanContext, target: DueDate, visaDays: number): string {
  const projected = basisMark(target);
  if (target.at >= context.now)
    return ` For ranking on H-1B you need it by ${dayBy(context, target.at)}${projected}, so Step 3's result reaches programs before the rank order list deadline: FSMB's processing${visaDays > 0 ? " with a visitor visa for the trip beside it" : ""}, a US test date and the result all come after it.${RESIDENCY}`;
  const { dates } = context.calendar;
  const rol = dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now > rol && target.at <= rol) {
    const ask =
      statusAt(context, MATCH_DAY_AT) === "done"
        ? "your H-1B visa and your start wait on it"
        : context.now >= dates.nrmp_match_day.at
          ? "tell us where you matched and on which visa (Match Day's step)"
          : "once Match Day's results are out, tell us where you matched and on which visa";
    return ` The rank order list deadline has passed, so ranking is over and the position is what matters now: an H-1B petition needs your ECFMG certificate and a Step 3 pass, so ${ask}.${RESIDENCY}`;
  }
  const held = shiftDays(countedCertificateAt(target), target.zone, visaExtraDays(visaDays));
  const later = visaDays > 0 && held >= context.now ? undefined : laterCertificateWords(context, visaDays);
  const rest =
    later === undefined
      ? `; ${dayBy(context, held)}${projected} only if you already hold a visitor visa`
      : (later ?? ", so ranking on H-1B for this Match is most likely out of reach (see the Step 3 risk)");
  // A day to apply to FSMB by says FSMB's two figures (the certificate is pending here).
  const fsmb = typeof later === "string" ? step3FsmbTimeWords(false) : "";
  return ` For ranking on H-1B it was needed by ${dayBy(context, target.at)}${projected}${rest}.${fsmb}${RESIDENCY}`;
}

/**
 * The certificate's words once its projected target (and abroad its visa-held day) passed, while the
 * rank order list deadline's later candidate still leaves time (the
 * card agrees with STEP3_NEEDED_FOR_H1B's "get your ECFMG certificate and apply to FSMB by …"): the
 * later candidate less Step 3's result (SCORE_REPORTING_DAYS) and the chain (step3LeadDays, abroad
 * plus the visitor visa; then, with the visa already held, without it), in ET days as step3LaterDays
 * counts. Null when neither day is ahead. Notes each day's end, so the plan is made again then.
 */
function laterCertificateWords(context: PlanContext, visaDays: number): string | null {
  const day = laterCertificateApplyBy(context, visaDays);
  if (day === null) return null;
  const held = day.held ? "; if you already hold a visitor visa and it" : "; if it";
  return `, so our projected deadline is most likely out of reach${held} is issued by ${dayBy(context, day.applyBy)} and you apply to FSMB that day, Step 3 can still count ${laterCandidateClause(context)} (see the Step 3 risk)`;
}

/**
 * The later candidate's day to apply to FSMB by with the certificate still pending (epoch ms, ET day
 * arithmetic as step3LaterDays; see laterCertificateWords): the first still ahead of the chain with
 * the visitor visa's `visaDays` and, abroad, without it (`held`: only for a visa already held).
 * Null when neither is ahead or there is no later candidate. Notes the day's end (a re-plan then).
 */
export function laterCertificateApplyBy(
  context: PlanContext,
  visaDays: number,
): { applyBy: number; held: boolean } | null {
  const later = rolLaterCandidateAt(context.calendar);
  if (later === null) return null;
  const sitBy = shiftDays(later, ET_ZONE, -SCORE_REPORTING_DAYS);
  for (const days of visaDays > 0 ? [visaExtraDays(visaDays), 0] : [0]) {
    const applyBy = shiftDays(sitBy, ET_ZONE, -(STEP3_PROCESSING_DAYS + EXAM_BOOKING_DAYS + days));
    if (context.now > applyBy) continue;
    noteRiskChange(context, applyBy + 1);
    return { applyBy, held: visaDays > 0 && days === 0 };
  }
  return null;
}
