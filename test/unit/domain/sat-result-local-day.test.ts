import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK sat on Wed 10 Feb 2027 (the applicant's own day), result not
 * reported, before the rank order list deadline (Wed 24 Feb 2027, 9:00 PM ET, projected). Its
 * result is "expected around" the sitting date plus the 28-day allowance in her own day, Wed 10 Mar
 * 2027, in every zone: east of UTC (Karachi, Auckland) it read Tue 9 Mar, an ET day (as was fixed
 * for a sitting ahead). The sitting still ahead says the same day.
 */

const calendar = seasonCalendar(2027);

describe.each(["Asia/Karachi", "Pacific/Auckland", "Africa/Lagos", "America/Los_Angeles"])(
  "in %s",
  (zone) => {
    const input = certifiedListWith(zone, milestoneFactory("usmle_step2ck", "scheduled", "2027-02-10"));
    const late = (now: string) =>
      plan(input, calendar, new Date(now)).risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");

    it("taken: reported around Wed 10 Mar 2027", () => {
      expect(late("2027-02-15T10:00:00Z")?.message).toContain(
        "Your USMLE Step 2 CK on Wed 10 Feb 2027: its result is expected around Wed 10 Mar 2027 by our cautious allowance",
      );
    });

    it("still ahead: reported around Wed 10 Mar 2027", () => {
      expect(late("2027-02-05T10:00:00Z")?.message).toContain(
        "Your USMLE Step 2 CK on Wed 10 Feb 2027: its result is expected around Wed 10 Mar 2027 by our cautious allowance",
      );
    });
  },
);
