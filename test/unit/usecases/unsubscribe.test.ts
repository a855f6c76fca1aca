import { describe, expect, it } from "vitest";
import { createUnsubscribeToken } from "#email/unsubscribe-token.ts";
import { InvalidInputError } from "#errors";
import { unsubscribe } from "#usecases/unsubscribe.ts";
import { FixedClock, InMemoryApplicantStore, InMemoryEvents, profileFactory } from "./fakes.ts";

const secret = "s".repeat(40);

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  return {
    store,
    clock: new FixedClock(new Date("2026-09-18T00:00:00Z")),
    secret,
    events: new InMemoryEvents(),
  };
}

describe("unsubscribe", () => {
  it("unsubscribes the applicant named by a genuine token and suppresses the address", async () => {
    const deps = setup();
    const token = createUnsubscribeToken(secret, "a_ada", new Date("2026-09-17T00:00:00Z"));
    await expect(unsubscribe(token, deps)).resolves.toEqual({
      applicantId: "a_ada",
      outcome: "unsubscribed",
    });
    expect(deps.store.state("a_ada").profile.unsubscribedAt).toBe("2026-09-18T00:00:00.000Z");
    expect(deps.store.suppressed.get("ada@example.com")).toBe("unsubscribe");
    expect(deps.events.published).toMatchObject([
      { type: "EmailSuppressed", detail: { reason: "unsubscribe" } },
    ]);
  });

  it.each([
    ["missing", undefined],
    ["garbage", "abc"],
    ["signed with another secret", createUnsubscribeToken("x".repeat(40), "a_ada", new Date())],
  ])("refuses a %s token and writes nothing", async (_name, token) => {
    const deps = setup();
    await expect(unsubscribe(token, deps)).rejects.toBeInstanceOf(InvalidInputError);
    expect(deps.store.calls.unsubscribe).toBeUndefined();
  });

  it("counts an applicant already removed as done", async () => {
    const token = createUnsubscribeToken(secret, "a_gone", new Date());
    await expect(unsubscribe(token, setup())).resolves.toEqual({
      applicantId: "a_gone",
      outcome: "unknown-applicant",
    });
  });
});
