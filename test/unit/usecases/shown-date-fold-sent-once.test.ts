import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * The visa's notice folded into Step 3's for showing the same date (notice-fold-shown-date.test.ts) is
 * sent once: Kwame (Accra, H-1B, Step 3 abroad dated for the petition with a visitor visa held) signs up
 * on 20 Jan 2027; wake-ups fired in order to the rank order list deadline, with the real planner and
 * the use case. The sender marks the carried id sent, so it never comes back alone.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-step3-abroad-accra.json", import.meta.url);
const kwame = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const SIGN_UP = "2027-01-20T08:00:00.000Z";
const VISA_TITLE =
  "If you match with an H-1B program, the H-1B likely cannot be ready by your start: before you rank, ask each program about a later start or a J-1";

async function emailsUntil(until: string) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ ...kwame.applicant, applicantId: "a_kwame" }), {
    milestones: kwame.milestones,
    interviews: [],
  });
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(SIGN_UP)),
    planning: domainPlanning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
  await planApplicants(["a_kwame"], deps);
  for (let at = deps.wakeUps.pending.get("a_kwame"); at && at.toISOString() <= until; ) {
    deps.wakeUps.pending.delete("a_kwame");
    deps.clock.set(at);
    await sendDueReminders("a_kwame", at, deps);
    at = deps.wakeUps.pending.get("a_kwame");
  }
  return { emails: deps.mailer.sent, ledger: store.state("a_kwame").ledger };
}

describe("the visa's notice carried by Step 3's", () => {
  it("goes out once, as Step 3's 'Also:', and the ledger holds its title", async () => {
    const { emails, ledger } = await emailsUntil("2027-02-25T02:00:00.000Z");
    const saying = emails.filter((email) => email.text.includes(VISA_TITLE));
    expect(emails.length).toBeGreaterThan(1);
    expect(saying.length).toBe(1);
    expect(saying[0]?.text).toContain(`Also: ${VISA_TITLE}`);
    // Never an email item of its own: it rides Step 3's item, which marks it sent.
    const items = emails.flatMap((email) => email.text.split("\n").filter((line) => /^\d+\. /.test(line)));
    expect(items.filter((line) => line.includes(VISA_TITLE))).toEqual([]);
    expect(ledger.map((entry) => entry.subject?.title)).toContain(VISA_TITLE);
  });
});
