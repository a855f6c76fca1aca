import type { Reminder } from "../plan.ts";
import { stableSort } from "./ordering.ts";
import type { TimedReminder } from "./reminders.ts";

/**
 * Reminders: earliest send first, then earliest deadline, then id (ids are unique in a plan).
 * Sorted as numbers: each reminder's send instant and its place in the list are packed into one
 * integer (sendAt * PLACES + place, exact below 2^53), and those numbers are sorted (sortedSendKeys),
 * with no call to a comparator; the few reminders sharing a send instant are then put in deadline
 * and id order. A plan has up to ~75 reminders, and comparing them in a JavaScript merge sort (or
 * through a key record each) was the costliest part of ordering a plan (planner bench).
 */
export function orderReminders(reminders: readonly TimedReminder[]): Reminder[] {
  const count = reminders.length;
  const keys = count <= PLACES ? sortedSendKeys(reminders) : null;
  if (keys === null) {
    const sorted = stableSort(reminders.slice(), compareReminders);
    const ordered: Reminder[] = new Array(count);
    for (let index = 0; index < count; index++) ordered[index] = (sorted[index] as TimedReminder).reminder;
    return ordered;
  }
  // Straight from the sorted keys into the plan's list; only a run of reminders sharing a send
  // instant (a few a plan) is put in deadline and id order, in a scratch list of its own.
  // Each key is unpacked once (its send instant and place), the next key's carried to the next turn:
  // the run scan below divided every key again (twice for a run's members).
  const ordered: Reminder[] = new Array(count);
  if (count === 0) return ordered;
  let key = keys[0] as number;
  let sendAt = Math.floor(key / PLACES);
  for (let index = 0; index < count; ) {
    const place = key - sendAt * PLACES;
    let end = index + 1;
    let nextKey = 0;
    let nextSendAt = Number.NaN;
    if (end < count) {
      nextKey = keys[end] as number;
      nextSendAt = Math.floor(nextKey / PLACES);
    }
    if (nextSendAt !== sendAt) {
      ordered[index] = (reminders[place] as TimedReminder).reminder;
    } else {
      sameSend[0] = reminders[place] as TimedReminder;
      while (nextSendAt === sendAt) {
        sameSend[end - index] = reminders[nextKey - nextSendAt * PLACES] as TimedReminder;
        end++;
        nextSendAt = Number.NaN;
        if (end < count) {
          nextKey = keys[end] as number;
          nextSendAt = Math.floor(nextKey / PLACES);
        }
      }
      const length = end - index;
      orderSameSend(sameSend, length);
      for (let at = 0; at < length; at++) ordered[index + at] = (sameSend[at] as TimedReminder).reminder;
    }
    key = nextKey;
    sendAt = nextSendAt;
    index = end;
  }
  return ordered;
}

/** More places than a plan's reminders: sendAt * PLACES stays exact for instants before the year 2248. */
const PLACES = 1024;
/**
 * The packed keys' scratch space, reused by every plan (grown when needed): a typed array this size
 * is allocated outside the JavaScript heap, which costs more than the sort. Filled and read within
 * one call only, so plans never see each other's keys. Its first `count` places are read through
 * the whole array, never a view of them: a subarray view kept per count cost every read and write
 * of a key more instructions (callgrind on the bench's captured lists: about 23,000 a plan's list
 * by insertion through the view, 13,000 on the array itself; merging the lists' ascending runs,
 * 18,000).
 */
let sendKeys = new Float64Array(128);

/**
 * The packed keys (sendAt * PLACES + place) of the reminders, sorted, in the first `count` places of
 * the array returned; null when one cannot be packed exactly. Each key is inserted in order as it is
 * packed (an insertion sort): the reminders arrive as each step's ladder, already in send order; the
 * typed array's native sort was a runtime call costing about 2 % of a plan (planner bench profile),
 * more than the sort itself.
 */
function sortedSendKeys(reminders: readonly TimedReminder[]): Float64Array | null {
  const count = reminders.length;
  if (sendKeys.length < count) sendKeys = new Float64Array(count * 2);
  const keys = sendKeys;
  for (let place = 0; place < count; place++) {
    const key = (reminders[place] as TimedReminder).sendAt * PLACES + place;
    if (!Number.isSafeInteger(key)) return null;
    let at = place - 1;
    while (at >= 0 && (keys[at] as number) > key) {
      keys[at + 1] = keys[at] as number;
      at--;
    }
    keys[at + 1] = key;
  }
  return keys;
}

/**
 * The scratch list of one run of reminders sharing a send instant, reused by every run of every plan:
 * a plan has about 11 such runs of 2 or 3, and a new list each (with its backing store) was most of
 * what ordering a plan allocated (heap sampling). Only its first `length` places are read, within one
 * call of orderReminders, so plans never see each other's reminders through it; it holds references to
 * the last run until overwritten, which is harmless (frozen reminders, at most a plan's worth).
 */
const sameSend: TimedReminder[] = [];

/** Puts the first `length` reminders, sharing a send instant, in deadline and id order (stable insertion sort). */
function orderSameSend(sorted: TimedReminder[], length: number): void {
  for (let index = 1; index < length; index++) {
    const item = sorted[index] as TimedReminder;
    let at = index - 1;
    while (at >= 0 && compareReminders(sorted[at] as TimedReminder, item) > 0) {
      sorted[at + 1] = sorted[at] as TimedReminder;
      at--;
    }
    sorted[at + 1] = item;
  }
}

function compareReminders(left: TimedReminder, right: TimedReminder): number {
  if (left.sendAt !== right.sendAt) return left.sendAt < right.sendAt ? -1 : 1;
  if (left.deadline !== right.deadline) return left.deadline < right.deadline ? -1 : 1;
  const leftId = left.reminder.id;
  const rightId = right.reminder.id;
  return leftId === rightId ? 0 : leftId < rightId ? -1 : 1;
}
