import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { when } from "#domain/planner/day-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { etInstant } from "#domain/time.ts";

/**
 * A sentence names an end at the start of a local day as the plan's date lines do: the end of the
 * day before, "Wed 24 Feb 2027, end of the day (midnight GMT-2)", never "Thu 25 Feb 2027, 12:00 AM GMT-2", which reads
 * as Thursday. A start (ranking opening, NRMP's release) keeps its own day. The 2027 rank order
 * list deadline, 9:00 PM ET on Wed 24 Feb 2027 (projected), is midnight in Fernando de Noronha
 * (UTC-2); ranking's opening, 12:00 PM ET on Fri 15 Jan 2027, is midnight in Bangkok (UTC+7).
 */
const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
const opens = calendar.dates.nrmp_rank_order_list_entry_opens.at;

describe("an instant named inside a sentence", () => {
  it("an end at local midnight closes the day before, in the applicant's zone and in ET", () => {
    expect(when({ zone: "America/Noronha" }, rol)).toBe(
      "Wed 24 Feb 2027, end of the day (midnight GMT-2) (Wed 24 Feb 2027, 9:00 PM ET)",
    );
    expect(when({ zone: "Asia/Tokyo" }, etInstant("2027-06-17", "00:00"))).toBe(
      "Thu 17 Jun 2027, 1:00 PM GMT+9 (Wed 16 Jun 2027, end of the day (midnight ET))",
    );
  });

  it("a start at local midnight keeps its own day", () => {
    expect(when({ zone: "Asia/Bangkok" }, opens, true)).toBe(
      "Sat 16 Jan 2027, 12:00 AM GMT+7 (Fri 15 Jan 2027, 12:00 PM ET)",
    );
  });

  it("a risk names NRMP's late registration closing on the deadline's own day", () => {
    // Interviewing for the 2027 Match, never registered with NRMP, in Fernando de Noronha.
    const raw = JSON.parse(
      readFileSync(new URL("../../fixtures/scenarios/late-arrival-lagos-2027.json", import.meta.url), "utf8"),
    );
    const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse({
      ...raw,
      applicant: { ...raw.applicant, fullName: "Rafaela Nunes", timezone: "America/Noronha" },
      milestones: [...raw.milestones, { key: "nrmp_registration", status: "not_started" }],
    });
    const result = plan(snapshot, calendar, new Date("2027-02-20T12:00:00Z"));
    const risk = result.risks.find((r) => r.code === "NRMP_LATE_FEE");
    expect(risk?.message).toContain(
      "Late registration closes Wed 24 Feb 2027, end of the day (midnight GMT-2) (Wed 24 Feb 2027, 9:00 PM ET)",
    );
    for (const each of result.risks) expect(each.message).not.toContain("Thu 25 Feb 2027, 12:00 AM GMT-2");
  });
});
