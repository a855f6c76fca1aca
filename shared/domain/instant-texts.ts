import { BoundedMemo } from "./bounded-memo.ts";

/**
 * A memo of texts by instant (epoch ms), such as an instant's ISO or human rendering: a
 * BoundedMemo behind a small direct-mapped front, one slot per hash of the instant holding the
 * last instant found or kept there. The planner asks for the same few dozen instants on every
 * plan; a front hit is a hash, an array read and a compare, where the Map hashed each instant (a
 * heap number, not a small integer) on every call (planner bench, callgrind). A front miss falls
 * back to the Map, so two instants sharing a slot cost what they cost before, never a
 * re-rendering. Deterministic: it never changes a result, only its cost; bounded by the Map's
 * limit and the front's fixed size.
 */
export class InstantTexts {
  private readonly instants: Float64Array;
  private readonly texts: (string | undefined)[];
  private readonly shift: number;
  private readonly all: BoundedMemo<number, string>;

  /** @param slotBits the front holds 2^slotBits instants; @param limit the Map's (BoundedMemo). */
  constructor(slotBits: number, limit: number) {
    // NaN matches no instant, so every slot starts empty.
    this.instants = new Float64Array(1 << slotBits).fill(Number.NaN);
    this.texts = new Array<string | undefined>(1 << slotBits).fill(undefined);
    this.shift = 32 - slotBits;
    this.all = new BoundedMemo(limit);
  }

  /** The text kept for the instant, or undefined. */
  get(at: number): string | undefined {
    const slot = this.slotOf(at);
    if (this.instants[slot] === at) return this.texts[slot];
    const text = this.all.get(at);
    if (text !== undefined) {
      this.instants[slot] = at;
      this.texts[slot] = text;
    }
    return text;
  }

  /** Keeps the text for the instant and returns it. */
  keep(at: number, text: string): string {
    this.all.keep(at, text);
    const slot = this.slotOf(at);
    this.instants[slot] = at;
    this.texts[slot] = text;
    return text;
  }

  /**
   * The instant's milliseconds (`| 0` keeps their low 32 bits, still a hash), spread by Fibonacci
   * hashing so instants a day or a week apart do not share slots; the top bits are the slot. Not
   * whole seconds: the risk rules note instants a millisecond apart (a deadline and the instant
   * just after it), which then shared a slot and sent each other to the Map on every plan.
   */
  private slotOf(at: number): number {
    return Math.imul(at | 0, 0x9e3779b1) >>> this.shift;
  }
}

const scratchDate = new Date(0);

/**
 * Date#toISOString of an instant, on one Date kept for it (setTime) rather than a new Date per
 * call: a Date is larger than the text it renders, and the risk-change instants (now plus lead
 * times, new on every plan in the Lambda) miss every memo. Same text, same RangeError for an
 * instant out of range (setTime makes the Date invalid as the constructor would).
 */
export function isoText(utcMs: number): string {
  scratchDate.setTime(utcMs);
  return scratchDate.toISOString();
}
