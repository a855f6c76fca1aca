import { type DueDate, shapedDueDate } from "./due-date.ts";
import { onOfficeDay } from "./office-days.ts";

/**
 * The ECFMG certificate's H-1B targets (h1bCertificateTarget, h1bAfterRankingTarget) on a working
 * day: ECFMG, the office that issues the certificate, works no weekend, so a target counted onto a
 * Saturday or a Sunday moves to the Friday before, as an office step's due day does (onOfficeDay,
 * its reason in the source): earlier, never later. The day that still works for an applicant who
 * already holds a visitor visa is the Step 3 card's own day to apply to FSMB, so it is counted from
 * the target before the move (countedCertificateAt), and the cards name one day.
 */
export function certificateOnOfficeDay(counted: DueDate): DueDate {
  const target = shapedDueDate(onOfficeDay(counted));
  countedAt.set(target, counted.at);
  return target;
}

/** The instant `target` was counted to before certificateOnOfficeDay moved it (its own `at` otherwise). */
export function countedCertificateAt(target: DueDate): number {
  return countedAt.get(target) ?? target.at;
}

const countedAt = new WeakMap<DueDate, number>();
