import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Past the projected Pathway deadline, an undated Pathway in progress was told "submit today … by
 * Wed 27 Jan 2027 at the latest", a day after ECFMG needs the OET result that follows the
 * application: an application sent that day cannot have its documents in time.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pending-pathway-last-day/", import.meta.url));
const AMMAN = readSnapshot(DIR, "amman-oet-pathway-2027.json");

const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);

describe("a pending Pathway's last day", () => {
  it("15 Jan 2027: the last day to submit is the documents deadline, the OET's own, never a day after it", () => {
    const result = planInOwnMatch(AMMAN, "2027-01-15T07:00:00Z");
    const pathway = step(result, "ecfmg_pathway");
    const oet = step(result, "oet_medicine");
    expect(oet?.action).toContain("ECFMG needs it by Tue 26 Jan 2027");
    expect(pathway?.deadline?.at).toBe(oet?.deadline?.at);
    expect(pathway?.deadline?.et).toBe("Tue 26 Jan 2027, 9:00 PM ET");
    expect(pathway?.action).toContain(
      "submit today and tell us, by Wed 27 Jan 2027, 5:00 AM GMT+3 (Tue 26 Jan 2027, 9:00 PM ET) (our advice) at the latest",
    );
  });
});
