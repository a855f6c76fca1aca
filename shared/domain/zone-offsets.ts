import { IANAZone } from "luxon";

/**
 * A zone's UTC offset at an instant, with luxon as the source of truth. Each zone keeps the spans
 * of constant offset discovered so far (transitions are found by bisection to the minute), so luxon stays out
 * of the planner's hot loop (see BENCHMARKS.md). The cache is a deterministic memo: it never
 * changes a result, only its cost.
 */

// In milliseconds; written out because time.ts imports this module (its constants are not yet set).
// Transitions are found to the minute, not to the quarter hour: offsets are multiples of 15 minutes
// but the moments they change are not (St John's changed at 00:01 local until 2011, 02:31Z).
const BUCKET_MS = 60_000;
// The probe's stride must be shorter than any stretch of one offset, or a stretch that falls
// between two probes with equal offsets is swallowed into the span around it, and the answer then
// depends on which instant was asked first: America/Noronha kept UTC-1 for one week in October
// 2000, which a weekly probe missed. A day also sees a suspension of a
// few days, as governments have announced at short notice.
const STEP_MS = 86_400_000;
const MAX_REACH_MS = 400 * 86_400_000;

/** A stretch of time, [from, until), over which a zone keeps one UTC offset. */
interface OffsetSpan {
  from: number;
  until: number;
  offset: number;
}

interface ZoneSpans {
  zone: IANAZone;
  /** Sorted by `from`, non-overlapping. */
  spans: OffsetSpan[];
  last: OffsetSpan | undefined;
}

const spansByZone = new Map<string, ZoneSpans>();
// The two zones asked last (a plan's: the applicant's and ET) and their spans, kept beside the Map
// so most calls skip its look-up (planner bench: ~26 a plan).
let recentZone: string | undefined;
let recentSpans: ZoneSpans | undefined;
let otherZone: string | undefined;
let otherSpans: ZoneSpans | undefined;

/**
 * The first whole minute after `same` (where the offset is `offset`) at which the offset differs,
 * given that it differs at `different`. Every transition since 1972 falls on a whole minute
 * (Monrovia's, that January, is the last at a half minute).
 */
function transitionBetween(zone: IANAZone, same: number, different: number, offset: number): number {
  // Bucket indices chosen so the invariant holds at the start: one side keeps `offset`, the other not.
  const forward = different > same;
  let low = forward ? Math.floor(same / BUCKET_MS) : Math.floor(different / BUCKET_MS);
  let high = forward ? Math.ceil(different / BUCKET_MS) : Math.floor(same / BUCKET_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const matches = zone.offset(middle * BUCKET_MS) === offset;
    if (matches === forward) low = middle;
    else high = middle;
  }
  return high * BUCKET_MS;
}

/**
 * Finds the span containing the instant with luxon: steps a day at a time up to 400 days each way,
 * then bisects to the exact transition.
 */
function discoverSpan(record: ZoneSpans, utcMs: number): OffsetSpan {
  const { zone } = record;
  const offset = zone.offset(utcMs);
  let from = utcMs - MAX_REACH_MS;
  for (let probe = utcMs - STEP_MS; probe > utcMs - MAX_REACH_MS; probe -= STEP_MS) {
    if (zone.offset(probe) !== offset) {
      from = transitionBetween(zone, probe + STEP_MS, probe, offset);
      break;
    }
  }
  let until = utcMs + MAX_REACH_MS;
  for (let probe = utcMs + STEP_MS; probe < utcMs + MAX_REACH_MS; probe += STEP_MS) {
    if (zone.offset(probe) !== offset) {
      until = transitionBetween(zone, probe - STEP_MS, probe, offset);
      break;
    }
  }
  // Trim against known spans (they agree where they overlap) so the list stays non-overlapping.
  for (const known of record.spans) {
    if (known.until > from && known.until <= utcMs) from = known.until;
    if (known.from < until && known.from > utcMs) until = known.from;
  }
  const span = { from, until, offset };
  const index = record.spans.findIndex((known) => known.from > from);
  record.spans.splice(index === -1 ? record.spans.length : index, 0, span);
  return span;
}

/** The zone's offset from UTC, in minutes, at the UTC instant. Throws RangeError on an unknown zone. */
export function offsetMinutes(zone: string, utcMs: number): number {
  let record: ZoneSpans | undefined;
  if (zone === recentZone) record = recentSpans as ZoneSpans;
  else if (zone === otherZone) record = otherSpans as ZoneSpans;
  else {
    record = spansByZone.get(zone);
    if (record === undefined) {
      if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown time zone ${zone}`);
      record = { zone: IANAZone.create(zone), spans: [], last: undefined };
      spansByZone.set(zone, record);
    }
    otherZone = recentZone;
    otherSpans = recentSpans;
    recentZone = zone;
    recentSpans = record;
  }
  const last = record.last;
  if (last !== undefined && utcMs >= last.from && utcMs < last.until) return last.offset;
  const spans = record.spans;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle];
    if (span === undefined) break;
    if (utcMs < span.from) high = middle - 1;
    else if (utcMs >= span.until) low = middle + 1;
    else {
      record.last = span;
      return span.offset;
    }
  }
  const span = discoverSpan(record, utcMs);
  record.last = span;
  return span.offset;
}
