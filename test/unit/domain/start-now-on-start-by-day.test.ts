import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate } from "#domain/time.ts";
import { startByCell } from "../../../shared/cli/start-by-cell.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A certified graduate abroad, registered for the 2027 Match on an H-1B, with Step 3 not started:
// the plan gives her until Fri 19 Mar 2027 to sit it (our advice) and 90 days before that to start,
// so her row says "start by Sat 19 Dec 2026": Step 3's day less its lead time falls at her local
// midnight, the end of 19 Dec. Her "Start now" email came on Sun 20 Dec, in every zone tried: the
// email asking her to start came after the last day the row gave her. It goes on that day.

const calendar = seasonCalendar(2027);
const abroad = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, visa: "H-1B", graduation: "2024-06-15" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-06-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-08-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });

describe("a step to start by a day that ends at local midnight: the 'Start now' email goes on that day", () => {
  for (const zone of ["Asia/Manila", "Africa/Lagos", "Pacific/Auckland", "Asia/Kolkata"])
    it(`Step 3 abroad, in ${zone}: the row's start-by day and the email's day agree`, () => {
      const now = new Date("2026-12-07T05:00:00Z");
      const result = plan(abroad(zone), calendar, now);
      const step = result.nextSteps.find((each) => each.milestone === "usmle_step3");
      expect(startByCell(step ?? {}, result.now, zone)).toBe("start by Sat 19 Dec 2026 †");
      const startNow = result.reminders.find(
        (each) => each.milestone === "usmle_step3" && each.rung === "start-by",
      );
      expect(localDate(zone, Date.parse(startNow?.sendAt ?? ""))).toBe("2026-12-19");
      // Never after the latest start the step carries.
      expect(Date.parse(startNow?.sendAt ?? "")).toBeLessThan(Date.parse(step?.startBy ?? ""));
    });
});
