import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * The page after a button press says the answer the applicant gave, not the step's title read back
 * ("Pass USMLE Step 2 CK is marked done.", an instruction recorded as if it were the answer). Kofi Mensah (2027 Match) has his ECFMG application and Step 1 done; Step 2 CK is ahead.
 */
function setup() {
  const now = new Date("2026-06-03T07:00:00Z");
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ fullName: "Kofi Mensah", matchYear: 2027, timezone: "Africa/Accra" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-12" },
      { key: "ecfmg_application", status: "done", date: "2026-02-09" },
      { key: "usmle_step1", status: "done", date: "2026-04-14" },
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = async (method: string, url: string, body?: string) =>
    (await api(linkRequest(method, url, body, "text/html"))).body ?? "";
  return { links, call };
}

describe("the page after a tap names the answer", () => {
  it("Done on an exam: “You told us you passed USMLE Step 2 CK.”, and so does the used link", async () => {
    const { links, call } = setup();
    const url = links.action("usmle_step2ck", "done");
    const posted = await call("POST", url, "");
    expect(posted).toMatch(/<h1>Recorded/);
    expect(posted).toContain("You told us you passed USMLE Step 2 CK. Your plan and your next emails");
    expect(posted).not.toContain("is marked done");
    const again = await call("GET", url);
    expect(again).toContain("This is already recorded: you told us you passed USMLE Step 2 CK.");
  });

  it("Done on US clinical experience: what he has, not the step's instruction", async () => {
    const { links, call } = setup();
    const posted = await call("POST", links.action("usce", "done"), "");
    expect(posted).toContain("You told us you have your US clinical experience.");
    expect(posted).not.toContain("Gain US clinical experience is marked done");
  });

  it("Scheduled for…: “You told us your USMLE Step 2 CK exam is on Fri 20 Nov 2026.”", async () => {
    const { links, call } = setup();
    const posted = await call("POST", links.action("usmle_step2ck", "schedule"), "date=2026-11-20");
    expect(posted).toContain("You told us your USMLE Step 2 CK exam is on Fri 20 Nov 2026.");
    expect(posted).not.toContain("Pass USMLE Step 2 CK is scheduled");
  });
});
