import type { MilestoneKey } from "./snapshot.ts";

/**
 * The visa steps whose booked day is a consular interview, not an exam sitting, with the interview's
 * name in words ("J-1 visa interview"): the J-1 visa and the H-1B stamping. One list for the planner
 * (a late booking is never overdue while ahead; its risk and card words) and for the step actions
 * (Done there is the visa issued, refused before the interview day).
 */
export const CONSULAR_INTERVIEWS: ReadonlyMap<string, string> = new Map<MilestoneKey, string>([
  ["visa_j1", "J-1 visa interview"],
  ["visa_h1b_stamping", "H-1B visa interview"],
]);
