import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * A "Scheduled for…" link opened again after it recorded a date showed the whole form ("A new
 * date replaces it. … Save the date"), and saving answered "Already recorded … nothing changed":
 * an applicant who found an earlier seat typed it and may have left without noticing. The used
 * link's page says what is recorded and offers Change the date, which takes the new day.
 */
const now = new Date("2026-12-21T09:00:00Z");

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone: "Asia/Karachi" }), {
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-01-10" },
      { key: "ecfmg_application", status: "done", date: "2026-02-10" },
      { key: "usmle_step1", status: "done", date: "2026-04-10" },
    ],
  });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  return { store, call };
}

describe("a used Scheduled for… link opened again", () => {
  it("says what is recorded and offers Change the date, with no form to refuse", async () => {
    const { call } = setup();
    const link = linksSignedAt(now).action("usmle_step2ck", "schedule");
    expect((await call("POST", link, "date=2027-02-10")).body).toMatch(/<h1>Recorded/);
    const again = await call("GET", link);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain("<h1>Already recorded</h1>");
    expect(again.body).toContain(
      "You told us your USMLE Step 2 CK exam is on Wed 10 Feb 2027. This link was used to record it, and a link records once, so nothing here changes it.",
    );
    // The date is after the last sitting day: said here too, as on the page that recorded it.
    expect(again.body).toContain("Wed 10 Feb 2027 is after Wed 27 Jan 2027, the last day to sit it");
    expect(again.body).not.toContain("<form");
    expect(again.body).not.toContain("Save the date");
    expect(again.body).not.toContain("A new date replaces it");
    const change = /<a class="button primary" href="([^"]+)">Change the date<\/a>/.exec(
      again.body ?? "",
    )?.[1];
    expect(change).toBeDefined();
    expect(change).not.toBe(link);
  });

  it("its Change the date records the earlier day", async () => {
    const { call, store } = setup();
    const link = linksSignedAt(now).action("usmle_step2ck", "schedule");
    await call("POST", link, "date=2027-02-10");
    const change = /href="([^"]+)">Change the date</.exec((await call("GET", link)).body ?? "")?.[1] ?? "";
    const form = await call("GET", change.replaceAll("&amp;", "&"));
    expect(form.body).toContain("A new date replaces it");
    expect(form.body).toContain("Save the date");
    expect((await call("POST", change.replaceAll("&amp;", "&"), "date=2027-01-12")).body).toMatch(
      /<h1>Recorded/,
    );
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "usmle_step2ck"),
    ).toMatchObject({ status: "scheduled", date: "2027-01-12" });
  });

  it("the control: a fresh link to a step with a date recorded still shows the form", async () => {
    const { call } = setup();
    await call("POST", linksSignedAt(now).action("usmle_step2ck", "schedule"), "date=2027-02-10");
    const fresh = await call("GET", linksSignedAt(now).action("usmle_step2ck", "schedule"));
    expect(fresh.body).toContain(
      "Now recorded: scheduled for <strong>Wed 10 Feb 2027</strong>. A new date replaces it.",
    );
    expect(fresh.body).toContain("Save the date");
  });
});
