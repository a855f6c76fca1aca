import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";

/** An earlier step whose target counts back from this one's, and the gap (days, the rule's source). */
export interface Predecessor {
  key: MilestoneKey;
  gapDays: number;
}

/**
 * For each milestone, the steps whose target rule counts back from it (static, from the catalog),
 * except a supporting document that may follow the step's application (a `neededByOwnDate`
 * prerequisite of a step with `documentsDue`: the OET result behind the Pathway). The application
 * does not wait for it, so a late one does not move the step's target (an
 * OET booked in January had the Pathway "aim for" a date after its application deadline).
 */
export const PREDECESSORS: ReadonlyMap<MilestoneKey, readonly Predecessor[]> = (() => {
  const found = new Map<MilestoneKey, Predecessor[]>();
  for (const entry of MILESTONE_CATALOG) {
    const rule = entry.target;
    if (rule?.from !== "milestone" || followsApplication(entry.key, rule.key)) continue;
    const list = found.get(rule.key) ?? [];
    list.push({ key: entry.key, gapDays: -rule.offsetDays });
    found.set(rule.key, list);
  }
  return found;
})();

/** Whether `earlier` is a supporting document that may follow `later`'s application. */
function followsApplication(earlier: MilestoneKey, later: MilestoneKey): boolean {
  const entry = MILESTONE_CATALOG.find((each) => each.key === later);
  if (entry?.documentsDue === undefined) return false;
  return entry.prerequisites.some(
    (prerequisite) => prerequisite.key === earlier && prerequisite.neededByOwnDate === true,
  );
}

/** The steps some target counts back from another's. */
export const EARLIER_KEYS: readonly MilestoneKey[] = [
  ...new Set([...PREDECESSORS.values()].flatMap((list) => list.map((predecessor) => predecessor.key))),
];

/** Every step of a target chain: the later ones and the earlier ones. */
export const CHAIN_KEYS: readonly MilestoneKey[] = [...new Set([...PREDECESSORS.keys(), ...EARLIER_KEYS])];
