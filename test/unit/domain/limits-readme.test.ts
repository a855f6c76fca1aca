import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ACTIONS_PER_TRANSACTION,
  FIXED_ACTIONS_PER_SUBMISSION,
  MAX_INTERVIEWS,
  MILESTONE_KEYS,
} from "#domain/snapshot.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("submission limits", () => {
  it("fit one DynamoDB transaction for the current milestone keys", () => {
    expect(FIXED_ACTIONS_PER_SUBMISSION + MILESTONE_KEYS.length + 2 * MAX_INTERVIEWS).toBeLessThanOrEqual(
      ACTIONS_PER_TRANSACTION,
    );
  });

  it("are the ones README's limits table states, with true arithmetic", () => {
    const total = FIXED_ACTIONS_PER_SUBMISSION + MILESTONE_KEYS.length + 2 * MAX_INTERVIEWS;
    const edit = "README.md's limits table: set these numbers by hand after adding a milestone key";
    expect(readme, edit).toContain(
      `| ${MAX_INTERVIEWS} (${FIXED_ACTIONS_PER_SUBMISSION} fixed + ${MILESTONE_KEYS.length} milestones + ${MAX_INTERVIEWS} written + ${MAX_INTERVIEWS} dropped = ${total} ≤ DynamoDB's ${ACTIONS_PER_TRANSACTION} actions`,
    );
    expect(readme, edit).toContain(
      `| milestones in one submission | ${MILESTONE_KEYS.length} (every milestone key)`,
    );
  });
});
