import type { SeasonCalendar } from "../seasons/index.ts";

/**
 * A memo per season calendar (a WeakMap: dropped with its calendar) that answers for the last
 * calendar it saw without a WeakMap look-up: a plan asks about one calendar most of the time, and
 * the Pathway's deadlines and the OET's last sitting day were looked up ~20 times a plan, at about
 * a hundred instructions a WeakMap#get (callgrind). Holds one calendar beyond the WeakMap.
 * Use as a WeakMap: `memo.get(calendar)`, undefined when not known; `memo.keep(calendar, value)`.
 */
export class CalendarMemo<V> {
  private lastCalendar: SeasonCalendar | undefined = undefined;
  private lastValue: V | undefined = undefined;
  private readonly all = new WeakMap<SeasonCalendar, V>();

  get(calendar: SeasonCalendar): V | undefined {
    if (calendar === this.lastCalendar) return this.lastValue;
    const value = this.all.get(calendar);
    if (value !== undefined) {
      this.lastCalendar = calendar;
      this.lastValue = value;
    }
    return value;
  }

  /** Stores `value` for `calendar` (not undefined: that reads as unknown) and returns it. */
  keep(calendar: SeasonCalendar, value: V): V {
    this.all.set(calendar, value);
    this.lastCalendar = calendar;
    this.lastValue = value;
    return value;
  }
}
