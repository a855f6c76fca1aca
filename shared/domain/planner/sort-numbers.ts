/**
 * Sorts a list of numbers ascending, in place, and returns it. The lists it serves are sorted on
 * every plan (the slack terms, a handful; the risk-change instants, about 40 in about 19 ascending
 * runs on the planner bench), where Array#sort's setup and a comparator call per comparison would be
 * nearly all the cost, and a Float64Array's buffer an allocation. A short list is sorted by
 * insertion; a longer one by merging the ascending runs it holds two by two (each number moves
 * once per round), since inserting each number moved about 410 a plan for the risk-change
 * instants. Equal numbers keep their order.
 */
export function sortAscendingInPlace(numbers: number[]): number[] {
  if (numbers.length <= SHORT) return insertionSort(numbers);
  return mergeRuns(numbers);
}

/** Up to this length, insertion moves fewer numbers than the merges' rounds. */
const SHORT = 12;

function insertionSort(numbers: number[]): number[] {
  for (let index = 1; index < numbers.length; index++) {
    const value = numbers[index] as number;
    let at = index - 1;
    while (at >= 0 && (numbers[at] as number) > value) {
      numbers[at + 1] = numbers[at] as number;
      at--;
    }
    numbers[at + 1] = value;
  }
  return numbers;
}

/**
 * Where each ascending run ends, and the list the merges write into, reused by every call (numbers
 * only, no references kept; both grow to the longest list sorted). Read and written within one call.
 */
const runEnds: number[] = [];
let spare: number[] = [];

function mergeRuns(numbers: number[]): number[] {
  const count = numbers.length;
  let runs = 0;
  for (let index = 1; index < count; index++)
    if ((numbers[index] as number) < (numbers[index - 1] as number)) runEnds[runs++] = index;
  runEnds[runs++] = count;
  let from = numbers;
  let into = spare;
  while (runs > 1) {
    let merged = 0;
    let start = 0;
    for (let run = 0; run < runs; run += 2) {
      const middle = runEnds[run] as number;
      // The last run of an odd count has no partner this round: copied across as it is.
      const end = run + 1 < runs ? (runEnds[run + 1] as number) : middle;
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        const leftValue = from[left] as number;
        const rightValue = from[right] as number;
        // Ties take the left run first: equal numbers keep their order.
        if (rightValue < leftValue) {
          into[out++] = rightValue;
          right++;
        } else {
          into[out++] = leftValue;
          left++;
        }
      }
      while (left < middle) into[out++] = from[left++] as number;
      while (right < end) into[out++] = from[right++] as number;
      runEnds[merged++] = end;
      start = end;
    }
    runs = merged;
    const swap = from;
    from = into;
    into = swap;
  }
  if (from !== numbers) {
    for (let index = 0; index < count; index++) numbers[index] = from[index] as number;
    spare = from;
  } else spare = into;
  return numbers;
}
