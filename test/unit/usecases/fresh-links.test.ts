import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { sendFreshLinks } from "#usecases/fresh-links.ts";
import { latestNotice } from "#usecases/resend-notice.ts";
import {
  CLAIM_STALE_AFTER_MS,
  recoverStaleClaims,
  retryAfterClaims,
} from "#usecases/send-due-reminders/claims.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryMailer,
  profileFactory,
  storePorts,
} from "./fakes.ts";

const keyring = parseKeyring(`k1=${"s".repeat(40)}`);

function setup(now: string) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ timezone: "Asia/Karachi" }));
  const mailer = new InMemoryMailer();
  const clock = new FixedClock(new Date(now));
  const deps = {
    ...storePorts(store),
    mailer,
    clock,
    links: async (profile: { applicantId: string }) =>
      applicantLinks({
        baseUrl: "https://api.example.org",
        keyring,
        applicantId: profile.applicantId,
        feedGeneration: 0,
        now: clock.now(),
      }),
  };
  return { store, mailer, clock, deps };
}

describe("sendFreshLinks", () => {
  it("allows one per the applicant's own day, recorded in the ledger as sent", async () => {
    // 23:30 in Karachi (UTC+5) on 1 Aug, then 00:30 on 2 Aug: a new day there, though not in UTC.
    const { store, mailer, clock, deps } = setup("2026-08-01T18:30:00Z");
    expect(await sendFreshLinks("a_ada", deps)).toMatchObject({ outcome: "sent" });
    expect(await sendFreshLinks("a_ada", deps)).toEqual({ outcome: "already-sent-today" });
    clock.set("2026-08-01T19:30:00Z");
    expect(await sendFreshLinks("a_ada", deps)).toMatchObject({ outcome: "sent" });
    expect(mailer.sent).toHaveLength(2);
    const ledger = (await store.loadApplicant("a_ada"))?.ledger ?? [];
    expect(ledger.map((entry) => [entry.reminderId, entry.status, entry.messageId])).toEqual([
      ["fresh-links:2026-08-01", "sent", "msg-1"],
      ["fresh-links:2026-08-02", "sent", "msg-2"],
    ]);
  });

  it("never mails a bounced address, and claims nothing for it", async () => {
    const { store, mailer, deps } = setup("2026-08-01T10:00:00Z");
    await store.suppress("ada@example.com", "bounce");
    expect(await sendFreshLinks("a_ada", deps)).toEqual({ outcome: "suppressed" });
    expect(mailer.sent).toEqual([]);
    expect((await store.loadApplicant("a_ada"))?.ledger).toEqual([]);
  });

  it("carries a plain-text part with the same links as the HTML, and no List-Unsubscribe (it was asked for)", async () => {
    const { mailer, deps } = setup("2026-08-01T10:00:00Z");
    await sendFreshLinks("a_ada", deps);
    const [email] = mailer.sent;
    const textLinks = (email?.text ?? "").match(/https:\/\/\S+/g) ?? [];
    const htmlLinks = [...(email?.html ?? "").matchAll(/href="(https:\/\/[^"]+)"/g)].map((m) =>
      (m[1] ?? "").replaceAll("&amp;", "&"),
    );
    expect(textLinks).toHaveLength(2);
    expect(htmlLinks).toEqual(textLinks);
    expect(email?.headers).toEqual([]);
    expect(email?.tags).toEqual({ applicantId: "a_ada", kind: "fresh-links" });
  });

  it("is not the latest notice an advisor's resend would send again", async () => {
    const { store, deps } = setup("2026-08-01T10:00:00Z");
    await sendFreshLinks("a_ada", deps);
    const state = await store.loadApplicant("a_ada");
    expect(state && latestNotice(state)).toBeUndefined();
  });
});

describe("a fresh-links claim is not a reminder's (the reminder function leaves it alone)", () => {
  const now = new Date("2026-08-01T10:00:00Z");
  const stateWith = (claimedAt: Date) => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory(), {
      ledger: [
        { reminderId: "fresh-links:2026-08-01", status: "claimed", claimedAt: claimedAt.toISOString() },
      ],
    });
    return store.state("a_ada");
  };

  it("a live one does not make a wake-up come back for it", () => {
    expect(retryAfterClaims(stateWith(new Date(now.getTime() - 60_000)), [], new Set(), now)).toBeUndefined();
  });

  it("a stale one (its sender died) is not re-planned at every wake-up to recover it", () => {
    let plans = 0;
    class CountingPlanning extends FakePlanning {
      override plan(...args: Parameters<FakePlanning["plan"]>) {
        plans += 1;
        return super.plan(...args);
      }
    }
    const state = stateWith(new Date(now.getTime() - CLAIM_STALE_AFTER_MS - 60_000));
    expect(recoverStaleClaims(state, [], now, new CountingPlanning({}))).toEqual([]);
    expect(plans).toBe(0);
  });
});
