import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import type { Reminder, StepSubject } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, isCriticalNoticeRung } from "#domain/planner/critical-risk-notice.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { escapeHtml } from "#email/html.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantPlan } from "#usecases/planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * Snooze is decided once, in the domain (snoozeOptions), so the reminder email, the timeline and an
 * action link's POST agree: no Snooze on a step a critical notice rides on (the email alone dropped
 * it, while the timeline offered it and the POST recorded it), nor on SOAP from Match Week's
 * notification until SOAP ends, where a snooze could silence an offer round's reminder. The first
 * holds as long as the notice stands, also once it has gone out and left the plan the pages read.
 */
const keyring = parseKeyring(`k1=${"h".repeat(40)}`);
const BASE = "https://api.example.org";

function scenario(name: string) {
  return ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL(`../../fixtures/scenarios/${name}`, import.meta.url), "utf8")),
  );
}

/**
 * The applicant's store and API at `now`. `noticeSent`: the ledger records the critical notices on
 * that step, as planned at `noticeSent.at`, sent then, so the pages' plan no longer lists them.
 */
async function setup(
  fixture: string,
  timezone: string,
  milestones: MilestoneEntry[] | undefined,
  now: Date,
  noticeSent?: { milestone: StepSubject; at: Date },
) {
  const snapshot = scenario(fixture);
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ ...snapshot.applicant, timezone, applicantId: "a_ada" }), {
    milestones: milestones ?? snapshot.milestones,
  });
  if (noticeSent !== undefined) {
    const ids = domainPlanning
      .plan(store.state("a_ada"), noticeSent.at)
      .reminders.filter((each) => each.milestone === noticeSent.milestone && isCriticalNoticeRung(each.rung))
      .map((each) => each.id);
    expect(ids.length).toBeGreaterThan(0);
    await store.claimReminders("a_ada", ids, noticeSent.at, 60_000);
    await store.markRemindersSent("a_ada", ids, "msg-notice", noticeSent.at);
  }
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
  const call = (method: string, url: string, accept = "text/html") => {
    const { pathname, search } = new URL(url);
    return api(
      httpEvent({
        method,
        path: pathname,
        query: search.slice(1),
        headers: {
          accept,
          ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(method === "POST" ? { body: "days=2" } : {}),
      }),
    );
  };
  const state = store.state("a_ada");
  const plan = domainPlanning.plan(state, now);
  const email = (reminders: Reminder[]) =>
    renderReminderEmail({
      recipientName: state.profile.fullName,
      reminders,
      plan,
      links,
      unsubscribeUrl: `${BASE}/unsubscribe`,
      milestones: state.milestones,
    });
  return { store, links, call, plan, email, pagesPlan: applicantPlan(domainPlanning, state, now) };
}

const CASES = [
  {
    name: "a step a critical notice rides on (Step 3 for an H-1B applicant, from Amman)",
    fixture: "h1b-step3-before-ranking-2027.json",
    timezone: "Asia/Amman",
    milestones: undefined,
    now: new Date("2026-11-24T09:00:00Z"),
    milestone: "usmle_step3" as const,
    reminders: (reminders: Reminder[]) =>
      reminders.filter((each) => each.milestone === "usmle_step3" && each.rung === CRITICAL_RISK_RUNG),
    why: "a critical notice about it asks you to act by its date",
  },
  {
    name: "SOAP on Match Week's Tuesday (not matched, in SOAP, from Manila)",
    fixture: "rank-list-certified-2027.json",
    timezone: "Asia/Manila",
    milestones: [
      ...scenario("rank-list-certified-2027.json").milestones,
      { key: "soap" as const, status: "in_progress" as const },
    ],
    now: new Date("2027-03-16T01:00:00Z"),
    milestone: "soap" as const,
    reminders: (reminders: Reminder[]) =>
      reminders.filter((each) => each.milestone === "soap" && each.sendAt === "2027-03-16T01:00:00.000Z"),
    why: "from Match Week's notification until SOAP ends",
  },
];

describe.each(CASES)("no Snooze on $name", (each) => {
  it("the email, whose other buttons stay, offers none", async () => {
    const { plan, email } = await setup(each.fixture, each.timezone, each.milestones, each.now);
    const items = each.reminders(plan.reminders);
    expect(items.length).toBeGreaterThan(0);
    const { text, html } = email(items);
    for (const part of [text, html]) {
      expect(part.slice(0, part.indexOf("Your next steps"))).not.toContain("Snooze");
      expect(part).toMatch(/Done|Not for me/);
    }
  });

  it("the timeline offers none on that step, and keeps its other buttons", async () => {
    const { links, call, plan } = await setup(each.fixture, each.timezone, each.milestones, each.now);
    const title = plan.nextSteps.find((step) => step.milestone === each.milestone)?.title ?? "";
    const page = await call("GET", links.timeline);
    expect(page.statusCode).toBe(200);
    const labelled = `<span class="visually-hidden"> — ${escapeHtml(title)}</span>`;
    expect(page.body).toContain(labelled);
    expect(page.body).not.toContain(`Snooze${labelled}`);
  });

  it("a snooze POST is refused as a problem naming the field, and records nothing", async () => {
    const { store, links, call } = await setup(each.fixture, each.timezone, each.milestones, each.now);
    const before = structuredClone(store.state("a_ada").milestones);
    const response = await call("POST", links.action(each.milestone, "snooze"), "application/problem+json");
    expect(response.statusCode).toBe(400);
    expect(response.headers?.["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(response.body ?? "{}");
    expect(problem.errors).toEqual([
      { path: "action", message: expect.stringMatching(/^“Snooze” is not a choice for “[^”]+” now: /) },
    ]);
    expect(problem.errors[0].message).toContain(each.why);
    expect(store.state("a_ada").milestones).toEqual(before);
  });
});

describe("no Snooze on a step a critical notice rides on, after the notice went out", () => {
  // Amman, H-1B: Step 3's critical notice went out on 24 Nov; ten days on, the pages' plan no
  // longer lists it, and Step 3's own rungs are still to come.
  const H1B = CASES[0] as (typeof CASES)[number];
  const later = () =>
    setup(H1B.fixture, H1B.timezone, H1B.milestones, new Date("2026-12-04T09:00:00Z"), {
      milestone: "usmle_step3",
      at: H1B.now,
    });

  it("the timeline offers none on that step, as before it went out", async () => {
    const { links, call, plan, pagesPlan } = await later();
    expect(
      pagesPlan.reminders.some((each) => each.milestone === "usmle_step3" && isCriticalNoticeRung(each.rung)),
    ).toBe(false);
    expect(pagesPlan.reminders.some((each) => each.milestone === "usmle_step3")).toBe(true);
    const title = plan.nextSteps.find((step) => step.milestone === "usmle_step3")?.title ?? "";
    const page = await call("GET", links.timeline);
    const labelled = `<span class="visually-hidden"> — ${escapeHtml(title)}</span>`;
    expect(page.body).toContain(labelled);
    expect(page.body).not.toContain(`Snooze${labelled}`);
  });

  it("a snooze POST is still refused, says why, and records nothing", async () => {
    const { store, links, call } = await later();
    const before = structuredClone(store.state("a_ada").milestones);
    const response = await call("POST", links.action("usmle_step3", "snooze"), "application/problem+json");
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? "{}").errors[0].message).toContain(H1B.why);
    expect(store.state("a_ada").milestones).toEqual(before);
  });
});
