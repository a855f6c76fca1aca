import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * A SOAP participant's texts stayed in the present after SOAP was over ("the
 * SOAP offer you accept in R3", "If you accepted no SOAP offer by its end"). Rule: the tense of
 * the moment: present while SOAP runs, past once it has ended, and Match Day past after its release.
 */
const { dates } = seasonCalendar(2027);

function soapTexts(result: Plan): string {
  const step = result.nextSteps.find((s) => s.milestone === "match_day");
  const reminders = result.reminders.filter((r) => r.milestone === "match_day");
  return JSON.stringify([step?.action, step?.why, reminders.map((r) => r.why)]);
}

describe("SOAP's texts in the tense of the moment", () => {
  it("while SOAP runs, the offer is one to accept", () => {
    const text = soapTexts(planAt(inSoap("America/New_York"), "2027-03-17T14:00:00Z"));
    expect(text).toContain("the SOAP offer you accept in R3");
  });

  for (const zone of ["America/New_York", "Pacific/Auckland", "Asia/Kolkata"])
    it(`${zone}: from SOAP's end, every hour to a week after Match Day, no SOAP text in the present`, () => {
      for (
        let now = dates.nrmp_soap_ends.at;
        now < dates.nrmp_match_day.at + 7 * 86_400_000;
        now += 3_600_000
      ) {
        const text = soapTexts(planAt(inSoap(zone), new Date(now).toISOString()));
        const at = new Date(now).toISOString();
        expect(text, at).not.toMatch(/offer you accept |by its end|Once you have accepted one/);
        expect(text, at).toContain("you accepted in R3");
        if (now >= dates.nrmp_match_day.at) expect(text, at).not.toContain("brings you no news");
      }
    });
});
