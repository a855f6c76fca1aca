import type { Citation } from "../catalog/citation.ts";
import { catalogEntry } from "../catalog/index.ts";
import { markOfBasis } from "../date-basis.ts";
import type { DateBasis } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { EXAM_BOOKING_DAYS, EXAM_BOOKING_SOURCE, OET_BOOKING_DAYS, OET_BOOKING_SOURCE } from "./advice.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import { dayText, lastSittingDay } from "./last-sitting-day.ts";
import { bookingDayBefore } from "./oet-booking-allowance.ts";
import { addSource, citationSource } from "./risk-sources.ts";

/**
 * The allowances feasibility.ts counts at the fastest pace (preparation, booking, ECFMG's approval,
 * results), each with the citation it rests on, and the sentence that names them for a risk.
 */

/** A number of days and the citation it rests on (a catalog field, or advice.ts). */
export interface LeadTime {
  days: number;
  citation: Citation;
}

/** One remaining requirement at the fastest pace, each allowance with its own citation. */
export interface Remaining {
  key: MilestoneKey;
  /** Preparation still needed before the sitting (the catalog's leadTimeDays), or null when under way. */
  prep: LeadTime | null;
  /** Booking before the sitting, or ECFMG's approval and registration before the first exam. */
  wait: LeadTime | null;
  /** Until the result or decision reaches ECFMG and NRMP (the catalog's reportingDays). */
  report: LeadTime | null;
  /** At this pace (epoch ms): the exam's sitting, and its report (application: approval; Pathway: decision). */
  sitting?: number;
  reportedAt?: number;
  /** The applicant's own sitting (local midnight, epoch ms), when it is the one counted. */
  booked?: number;
  /**
   * An exam not booked whose usual week for a seat (EXAM_BOOKING) runs past its last sitting day:
   * that day (epoch ms, the step's due), by which any seat still counts.
   */
  seatBy?: number;
  /** With seatBy: who sets that day (cutOffBasis): advice when counted with an advice allowance. */
  seatByBasis?: DateBasis;
  /**
   * Reported booked with no date given (bookedUndatedAt): the seat is held but its day unknown, so
   * the booking allowance still counts (the cautious reading) while the words say to sit the seat
   * booked and tell us its day, never to find or book one.
   */
  bookedUndated?: true;
  /**
   * The applicant's own dated sitting (`day`, local midnight, epoch ms) when it is after the exam's
   * last sitting day (`seatBy`, who sets it `basis`) and an earlier one is counted: the words say hers
   * is after that day and name an earlier seat by it, never "book your sitting" as if none were
   * booked. (One on or before that day is `booked`.)
   */
  lateBooked?: LateBooked;
  /**
   * An exam not begun counted at its fastest preparation (fastestPreparationOf), shorter than the
   * usual one: both, so the words say the season rests on that pace. Absent otherwise.
   */
  pace?: FastestPace;
}

/** A sitting of the applicant's own after its last sitting day (Remaining.lateBooked). */
export interface LateBooked {
  day: number;
  seatBy: number;
  basis: DateBasis | undefined;
}

/** The catalog's fastest preparation of an exam and its usual one (leadTimeDays), both advice. */
export interface FastestPace {
  fastest: LeadTime;
  usual: LeadTime;
}

export const EXAM_BOOKING: LeadTime = {
  days: EXAM_BOOKING_DAYS,
  citation: { basis: "advice", source: EXAM_BOOKING_SOURCE },
};

/** OET Medicine's booking of a session (advice): its sessions are on fixed dates. */
export const OET_BOOKING: LeadTime = {
  days: OET_BOOKING_DAYS,
  citation: { basis: "advice", source: OET_BOOKING_SOURCE },
};

/**
 * "Pass USMLE Step 1: about 120 days of preparation, a test date within about 7 days, then about
 * 28 days for the result", one per requirement. `info` true words them as what a Match out of
 * reach would have taken (MATCH_YEAR_NOT_FEASIBLE, the plan moved to a later Match): no day to book
 * by, no seat to find or session calendar to check, so nothing reads as an order to book or pay for
 * a Match the same sentence says is lost. Each allowance's source goes to `sources` with its
 * own step and allowance, "advice: … (Pass USMLE Step 1: preparation, about 120 days)"
 * (a flat list left a reader to guess which step a source belonged to), so the sentence carries
 * no label or URL and a source shared by two steps is listed under each. A sitting the applicant
 * booked is named by its day in `zone`, her IANA zone: "your sitting on Sat 9 Jan 2027".
 */
