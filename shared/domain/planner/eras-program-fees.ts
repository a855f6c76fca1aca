import type { Fee } from "../catalog/index.ts";

/**
 * ERAS fees per specialty: the tiers restart for each specialty. programsPlanned is taken as the
 * total across specialties and split evenly (the first specialties take any remainder), which is
 * an assumption stated on the budget item; since a later tier costs more per program, the even
 * split is the least the list can cost, and the item's label says so.
 */
export function erasProgramFees(
  fee: Extract<Fee, { kind: "eras_per_program" }>,
  programs: number,
  specialties: number,
): number {
  const perSpecialty = Math.floor(programs / specialties);
  const remainder = programs % specialties;
  let total = 0;
  for (let index = 0; index < specialties; index++) {
    const count = perSpecialty + (index < remainder ? 1 : 0);
    for (const tier of fee.tiers) {
      const upper = tier.toProgram === null ? count : Math.min(count, tier.toProgram);
      if (upper >= tier.fromProgram) total += (upper - tier.fromProgram + 1) * tier.eachUsd;
    }
  }
  return total;
}
