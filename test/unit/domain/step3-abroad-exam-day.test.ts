import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * H-1B applicants in Lagos with Step 3 booked in the US (20 Feb and 15 Mar 2027), held to the
 * petition's sit-by day (Fri 19 Mar 2027, our advice). Rule: that day is the step's one date the day
 * before and all through the exam day (it jumped to the rank order list deadline on the exam day's
 * morning); from the next day the card asks for the result, due by the petition's date in this plan
 * (Fri 16 Apr 2027), never "before they certify their rank lists" by a day it names as April's.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-step3-abroad-lagos/", import.meta.url));
const step3 = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "usmle_step3");

describe.each([
  {
    file: "h1b-step3-booked-feb-lagos.json",
    day: "2027-02-20",
    before: "2027-02-19",
    after: "2027-02-21",
    exam: "Sat 20 Feb 2027",
  },
  {
    file: "h1b-step3-booked-mar-lagos.json",
    day: "2027-03-15",
    before: "2027-03-14",
    after: "2027-03-16",
    exam: "Mon 15 Mar 2027",
  },
])(
  "Step 3 booked for $day abroad, held to the petition's sit-by day",
  ({ file, day, before, after, exam }) => {
    const snapshot = readSnapshot(DIR, file);

    it.each([`${before}T12:00:00+01:00`, `${day}T08:00:00+01:00`, `${day}T21:00:00+01:00`])(
      "at %s its last day to sit it is Fri 19 Mar 2027",
      (now) => {
        const step = step3(planInOwnMatch(snapshot, now));
        expect(step?.deadline?.local).toBe("Fri 19 Mar 2027");
        // On the exam day itself, "today", never "is on" that evening.
        const on = now.startsWith(day) ? "today," : "on";
        expect(step?.action).toContain(
          `Your exam is ${on} ${exam}, before Fri 19 Mar 2027 (our advice), the last day to sit it`,
        );
      },
    );

    it("the day after, asks for the result", () => {
      const step = step3(planInOwnMatch(snapshot, `${after}T10:00:00+01:00`));
      expect(step?.action).toContain(`Your exam was on ${exam}; your score is expected around`);
      expect(step?.action).toContain("Tell us the result when it comes");
    });
  },
);