export function describeTakes(
  takes: readonly Remaining[],
  sources: string[],
  zone: string = ET_ZONE,
  info = false,
): string[] {
  const said: string[] = [];
  for (const take of takes) said.push(describedWords(take, sources, zone, info));
  return said;
}

/** One requirement's words (describeTakes). */
function describedWords(take: Remaining, sources: string[], zone: string, info: boolean): string {
  // A sitting of the applicant's own names its day: not one of the memo's shared words. It is
  // her calendar day in her zone (the start of that day), never a deadline's earlier-of-two-days
  // ("your sitting on Fri 8 Jan" for Sat 9 Jan, east of ET).
  if (take.booked !== undefined)
    return describeTake(take, sources, info, renderDate(localDate(zone, take.booked)));
  // Any seat by the last sitting day: that day, the earlier of hers and ET's, as dayBy says it.
  // Her own sitting after that day: an earlier seat by it is the one counted.
  const seatBy = take.seatBy ?? take.lateBooked?.seatBy;
  if (seatBy !== undefined) {
    const local = localDate(zone, seatBy);
    const et = localDate(ET_ZONE, seatBy);
    // The day says who sets it (advice counted from a projected date).
    const basis = take.seatBy === undefined ? take.lateBooked?.basis : take.seatByBasis;
    const mark = basis === undefined ? "" : markOfBasis(basis);
    // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text; Math.min would make them NaN.
    const day = renderDate(local < et ? local : et);
    const late = take.lateBooked === undefined ? undefined : renderDate(localDate(zone, take.lateBooked.day));
    return describeTake(take, sources, info, undefined, `${day}${mark}`, late);
  }
  const known = describedTake(take, info);
  for (const source of known.sources) addSource(sources, source);
  return known.text;
}

/** A requirement's words and their sources, in order (describeTakes). */
interface DescribedTake {
  prep: LeadTime | null;
  wait: LeadTime | null;
  report: LeadTime | null;
  pace: FastestPace | undefined;
  bookedUndated: true | undefined;
  info: boolean;
  text: string;
  sources: readonly string[];
}

/**
 * Each requirement's words per step and allowances (the LeadTimes are shared objects: preparationOf,
 * reportingOf, applicationLeadTime, EXAM_BOOKING), made once: they read only the catalog. A few per
 * step at most (with or without preparation).
 */
const describedTakes = new Map<MilestoneKey, DescribedTake[]>();

function describedTake(take: Remaining, info: boolean): DescribedTake {
  let known = describedTakes.get(take.key);
  if (known === undefined) {
    known = [];
    describedTakes.set(take.key, known);
  }
  for (const each of known)
    if (
      each.prep === take.prep &&
      each.wait === take.wait &&
      each.report === take.report &&
      each.pace === take.pace &&
      each.bookedUndated === take.bookedUndated &&
      each.info === info
    )
      return each;
  const sources: string[] = [];
  const text = describeTake(take, sources, info);
  // Bounded: the allowances are the catalog's few shared objects, but a caller could make its own.
  if (known.length >= 16) known.length = 0;
  const described = {
    prep: take.prep,
    wait: take.wait,
    report: take.report,
    pace: take.pace,
    bookedUndated: take.bookedUndated,
    info,
    text,
    sources,
  };
  known.push(described);
  return described;
}

