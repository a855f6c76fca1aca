import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import type { AdvisorDigestLog, DigestBaseline, LatestDigest } from "#ports/advisor-digests.ts";
import { digestEntries, sendAdvisorDigest } from "#usecases/advisor-digest.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

/** The digest log as the DynamoDB adapter behaves: a claim per day, stale after the given time. */
class InMemoryDigestLog implements AdvisorDigestLog {
  readonly days = new Map<string, { status: string; claimedAt: number }>();
  baseline: DigestBaseline | undefined;
  version: number | undefined;
  lastSentDay: string | undefined;
  /** Runs once, just before the next finishDay (e.g. an erase racing the digest). */
  beforeFinish: (() => void) | undefined;
  async claimDay(advisor: string, day: string, now: Date, staleAfterMs: number): Promise<boolean> {
    const held = this.days.get(`${advisor}#${day}`);
    if (held && (held.status === "sent" || held.claimedAt > now.getTime() - staleAfterMs)) return false;
    this.days.set(`${advisor}#${day}`, { status: "claimed", claimedAt: now.getTime() });
    return true;
  }
  async latestBaseline(): Promise<LatestDigest | undefined> {
    return this.baseline && this.version !== undefined
      ? {
          baseline: this.baseline,
          version: this.version,
          ...(this.lastSentDay ? { lastSentDay: this.lastSentDay } : {}),
        }
      : undefined;
  }
  async finishDay(
    advisor: string,
    day: string,
    outcome: { status: string },
    baseline: DigestBaseline,
    _at: Date,
    readVersion: number | undefined,
    lastSentDay?: string,
  ) {
    const race = this.beforeFinish;
    this.beforeFinish = undefined;
    race?.();
    if (readVersion !== this.version) return false;
    if (outcome.status === "sent") this.days.set(`${advisor}#${day}`, { status: "sent", claimedAt: 0 });
    else this.days.delete(`${advisor}#${day}`);
    this.baseline = baseline;
    this.version = (readVersion ?? 0) + 1;
    this.lastSentDay = lastSentDay;
    return true;
  }
  /** What the erase does (advisor-digests.ts forgetApplicant): the id out, a new version. */
  forget(applicantId: string): void {
    const baseline = { ...this.baseline };
    delete baseline[applicantId];
    this.baseline = baseline;
    this.version = (this.version ?? 0) + 1;
  }
  async releaseDay(advisor: string, day: string): Promise<void> {
    this.days.delete(`${advisor}#${day}`);
  }
}

const DONE = ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "usce"];
const ADVISOR = "grace@advisors.example";

function setup() {
  const applicants = new InMemoryApplicantStore();
  const milestones = [
    ...DONE.map((key) => ({ key, status: "done" })),
    ...["lors", "personal_statement", "cv", "program_list", "eras_token", "nrmp_registration", "budget"].map(
      (key) => ({ key, status: "done" }),
    ),
    { key: "ecfmg_pathway", status: "waived" },
    { key: "research", status: "waived" },
  ].map((entry) => ({ ...(entry as MilestoneEntry), updatedAt: "2026-01-01T00:00:00.000Z" }));
  applicants.add(profileFactory({ advisorEmail: ADVISOR }), { milestones });
  const mailer = new InMemoryMailer();
  const digests = new InMemoryDigestLog();
  return {
    mailer,
    digests,
    applicants,
    deps: {
      cohort: { listCohort: async () => [{ applicantId: "a_ada" }] },
      applicants,
      digests,
      mailer,
      planning: domainPlanning,
      consoleUrl: (id?: string) => `https://mp.example/console${id ? `#/applicants/${id}` : ""}`,
    },
  };
}

