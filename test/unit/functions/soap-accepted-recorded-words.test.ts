import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * "I accepted a SOAP offer" records SOAP done, and its Recorded page says what that is (an accepted
 * offer), not that "SOAP, if you do not match is marked done"; so does the used link's page. Rahel
 * Tesfaye, Addis Ababa, J-1, 2027 Match, certified list, told us Monday she is in SOAP; she taps the
 * button on Thursday afternoon.
 */
const file = fileURLToPath(
  new URL("../../fixtures/soap-accepted-page/in-soap-addis-ababa.json", import.meta.url),
);
const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const calendar = seasonCalendar(2027);
// Thursday of Match Week, four hours after Monday's release hour (10:00 AM ET): 2:00 PM ET.
const THURSDAY = new Date(
  calendar.dates.nrmp_match_week_start_and_soap_start.at + 3 * 86_400_000 + 4 * 3_600_000,
);

describe("the Recorded page after “I accepted a SOAP offer”", () => {
  it("says the applicant accepted a SOAP offer, not the step's title marked done", async () => {
    const store = new InMemoryApplicantStore();
    store.add(
      profileFactory({
        fullName: snapshot.applicant.fullName,
        timezone: snapshot.applicant.timezone,
        visa: "J-1",
      }),
      { milestones: snapshot.milestones },
    );
    const api = applicantPagesApi(store, { clock: new FixedClock(THURSDAY) });
    const links = linksSignedAt(THURSDAY);
    const posted = await api(linkRequest("POST", links.action("soap", "done"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(posted.body).toContain("You accepted a SOAP offer: your plan now follows that position.");
    expect(posted.body).not.toContain("is marked done");
    expect(posted.body).not.toContain("Match Week is marked not started");
    const soap = (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "soap");
    expect(soap?.status).toBe("done");
    // The used link, opened again and posted again: the same words, as already recorded.
    for (const method of ["GET", "POST"]) {
      const again = await api(linkRequest(method, links.action("soap", "done"), ""));
      expect(again.body).toContain("This is already recorded: you accepted a SOAP offer.");
      expect(again.body).not.toContain("is marked done");
    }
  });
});
