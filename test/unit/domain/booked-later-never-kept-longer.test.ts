import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "./factories.ts";

/**
 * In Kolkata an OET booked 14 Jan 2027 was
 * written off from 6 Jan while one booked 20 Jan was kept until 12 Jan (the later candidate's last
 * OET sitting day, Tue 12 Jan 2027, projected). A later booking must never be kept longer than an
 * earlier one for the same facts: whether the Match is written off is monotonic in the booked day.
 * Priya: Kolkata, every step to NRMP done, the Pathway submitted 20 Dec 2026, the OET booked.
 */
const calendar = seasonCalendar(2027);

function priya(booked: string, zone = "Asia/Kolkata"): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ externalId: "bk-1", timezone: zone, matchYear: 2027 }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "scheduled", date: booked },
      { key: "ecfmg_pathway", status: "in_progress", date: "2026-12-20" },
    ],
  });
}

const writtenOff = (input: PlannerInput, at: number) =>
  plan(input, calendar, new Date(at)).risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

const BOOKED = [
  "2027-01-11",
  "2027-01-12",
  "2027-01-13",
  "2027-01-14",
  "2027-01-15",
  "2027-01-17",
  "2027-01-20",
];

describe("a later OET booking is never kept longer than an earlier one", () => {
  it("Kolkata on Fri 8 Jan 2027: a sitting booked Thu 14 Jan is kept as one booked Wed 20 Jan is", () => {
    const at = Date.parse("2027-01-08T06:00:00Z");
    expect(writtenOff(priya("2027-01-20"), at)).toBe(false);
    expect(writtenOff(priya("2027-01-14"), at)).toBe(false);
  });

  it.each(["Asia/Kolkata", "America/Los_Angeles", "Pacific/Auckland"])(
    "%s: written off is monotonic in the booked day, every 6 hours from 1 to 16 Jan",
    (zone) => {
      const inputs = BOOKED.map((day) => priya(day, zone));
      for (
        let at = Date.parse("2027-01-01T00:00:00Z");
        at < Date.parse("2027-01-16T00:00:00Z");
        at += 6 * 3_600_000
      ) {
        const offs = inputs.map((input) => writtenOff(input, at));
        const when = new Date(at).toISOString();
        for (let index = 1; index < offs.length; index++)
          if (offs[index - 1])
            expect(offs[index], `${when}: ${BOOKED[index]} after ${BOOKED[index - 1]}`).toBe(true);
      }
    },
  );
});
