import { describe, expect, it } from "vitest";
import type { DeliveryOutcome, EmailFeedback, EmailLedger } from "#ports/email-feedback.ts";
import { recordEmailEvent } from "#usecases/record-email-event.ts";
import { InMemoryApplicantStore, InMemoryEvents, profileFactory } from "./fakes.ts";

/** The ledger's contract in memory: entries by applicant with their message ids, and the email lookup. */
class InMemoryLedger implements EmailLedger {
  readonly byEmail = new Map<string, string>();
  readonly entries: { applicantId: string; messageId: string; delivery?: DeliveryOutcome }[] = [];

  async applicantIdForEmail(email: string): Promise<string | undefined> {
    return this.byEmail.get(email.toLowerCase());
  }

  async recordDeliveryOutcome(applicantId: string, messageId: string, outcome: DeliveryOutcome) {
    const matching = this.entries.filter(
      (entry) => entry.applicantId === applicantId && entry.messageId === messageId,
    );
    for (const entry of matching) entry.delivery = outcome;
    return matching.length;
  }
}

const AT = new Date("2026-08-06T03:31:00Z");

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const ledger = new InMemoryLedger();
  ledger.byEmail.set("ada@example.com", "a_ada");
  ledger.entries.push(
    { applicantId: "a_ada", messageId: "m-1" },
    { applicantId: "a_ada", messageId: "m-1" },
    { applicantId: "a_ada", messageId: "m-0" },
  );
  return { store, suppression: store, ledger, events: new InMemoryEvents() };
}

function bounce(overrides: Partial<Extract<EmailFeedback, { kind: "bounce" }>> = {}): EmailFeedback {
  return {
    kind: "bounce",
    bounceType: "Permanent",
    recipients: ["Ada@Example.com"],
    messageId: "m-1",
    at: AT,
    ...overrides,
  };
}

describe("recordEmailEvent", () => {
  it.each([
    ["a permanent bounce", bounce(), "bounce", "bounced"],
    [
      "a complaint",
      { kind: "complaint", recipients: ["ada@example.com"], messageId: "m-1", at: AT } as EmailFeedback,
      "complaint",
      "complained",
    ],
  ])(
    "%s suppresses the address, marks that message's ledger entries and publishes EmailSuppressed",
    async (_name, feedback, reason, delivery) => {
      const deps = setup();

      const result = await recordEmailEvent(feedback, deps);

      expect(result).toEqual({ outcome: "suppressed", applicantIds: ["a_ada"], ledgerEntries: 2 });
      expect(await deps.store.isSuppressed("ada@example.com")).toBe(true);
      expect(deps.store.suppressed.get("ada@example.com")).toBe(reason);
      expect(deps.ledger.entries.map((entry) => entry.delivery)).toEqual([delivery, delivery, undefined]);
      expect(deps.events.published).toEqual([
        { type: "EmailSuppressed", applicantId: "a_ada", at: AT.toISOString(), detail: { reason } },
      ]);
    },
  );

  it("uses the applicant tag when the event carries one, without the address lookup", async () => {
    const deps = setup();
    deps.ledger.byEmail.clear();

    const result = await recordEmailEvent(bounce({ applicantId: "a_ada" }), deps);

    expect(result.applicantIds).toEqual(["a_ada"]);
    expect(result.ledgerEntries).toBe(2);
  });

  it("suppresses an address it cannot trace to anyone, and says so without an applicant", async () => {
    const deps = setup();

    const result = await recordEmailEvent(bounce({ recipients: ["stranger@example.org"] }), deps);

    expect(result).toEqual({ outcome: "suppressed", applicantIds: [], ledgerEntries: 0 });
    expect(await deps.store.isSuppressed("stranger@example.org")).toBe(true);
    expect(deps.events.published).toEqual([
      { type: "EmailSuppressed", at: AT.toISOString(), detail: { reason: "bounce" } },
    ]);
  });

  it.each([
    ["Transient", "soft-bounced"],
    ["Undetermined", "soft-bounced"],
  ] as const)(
    "a %s bounce is noted on the ledger; the address stays mailable",
    async (bounceType, delivery) => {
      const deps = setup();

      const result = await recordEmailEvent(bounce({ bounceType }), deps);

      expect(result.outcome).toBe("recorded");
      expect(deps.ledger.entries[0]?.delivery).toBe(delivery);
      expect(await deps.store.isSuppressed("ada@example.com")).toBe(false);
      expect(deps.events.published).toEqual([]);
    },
  );

  it("a rejection is noted on the tagged applicant's ledger, nothing suppressed", async () => {
    const deps = setup();

    const result = await recordEmailEvent(
      { kind: "reject", messageId: "m-1", applicantId: "a_ada", at: AT },
      deps,
    );

    expect(result).toEqual({ outcome: "recorded", applicantIds: ["a_ada"], ledgerEntries: 2 });
    expect(deps.ledger.entries[0]?.delivery).toBe("rejected");
    expect(deps.store.calls.suppress).toBeUndefined();
  });

  it("a delivery marks that message's ledger entries delivered, traced by the address, nothing suppressed or published", async () => {
    const deps = setup();

    const result = await recordEmailEvent(
      { kind: "delivery", recipients: ["ada@example.com"], messageId: "m-1", at: AT },
      deps,
    );

    expect(result).toEqual({ outcome: "recorded", applicantIds: ["a_ada"], ledgerEntries: 2 });
    expect(deps.ledger.entries.map((entry) => entry.delivery)).toEqual(["delivered", "delivered", undefined]);
    expect(deps.store.calls).toEqual({});
    expect(deps.events.published).toEqual([]);
  });

  it("sends, opens and the other events write nothing", async () => {
    const deps = setup();

    const result = await recordEmailEvent({ kind: "other", eventType: "Send", messageId: "m-1" }, deps);

    expect(result).toEqual({ outcome: "ignored", applicantIds: [], ledgerEntries: 0 });
    expect(deps.store.calls).toEqual({});
    expect(deps.ledger.entries.every((entry) => entry.delivery === undefined)).toBe(true);
    expect(deps.events.published).toEqual([]);
  });

  it("the same bounce delivered twice keeps one suppression and the same ledger marks", async () => {
    const deps = setup();

    await recordEmailEvent(bounce(), deps);
    await recordEmailEvent(bounce(), deps);

    expect([...deps.store.suppressed]).toEqual([["ada@example.com", "bounce"]]);
    expect(deps.ledger.entries.map((entry) => entry.delivery)).toEqual(["bounced", "bounced", undefined]);
  });

  it("a failing suppression write is rethrown before anything else happens, so the retry redoes it all", async () => {
    const deps = setup();
    deps.store.failNext.suppress = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });

    await expect(recordEmailEvent(bounce(), deps)).rejects.toThrow("Rate exceeded");
    expect(deps.ledger.entries.every((entry) => entry.delivery === undefined)).toBe(true);
    expect(deps.events.published).toEqual([]);
  });
});
