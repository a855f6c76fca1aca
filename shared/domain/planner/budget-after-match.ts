import { catalogEntry } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { MILESTONE_KEYS } from "../snapshot-keys.ts";

/** The steps that follow Match Day in the catalog's prerequisite chain (the contract and visa steps). */
export const AFTER_MATCH_DAY: ReadonlySet<MilestoneKey> = afterMatchDay();
function afterMatchDay(): Set<MilestoneKey> {
  const after = new Set<MilestoneKey>();
  const follows = (key: MilestoneKey): boolean =>
    catalogEntry(key).prerequisites.some((each) => each.key === "match_day" || follows(each.key));
  for (const key of MILESTONE_KEYS) if (follows(key)) after.add(key);
  return after;
}
