import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken } from "#links/unsubscribe-token.ts";
import { unsubscribe } from "#usecases/unsubscribe.ts";
import { FixedClock, InMemoryApplicantStore, InMemoryEvents, profileFactory, storePorts } from "./fakes.ts";

const keyring = parseKeyring(`k1=${"s".repeat(40)}`);

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  return {
    store,
    ...storePorts(store),
    clock: new FixedClock(new Date("2026-09-18T00:00:00Z")),
    keys: { keyring: async () => keyring },
    events: new InMemoryEvents(),
  };
}

describe("unsubscribe", () => {
  it("unsubscribes the applicant named by a genuine token and suppresses the address", async () => {
    const deps = setup();
    const token = createUnsubscribeToken(keyring, "a_ada", new Date("2026-09-17T00:00:00Z"));
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
    [
      "signed with another key",
      createUnsubscribeToken(parseKeyring(`k1=${"x".repeat(40)}`), "a_ada", new Date()),
    ],
  ])("refuses a %s token and writes nothing", async (_name, token) => {
    const deps = setup();
    await expect(unsubscribe(token, deps)).rejects.toBeInstanceOf(InvalidInputError);
    expect(deps.store.calls.unsubscribe).toBeUndefined();
  });

  it("reads the pre-keyring secret only for a pre-keyring token, so a stage without it still unsubscribes", async () => {
    const deps = setup();
    const missing = async (): Promise<string> => {
      throw new Error("SSM parameter /matchpath/prod/unsubscribe-secret is empty or missing");
    };
    const token = createUnsubscribeToken(keyring, "a_ada", new Date("2026-09-17T00:00:00Z"));
    await expect(
      unsubscribe(token, { ...deps, keys: { ...deps.keys, legacySecret: missing } }),
    ).resolves.toEqual({
      applicantId: "a_ada",
      outcome: "unsubscribed",
    });
  });

  it("counts an applicant already removed as done", async () => {
    const token = createUnsubscribeToken(keyring, "a_gone", new Date());
    await expect(unsubscribe(token, setup())).resolves.toEqual({
      applicantId: "a_gone",
      outcome: "unknown-applicant",
    });
  });
});
