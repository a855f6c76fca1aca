import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { escapeHtml } from "#email/html.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * Snooze is decided once, in the domain (snoozeOptions), so the reminder email, the timeline and an
 * action link's POST agree: no Snooze on a step a critical notice rides on (the email alone dropped
 * it, while the timeline offered it and the POST recorded it), nor on SOAP from Match Week's
 * notification until SOAP ends, where a snooze could silence an offer round's reminder.
 */
const keyring = parseKeyring(`k1=${"h".repeat(40)}`);
const BASE = "https://api.example.org";

function scenario(name: string) {
  return ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL(`../../fixtures/scenarios/${name}`, import.meta.url), "utf8")),
  );
}

function setup(fixture: string, timezone: string, milestones: MilestoneEntry[] | undefined, now: Date) {
  const snapshot = scenario(fixture);
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ ...snapshot.applicant, timezone, applicantId: "a_ada" }), {
    milestones: milestones ?? snapshot.milestones,
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
  return { store, links, call, plan, email };
}

const CASES = [
  {
    name: "a step a critical notice rides on (Step 3 for an H-1B applicant, from Amman)",
    fixture: "h1b-step3-before-ranking-2027.json",
    timezone: "Asia/Amman",
    milestones: undefined,
    now: new Date("2026-11-10T09:00:00Z"),
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
  it("the email, whose other buttons stay, offers none", () => {
    const { plan, email } = setup(each.fixture, each.timezone, each.milestones, each.now);
    const items = each.reminders(plan.reminders);
    expect(items.length).toBeGreaterThan(0);
    const { text, html } = email(items);
    for (const part of [text, html]) {
      expect(part.slice(0, part.indexOf("Your next steps"))).not.toContain("Snooze");
      expect(part).toMatch(/Done|Not for me/);
    }
  });

  it("the timeline offers none on that step, and keeps its other buttons", async () => {
    const { links, call, plan } = setup(each.fixture, each.timezone, each.milestones, each.now);
    const title = plan.nextSteps.find((step) => step.milestone === each.milestone)?.title ?? "";
    const page = await call("GET", links.timeline);
    expect(page.statusCode).toBe(200);
    const labelled = `<span class="visually-hidden"> — ${escapeHtml(title)}</span>`;
    expect(page.body).toContain(labelled);
    expect(page.body).not.toContain(`Snooze${labelled}`);
  });

  it("a snooze POST is refused as a problem naming the field, and records nothing", async () => {
    const { store, links, call } = setup(each.fixture, each.timezone, each.milestones, each.now);
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
