/**
 * Sorts a short list of numbers ascending, in place, and returns it. An insertion sort: the lists it
 * serves are a handful long and sorted on every plan (the slack terms; the risk-change instants),
 * where Array#sort's setup and a comparator call per comparison would be nearly all the cost, and a
 * Float64Array's buffer an allocation. Equal numbers keep their order.
 */
export function sortAscendingInPlace(numbers: number[]): number[] {
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
