import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { milestoneFactory } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * Done on an exam weeks before its booked day was recorded as a pass
 * dated today; a link for an action the step does not offer now showed its button on GET and
 * answered the POST in developer words ("The field “action” waive is not offered for this step now").
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const BASE = "https://api.example.org";
const MARCH_27 = new Date("2027-03-27T10:00:00Z");

function setup(now: Date, step2ck: MilestoneEntry) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2028 }), {
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2026-06-01"),
      milestoneFactory("ecfmg_application", "done", "2026-06-10"),
      milestoneFactory("usmle_step1", "done", "2026-09-20"),
      step2ck,
    ],
  });
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    applicantPages: async () => ({
      settings: { savePreferences: async () => undefined, revokeFeed: async () => 1 },
      planning: domainPlanning,
      keyring: async () => keyring,
      publicBaseUrl: BASE,
    }),
  });
  const links = applicantLinks({ baseUrl: BASE, keyring, applicantId: "a_ada", feedGeneration: 0, now });
  const call = (method: string, url: string, body?: string, accept = "text/html") => {
    const { pathname, search } = new URL(url);
    return api(
      httpEvent({
        method,
        path: pathname,
        query: search.slice(1),
        headers: {
          accept,
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(body === undefined ? {} : { body }),
      }),
    );
  };
  const step2ckNow = async () =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "usmle_step2ck");
  return { links, call, step2ckNow };
}

const BOOKED: MilestoneEntry = { key: "usmle_step2ck", status: "scheduled", date: "2027-04-15" };

describe("Done on an exam before its booked day", () => {
  it("the GET says the exam is on its day, offers Scheduled for… and no Done button", async () => {
    const { links, call } = setup(MARCH_27, BOOKED);
    const page = await call("GET", links.action("usmle_step2ck", "done"));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Your exam is on Thu 15 Apr 2027");
    expect(page.body).toContain("Nothing was changed");
    expect(page.body).not.toContain("Yes, mark it done");
    expect(page.body).not.toContain('method="post"');
    // The Scheduled for… link it offers is a genuine one for this step.
    const scheduleHref = /href="([^"]*action=schedule[^"]*|[^"]*)"[^>]*>Scheduled for…/.exec(
      page.body ?? "",
    )?.[1];
    expect(scheduleHref).toBeDefined();
    const schedule = await call("GET", (scheduleHref ?? "").replaceAll("&amp;", "&"));
    expect(schedule.body).toContain("Save the date");
  });

  it("a POST records no pass and says why, in words", async () => {
    const { links, call, step2ckNow } = setup(MARCH_27, BOOKED);
    const response = await call("POST", links.action("usmle_step2ck", "done"), "");
    expect(response.body).not.toMatch(/<h1>Recorded/);
    expect(response.body).toContain("Your exam is on Thu 15 Apr 2027");
    expect(await step2ckNow()).toEqual(BOOKED);
  });

  it("a POST asking for problem+json is refused with plain words, naming the field", async () => {
    const { links, call, step2ckNow } = setup(MARCH_27, BOOKED);
    const response = await call(
      "POST",
      links.action("usmle_step2ck", "done"),
      "",
      "application/problem+json",
    );
    expect(response.statusCode).toBe(400);
    const problem = JSON.parse(response.body ?? "{}");
    expect(problem.detail).toContain("Your exam is on Thu 15 Apr 2027");
    expect(problem.errors).toEqual([{ path: "action", message: expect.stringContaining("15 Apr 2027") }]);
    expect(await step2ckNow()).toEqual(BOOKED);
  });

  it.each([
    ["on the exam day", new Date("2027-04-15T10:00:00Z"), "2027-04-15"],
    ["after the exam day", new Date("2027-05-20T10:00:00Z"), "2027-05-20"],
  ])("the control: %s, Done is offered and recorded", async (_, now, date) => {
    const { links, call, step2ckNow } = setup(now, BOOKED);
    expect((await call("GET", links.action("usmle_step2ck", "done"))).body).toContain("Yes, mark it done");
    const response = await call("POST", links.action("usmle_step2ck", "done"), "");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(await step2ckNow()).toMatchObject({ status: "done", date });
  });

  it("the control: an exam with no booked day still takes Done", async () => {
    const { links, call, step2ckNow } = setup(MARCH_27, { key: "usmle_step2ck", status: "in_progress" });
    const response = await call("POST", links.action("usmle_step2ck", "done"), "");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(await step2ckNow()).toMatchObject({ status: "done", date: "2027-03-27" });
  });
});

describe("An action the step does not offer now", () => {
  it.each([
    ["usmle_step2ck", "waive", "“Not for me” is not a choice for “Pass USMLE Step 2 CK” now"],
    ["ecfmg_pathway", "schedule", "“Scheduled for…” is not a choice for “"],
  ] as const)("%s %s: the GET says so in plain words, with no button", async (key, action, words) => {
    const { links, call } = setup(MARCH_27, BOOKED);
    const page = await call("GET", links.action(key, action));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(words);
    expect(page.body).toContain("Nothing was changed");
    expect(page.body).not.toContain('method="post"');
    expect(page.body).not.toMatch(/Yes, not for me|Save the date/);
  });

  it("the POST answers in plain words too, the problem still naming the field", async () => {
    const { links, call } = setup(MARCH_27, BOOKED);
    const page = await call("POST", links.action("usmle_step2ck", "waive"), "");
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("“Not for me” is not a choice for “Pass USMLE Step 2 CK” now");
    expect(page.body).not.toContain("The field");
    expect(page.body).not.toContain("waive");
    const json = await call("POST", links.action("usmle_step2ck", "waive"), "", "application/problem+json");
    expect(json.statusCode).toBe(400);
    const problem = JSON.parse(json.body ?? "{}");
    expect(problem.detail).toContain("“Not for me” is not a choice for “Pass USMLE Step 2 CK” now");
    expect(problem.errors).toEqual([{ path: "action", message: expect.not.stringContaining("waive") }]);
  });
});