describe("the advisor's daily digest", () => {
  it("sends nothing on a day with nothing new, and leaves that day open", async () => {
    const { deps, mailer, digests } = setup();
    const result = await sendAdvisorDigest(ADVISOR, new Date("2026-09-01T13:00:00Z"), deps);
    expect(result).toEqual({ outcome: "nothing-new", applicants: 1, withNews: 0 });
    expect(mailer.sent).toEqual([]);
    expect(digests.days.size).toBe(0);
  });

  it("sends one email per day with what is new since the last digest, linking to each applicant", async () => {
    const { deps, mailer } = setup();
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-01T13:00:00Z"), deps);
    const sent = await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), deps);
    expect(sent.outcome).toBe("sent");
    expect(await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T15:00:00Z"), deps)).toMatchObject({
      outcome: "already-done",
    });
    const [email] = mailer.sent;
    expect(mailer.sent).toHaveLength(1);
    expect(email?.to).toBe(ADVISOR);
    expect(email?.text).toContain("New warning risk: ERAS application not submitted while programs review");
    expect(email?.text).toContain("https://mp.example/console#/applicants/a_ada");
    expect(email?.html).toContain('href="https://mp.example/console#/applicants/a_ada"');
    expect(email?.tags).toEqual({ kind: "advisor-digest" });
    // The next day the warning turned critical and the step is overdue: news again, once.
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-24T13:00:00Z"), deps);
    expect(mailer.sent[1]?.text).toContain("New critical risk: ERAS application not submitted");
    expect(mailer.sent[1]?.text).toContain("Newly overdue:");
    // "Since" names the last digest's day, not today's.
    expect(mailer.sent[1]?.text).toContain("since your last digest of Wednesday, September 23, 2026.");
    expect(mailer.sent[1]?.text).not.toContain("September 24");
    expect(mailer.sent[0]?.text).not.toContain("since your last digest");
    // Nothing changed since: nothing sent.
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-25T13:00:00Z"), deps);
    expect(mailer.sent).toHaveLength(2);
  });

  it("does not list Match Day as newly overdue for an applicant with no certified list: SEASON_OVER says it", () => {
    const { deps } = setup();
    const state = deps.applicants.state("a_ada");
    const at = new Date("2027-03-22T13:00:00Z");
    const plan = domainPlanning.plan(state, at);
    expect(plan.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    // Waiting on the rank list of a Match that is over, Match Day is, in the plan itself, neither
    // overdue nor waiting (a blocked step is never overdue); the digest must not list it either.
    expect(plan.overdue.map((step) => step.milestone)).not.toContain("match_day");
    expect(plan.blocked.map((step) => step.milestone)).not.toContain("match_day");
    const [entry] = digestEntries(undefined, [{ state, plan }], deps.consoleUrl);
    expect(entry?.risks.map((risk) => risk.title)).toContain(
      "The Match season is over without a certified rank order list",
    );
    expect(entry?.overdue.map((step) => step.title)).not.toContain("Match Day: where they matched");
    expect(entry?.overdue.map((step) => step.title)).not.toContain("Rank order list certification");
  });

  it("gives the day back when SES fails, so the schedule's retry sends it once", async () => {
    const { deps, mailer, digests } = setup();
    mailer.failNext = new Error("SES throttled");
    await expect(sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), deps)).rejects.toThrow(
      "SES throttled",
    );
    expect(digests.days.size).toBe(0);
    expect(digests.baseline).toBeUndefined();
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:01:00Z"), deps);
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:02:00Z"), deps);
    expect(mailer.sent).toHaveLength(1);
  });

  it("tells a step past its early deadline but still open as its warning risk does, never as overdue", () => {
    const { deps } = setup();
    const state = deps.applicants.state("a_ada");
    const registration = {
      dueBy: "2026-12-01T04:59:00.000Z",
      milestone: "nrmp_registration",
      title: "Register for the NRMP Main Residency Match",
      deadline: { et: "Mon 30 Nov 2026, 11:59 PM ET" },
    };
    const lateFee = {
      code: "NRMP_LATE_FEE",
      severity: "warning",
      message: "The NRMP early registration deadline passed: registering now costs a $50 late fee.",
      milestones: ["nrmp_registration"],
    };
    const plan = {
      matchYear: 2027,
      now: "2026-12-01T13:00:00.000Z",
      overdue: [registration],
      risks: [lateFee],
    } as unknown as Plan;
    const url = (id?: string) => `https://mp.example/console#/applicants/${id}`;
    // The risk already known as a warning before the deadline ("register before … to avoid the fee").
    const baseline = { a_ada: { risks: ["warning:NRMP_LATE_FEE"], overdue: [] } };
    const [entry] = digestEntries(baseline, [{ state, plan }], url);
    expect(entry?.overdue).toEqual([]);
    expect(entry?.risks).toEqual([
      {
        severity: "warning",
        title: "Not registered with NRMP after the early deadline: a late fee, and no ranking without it",
        message: expect.stringContaining(`plan tells them now: “${lateFee.message}”`),
      },
    ]);
    expect(entry?.risks[0]?.message).toMatch(/^Ada .* has not registered for the NRMP Match yet/);
    // A step no warning names is overdue as before.
    const missed = { ...registration, milestone: "eras_application", title: "Submit your ERAS application" };
    const withMissed = { ...plan, overdue: [missed] } as unknown as Plan;
    const [other] = digestEntries(baseline, [{ state, plan: withMissed }], url);
    // Named as the advisor names it, not with the applicant's "your".
    expect(other?.overdue).toEqual([{ title: "ERAS application", due: registration.deadline.et }]);
  });

  // "What Fatima Malik was told: …" while her reminders were paused.
  describe.each([
    {
      held: "paused",
      profile: { remindersPausedAt: "2026-09-02T10:00:00.000Z" },
      suppressed: false,
      why: "Reminders to Ada Okafor are paused in the console",
    },
    {
      held: "unsubscribed",
      profile: { unsubscribedAt: "2026-09-02T10:00:00.000Z" },
      suppressed: false,
      why: "Ada Okafor unsubscribed from reminders",
    },
    {
      held: "suppressed",
      profile: {},
      suppressed: true,
      why: "Ada Okafor's address is suppressed (an email bounced or drew a complaint)",
    },
  ])("while the applicant's reminders are held back ($held)", ({ profile, suppressed, why }) => {
    it("says the applicant has not been told, and why, instead of what they were told", async () => {
      const { deps, mailer, applicants } = setup();
      const state = applicants.state("a_ada");
      applicants.add({ ...state.profile, ...profile }, { milestones: state.milestones });
      if (suppressed) await applicants.suppress(state.profile.email, "bounce");
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), {
        ...deps,
        suppression: applicants,
      });
      const text = mailer.sent[0]?.text ?? "";
      expect(text).toContain("ERAS application not submitted while programs review");
      expect(text).not.toContain("was told");
      expect(text).toContain(`${why}, so Ada Okafor has not been told what their plan says now: “`);
    });
  });

  it("still quotes what the applicant's plan tells them when nothing holds their reminders back", async () => {
    const { deps, mailer, applicants } = setup();
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), { ...deps, suppression: applicants });
    expect(mailer.sent[0]?.text).toContain("What Ada Okafor's plan tells them now: “");
  });

  // An unreachable applicant with no open risk was never mentioned.
  describe("an applicant Matchpath cannot reach", () => {
    const CANNOT_REACH_BOUNCE =
      "Matchpath cannot reach Ada Okafor: an email to their address bounced, so Matchpath sends them nothing more; ask them for a new address.";

    it("is named once, in the first digest after the address was suppressed, even with nothing open", async () => {
      const { deps, mailer, digests, applicants } = setup();
      const withList = { ...deps, suppression: applicants };
      // 1 September: nothing open, the address fine: nothing to say.
      expect((await sendAdvisorDigest(ADVISOR, new Date("2026-09-01T13:00:00Z"), withList)).outcome).toBe(
        "nothing-new",
      );
      const email = applicants.state("a_ada").profile.email;
      await applicants.suppress(email, "bounce");
      const sent = await sendAdvisorDigest(ADVISOR, new Date("2026-09-02T13:00:00Z"), withList);
      expect(sent).toEqual({ outcome: "sent", applicants: 1, withNews: 1 });
      expect(mailer.sent[0]?.subject).toContain("1 applicant has news");
      expect(mailer.sent[0]?.text).toContain(`  - ${CANNOT_REACH_BOUNCE}`);
      expect(mailer.sent[0]?.html).toContain(
        "Matchpath cannot reach Ada Okafor: an email to their address bounced",
      );
      // The baseline keeps the reason's code only, never the address.
      expect(digests.baseline?.a_ada).toEqual({ risks: [], overdue: [], unreachable: "bounce" });
      expect(JSON.stringify(digests.baseline)).not.toContain(email);
      // Still unreachable the next day: not news again.
      expect((await sendAdvisorDigest(ADVISOR, new Date("2026-09-03T13:00:00Z"), withList)).outcome).toBe(
        "nothing-new",
      );
      expect(mailer.sent).toHaveLength(1);
    });

    it("is named again only when it changes: reachable again, then unreachable for another reason", async () => {
      const { deps, mailer, applicants } = setup();
      const withList = { ...deps, suppression: applicants };
      const email = applicants.state("a_ada").profile.email;
      await applicants.suppress(email, "bounce");
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-01T13:00:00Z"), withList);
      expect(mailer.sent[0]?.text).toContain(CANNOT_REACH_BOUNCE);
      // The address was lifted (a new one, say): reachable again is not news.
      applicants.suppressed.delete(email.toLowerCase());
      expect((await sendAdvisorDigest(ADVISOR, new Date("2026-09-02T13:00:00Z"), withList)).outcome).toBe(
        "nothing-new",
      );
      await applicants.suppress(email, "complaint");
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-03T13:00:00Z"), withList);
      expect(mailer.sent).toHaveLength(2);
      expect(mailer.sent[1]?.text).toContain(
        "Matchpath cannot reach Ada Okafor: an email to them was marked as spam, so Matchpath sends them nothing more; ask them for a new address.",
      );
    });

    it("says an applicant who unsubscribed cannot be reached, beside their risks, and not again with later news", async () => {
      const { deps, mailer, applicants } = setup();
      await applicants.unsubscribe("a_ada", new Date("2026-09-10T10:00:00Z"));
      const withList = { ...deps, suppression: applicants };
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), withList);
      const first = mailer.sent[0]?.text ?? "";
      expect(first).toContain(
        "Matchpath cannot reach Ada Okafor: they unsubscribed from Matchpath's emails; ask them for a new address or to subscribe again.",
      );
      expect(first).toContain("New warning risk: ERAS application not submitted while programs review");
      // The risk turns critical the next day: news, but the address line is not repeated.
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-24T13:00:00Z"), withList);
      expect(mailer.sent[1]?.text).toContain("New critical risk");
      expect(mailer.sent[1]?.text).not.toContain("cannot reach");
    });

    it("is not said of an applicant whose reminders are only paused", async () => {
      const { deps, mailer, applicants } = setup();
      const state = applicants.state("a_ada");
      applicants.add(
        { ...state.profile, remindersPausedAt: "2026-09-02T10:00:00.000Z" },
        { milestones: state.milestones },
      );
      await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), {
        ...deps,
        suppression: applicants,
      });
      expect(mailer.sent[0]?.text).not.toContain("cannot reach");
    });
  });

  it("never puts back an applicant erased while the digest was made", async () => {
    const { deps, mailer, digests, applicants } = setup();
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-01T13:00:00Z"), deps);
    expect(Object.keys(digests.baseline ?? {})).toEqual(["a_ada"]);
    // The digest loaded the applicant; the erase deletes them and takes the id out before it stores.
    digests.beforeFinish = () => {
      applicants.applicants.delete("a_ada");
      digests.forget("a_ada");
    };
    await sendAdvisorDigest(ADVISOR, new Date("2026-09-23T13:00:00Z"), deps);
    expect(mailer.sent).toHaveLength(1);
    expect(digests.baseline).toEqual({});
    expect(digests.days.get(`${ADVISOR}#2026-09-23`)?.status).toBe("sent");
  });
});