function describeTake(
  take: Remaining,
  sources: string[],
  info: boolean,
  bookedOn?: string,
  seatBy?: string,
  lateOn?: string,
): string {
  const title = catalogEntry(take.key).title;
  const cite = (lead: LeadTime, allowance: string): string => {
    addSource(sources, `${citationSource(lead.citation)} (${title}: ${allowance}, about ${lead.days} days)`);
    return `about ${lead.days} days`;
  };
  const parts: string[] = [];
  // At the fastest pace an exam not begun may count less study than usual: the
  // words say so and name the usual preparation, so the applicant can weigh a plan resting on it.
  let unstudied = "";
  if (take.pace !== undefined) {
    const { fastest, usual } = take.pace;
    addSource(
      sources,
      `${citationSource(fastest.citation)} (${title}: fastest preparation, ${fastest.days === 0 ? "none" : `about ${fastest.days} days`})`,
    );
    const usually = `the usual preparation is ${cite(usual, "usual preparation")}`;
    if (fastest.days === 0) unstudied = `, counting no time to study for it (${usually})`;
    else parts.push(`about ${fastest.days} days of preparation at the fastest (${usually})`);
  } else if (take.prep !== null) parts.push(`${cite(take.prep, "preparation")} of preparation`);
  if (bookedOn !== undefined) parts.push(`your sitting on ${bookedOn}`);
  // The permit and seat are sought from now, beside the preparation and ECFMG's approval, not after
  // them (examAt: the sitting is the latest of the three), and the words say it that way.
  const wait = take.wait === null ? "" : waitWords(take, take.wait, cite, info, seatBy, lateOn);
  if (parts.length > 0 && wait !== "" && seatBy === undefined)
    parts[parts.length - 1] += `, with ${wait} sought meanwhile`;
  else if (wait !== "") parts.push(wait);
  if (unstudied !== "") parts.push(`${parts.pop() ?? ""}${unstudied}`.replace(/^, /, "")); // beside its session
  if (take.report !== null)
    parts.push(
      take.key === "ecfmg_pathway"
        ? `${cite(take.report, "review")} for ECFMG's review once your application and OET result are in`
        : `${cite(take.report, "result")} for the result`,
    );
  // As information, the requirement by its name, never the step's order ("Pass USMLE Step 1").
  const lead = info ? catalogEntry(take.key).advisorName : title;
  return `${lead}: ${parts.length > 0 ? parts.join(", then ") : "as soon as its prerequisites are met"}`;
}

/**
 * The booking's words of describeTake: a seat or session and the time it takes, by the last sitting
 * day `seatBy` when the usual time runs past it (`lateOn`: her own sitting after that day). `info`
 * (describeTakes): the same pace said as what the Match would have taken, with no booking day, seat
 * to find or calendar to check.
 */
function waitWords(
  take: Remaining,
  lead: LeadTime,
  cite: (lead: LeadTime, allowance: string) => string,
  info: boolean,
  seatBy?: string,
  lateOn?: string,
): string {
  if (take.bookedUndated === true)
    return `the sitting you told us is booked, its date not given (${seatBy === undefined ? `counted as within ${cite(lead, "test date")}` : `it counts if it is on or before ${seatBy}, its last sitting day that still counts`})`;
  if (take.key === "ecfmg_application")
    return `${cite(lead, "approval and exam registration")} for ECFMG's approval and your exam registration`;
  // Her own sitting after the last sitting day, as information: said to be after it, no earlier seat asked for.
  const after = lateOn === undefined ? "" : ` (your sitting on ${lateOn} is after it)`;
  if (take.key === "oet_medicine") {
    if (seatBy === undefined)
      return info
        ? `an OET session within ${cite(lead, "booking a session")} (sessions are on fixed dates)`
        : `an OET session within ${cite(lead, "booking a session")} (sessions are on fixed dates: check OET's session calendar)`;
    if (info) return `an OET session on or before ${seatBy}, its last sitting day for that Match${after}`;
    return `${lateOn === undefined ? "any OET session" : `an OET session earlier than your sitting on ${lateOn}, any`} on or before ${seatBy}, its last sitting day that still counts, booked by about ${dayText(bookingDayBefore(lastSittingDay(take.seatBy ?? take.lateBooked?.seatBy ?? 0)))} (sessions close their bookings ${cite(lead, "booking a session")} ahead: check OET's session calendar)`;
  }
  if (lead === FSMB_PERMIT_AND_SEAT) {
    if (seatBy === undefined)
      return `FSMB's scheduling permit and a test date within ${cite(lead, "FSMB's permit and a test date")}`;
    return info
      ? `a seat by ${seatBy}, its last sitting day for that Match${after} (FSMB's scheduling permit and a test date usually take ${cite(lead, "FSMB's permit and a test date")})`
      : `any seat you can find by ${seatBy}, its last sitting day that still counts (FSMB's scheduling permit and a test date usually take ${cite(lead, "FSMB's permit and a test date")})`;
  }
  if (seatBy === undefined) return `a test date within ${cite(lead, "test date")}`;
  return info
    ? `a seat by ${seatBy}, its last sitting day for that Match${after} (a test date usually takes ${cite(lead, "test date")})`
    : `${lateOn === undefined ? "any seat" : `a seat earlier than your sitting on ${lateOn}, any`} you can find by ${seatBy}, its last sitting day that still counts (a test date usually takes ${cite(lead, "test date")})`;
}
