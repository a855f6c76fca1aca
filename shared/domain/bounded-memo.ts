/**
 * A Map used as the memo of a pure computation, with a bound: keeping an entry when it already
 * holds `limit` entries first clears it. The domain's caches (renderings, ids, ladders, zone
 * offsets' texts) are deterministic memos, so a clear never changes a result, only its cost, and
 * a long-lived process (a warm Lambda, the season simulation) cannot grow them without end. A
 * whole clear rather than least-recently-used bookkeeping: the planner reads these on every plan.
 *
 * Use: `const known = memo.get(key); if (known !== undefined) return known; return memo.keep(key, compute())`.
 * A subclass of Map, not a get-or-compute function taking a closure: the planner bench showed a
 * closure made per call on its hot path.
 */
export class BoundedMemo<K, V> extends Map<K, V> {
  /** @param limit entries held before the next `keep` clears the memo (a positive integer). */
  constructor(readonly limit: number) {
    super();
  }

  /** Stores `value` under `key`, clearing the memo first when it is full; returns `value`. */
  keep(key: K, value: V): V {
    if (this.size >= this.limit) this.clear();
    this.set(key, value);
    return value;
  }
}
