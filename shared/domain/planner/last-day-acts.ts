import { catalogEntry } from "../catalog/index.ts";
import { localDate, renderDate } from "../time.ts";
import type { Remaining } from "./feasibility.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import type { LastDayFacts } from "./last-day-facts.ts";
import { lastDayMark, listed } from "./last-day-words.ts";
import { seatDayBy } from "./last-sitting-day.ts";
import { oetSeatAct } from "./oet-rebook-words.ts";

// What MATCH_YEAR_LAST_DAY has the applicant do by its day (match-year-last-day.ts), apart so that
// file stays one concern's size.

/**
 * The actions by the last day (`lastBy`: its words for the actions it bounds): apply to ECFMG, start
 * preparing, book a sitting (not while ECFMG's approval is still ahead: registration follows it), keep
 * a sitting booked in time. The Pathway application goes by its projected deadline when that is
 * earlier (plan for the earlier date); behind an OET result still to come, with that deadline gone,
 * it is not what the day hinges on.
 */
export function lastDayActs(facts: LastDayFacts, lastBy: string): string[] {
  const { calendar, takes } = facts;
  const applying = takes.some((take) => take.key === "ecfmg_application");
  const oetAhead = takes.some((take) => take.key === "oet_medicine");
  const acts: string[] = [];
  let preparing = false;
  for (const take of takes) {
    const name = catalogEntry(take.key).advisorName;
    if (take.key === "ecfmg_application") acts.push(`submit your ECFMG application ${lastBy}`);
    else if (take.key === "ecfmg_pathway") {
      // Submitted already: only what is still to do is named.
      if (facts.pathway === "submitted") continue;
      if (facts.pathway === "before")
        acts.push(
          facts.dueWord !== ""
            ? `submit your ECFMG Pathway application ${facts.dueWord} (its deadline is projected)`
            : facts.timed && facts.by.startsWith(facts.dueBy)
              ? "submit your ECFMG Pathway application by then"
              : `submit your ECFMG Pathway application ${facts.dueBy}${lastDayMark(calendar, undefined, true)}`,
        );
      // Its projected deadline already passed: never a day after it without saying so;
      // the real one may be later (the projection takes the earlier candidate), so at once.
      else if (facts.pathway === "passed")
        acts.push(
          `submit your ECFMG Pathway application at once (its projected deadline, ${facts.dueDay}, has passed; only if ECFMG's real deadline is later can it still count, and then ${facts.lastBy} at the latest)`,
        );
      else if (!oetAhead) acts.push(`submit your ECFMG Pathway application ${lastBy}`);
    }
    // Her own sitting, in time for every later link (examAt): kept, named by its day, whatever a
    // faster booking would give.
    else if (take.booked !== undefined)
      acts.push(`keep your ${name} sitting on ${dayIn(facts, take.booked)}`);
    else {
      const act = seatOrBooking(facts, take, name, lastBy, applying, preparing);
      if (take.prep !== null && take.seatBy === undefined && take.lateBooked === undefined) preparing = true;
      if (act === null) continue;
      // Her own sitting after its last sitting day: the seat to find is an earlier one (lateSittings).
      acts.push(take.lateBooked === undefined ? act : earlier(act, name));
    }
  }
  return acts;
}

/** An action for a seat, said as an earlier one than the sitting she booked too late. */
function earlier(act: string, name: string): string {
  return act
    .replace(`book your ${name} sitting`, `book an earlier ${name} sitting`)
    .replace(`find any ${name} seat`, `find an earlier ${name} seat`)
    .replace("book the earliest OET Medicine sitting you can", "book an earlier OET Medicine sitting")
    .replace(" a sitting on or before", ` an earlier ${name} sitting on or before`);
}

/**
 * "Your OET Medicine sitting on Sat 9 Jan 2027 is after its last sitting day: …", one sentence for
 * the sittings she booked after their last sitting day (lateBooked), or "" when none: the day's
 * actions name the earlier seat, and this says why, never as if no seat were booked.
 */
export function lateSittings(facts: LastDayFacts): string {
  const late: string[] = [];
  for (const take of facts.takes)
    if (take.lateBooked !== undefined)
      late.push(`${catalogEntry(take.key).advisorName} sitting on ${dayIn(facts, take.lateBooked.day)}`);
  if (late.length === 0) return "";
  const one = late.length === 1;
  return ` Your ${listed(late)} ${one ? "is after its" : "are each after their"} last sitting day: move ${one ? "it" : "them"} to the earlier ${one ? "seat" : "seats"} above if you can, and tell us the new ${one ? "date" : "dates"}.`;
}

/** A sitting's day in her zone, "Wed 20 Jan 2027". */
function dayIn(facts: LastDayFacts, day: number): string {
  return renderDate(localDate(facts.zone, day));
}

/** An exam's action by the last day, or null when it names none (preparation already named). */
function seatOrBooking(
  facts: LastDayFacts,
  take: Remaining,
  name: string,
  lastBy: string,
  applying: boolean,
  preparing: boolean,
): string | null {
  // The usual week for a seat no longer fits: any seat by the last sitting day still counts
  // (booked with no date given: that seat, its day asked). Her own sitting after that day: a seat
  // by it is the one to find.
  const seatBy = take.seatBy ?? take.lateBooked?.seatBy;
  const basis = take.seatBy === undefined ? take.lateBooked?.basis : take.seatByBasis;
  if (seatBy !== undefined)
    // OET Medicine sits on fixed dates: the earliest sitting, not any test-centre seat.
    // Its day as a date, never "sit it today", and past OET's booking allowance a late seat.
    return take.key === "oet_medicine"
      ? oetSeatAct(
          { seatBy, seatByBasis: basis, bookedUndated: take.bookedUndated },
          facts.oetClosed,
          facts.oetBookBy !== "",
        )
      : `${take.bookedUndated ? `sit the ${name} you booked` : `find any ${name} seat and sit it`} ${seatDayBy(facts.zone, facts.at, seatBy, basis, lastBy)}${take.bookedUndated ? " and tell us its date" : ""}`;
  // Preparation runs one exam after another (advice): the first is the one to start by that day.
  if (take.prep !== null) return preparing ? null : `start preparing for ${name} ${lastBy}`;
  // Counted at its fastest (no study), it runs beside the preparation named
  // before it, which is what the day hinges on; alone, its booking is.
  if (take.pace !== undefined && preparing) return null;
  // A USMLE Step with no permit yet (a retake, or one not begun) starts with FSMB's application.
  if (take.wait !== null && !applying)
    return take.wait === FSMB_PERMIT_AND_SEAT
      ? `apply to FSMB for ${name} ${lastBy}`
      : take.bookedUndated
        ? `sit the ${name} you booked ${lastBy} and tell us its date`
        : `book your ${name} sitting ${lastBy}`;
  return null;
}
