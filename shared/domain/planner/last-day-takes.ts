import type { StepSubject } from "../plan.ts";
import type { Remaining } from "./feasibility.ts";

/** The exam the chain counts on any seat by its last sitting day, if one is. */
export function seatTake(takes: readonly Remaining[]): (Remaining & { seatBy: number }) | undefined {
  for (const take of takes) if (take.seatBy !== undefined) return take as Remaining & { seatBy: number };
  return undefined;
}

/** The same remaining requirements: same steps, allowances (shared LeadTime objects) and sittings. */
export function sameTakes(known: readonly Remaining[], takes: readonly Remaining[]): boolean {
  if (known.length !== takes.length) return false;
  for (let index = 0; index < takes.length; index++) {
    const left = known[index] as Remaining;
    const right = takes[index] as Remaining;
    if (
      left.key !== right.key ||
      left.prep !== right.prep ||
      left.wait !== right.wait ||
      left.report !== right.report ||
      left.booked !== right.booked ||
      left.seatBy !== right.seatBy ||
      left.bookedUndated !== right.bookedUndated ||
      left.lateBooked?.day !== right.lateBooked?.day ||
      left.lateBooked?.seatBy !== right.lateBooked?.seatBy ||
      left.pace !== right.pace
    )
      return false;
  }
  return true;
}

/**
 * The steps a last day names, the ones it has the applicant act by first: a sitting she booked in
 * time is kept on its own day, so its step comes after them. The first named next step carries the
 * last day's countdown and notice (lastDayCountdown, stepFor): on Step 2 CK booked for the next day,
 * "Act by Tue 2 Feb" beside "your date Thu 28 Jan", while the Pathway to submit by then was no item.
 */
export function actsFirst(takes: readonly Remaining[]): StepSubject[] {
  const acts: StepSubject[] = [];
  const kept: StepSubject[] = [];
  for (const take of takes) (take.booked === undefined ? acts : kept).push(take.key as StepSubject);
  for (const key of kept) acts.push(key);
  return acts;
}
