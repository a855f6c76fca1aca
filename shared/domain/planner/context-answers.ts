import type { PlanContext } from "./context.ts";

/** How many answers a ContextAnswers holds: a plan asks of its own context and a few derived ones. */
const SLOTS = 4;

/**
 * The last answers of one derivation from a plan's context, by the context object and up to two
 * arguments compared with `===`. A plan asks some derivations again and again of one context
 * (feasibilityOf about four times a plan, step3ChainNow five, step3DueNow three). A WeakMap keyed
 * by the context, made anew each plan, cost more than it saved: in the planner bench's CPU profile
 * step3ChainNow's WeakMap and Map took 3 % of a plan on their own. Nor a field of the context, as
 * its catchUp and ladders are: contextWith copies a context's fields into one with another `now` or
 * other statuses, where a copied judgement would be wrong. Plans of one process run one
 * after another, so a few fixed slots, replaced in turn, hold what is asked again. An answer holds
 * because a context is not changed after it is made (its riskChangesAt aside, which the first
 * derivation already noted). Past its plan a context stays held only until later plans' answers
 * replace it (at most SLOTS contexts per derivation).
 */
export class ContextAnswers<A, B, V> {
  private readonly contexts: (PlanContext | null)[] = new Array<PlanContext | null>(SLOTS).fill(null);
  private readonly firsts: (A | undefined)[] = new Array<A | undefined>(SLOTS).fill(undefined);
  private readonly seconds: (B | undefined)[] = new Array<B | undefined>(SLOTS).fill(undefined);
  private readonly values: (V | undefined)[] = new Array<V | undefined>(SLOTS).fill(undefined);
  private next = 0;

  /** The answer kept for (`context`, `first`, `second`), else `derive`'s, kept. */
  answer(
    context: PlanContext,
    first: A,
    second: B,
    derive: (context: PlanContext, first: A, second: B) => V,
  ): V {
    for (let slot = 0; slot < SLOTS; slot++) {
      if (this.contexts[slot] === context && this.firsts[slot] === first && this.seconds[slot] === second)
        return this.values[slot] as V;
    }
    return this.keep(context, first, second, derive(context, first, second));
  }

  /** Keeps `value` as the answer for (`context`, `first`, `second`); returns it. */
  private keep(context: PlanContext, first: A, second: B, value: V): V {
    const slot = this.next;
    this.next = (slot + 1) % SLOTS;
    this.contexts[slot] = context;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.values[slot] = value;
    return value;
  }
}
