import { describe, expect, it } from "vitest";
import { sharedAddresses } from "#domain/console/cohort-row.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken } from "#links/unsubscribe-token.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { unsubscribe } from "#usecases/unsubscribe.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "./fakes.ts";

/**
 * Two applicant records at one email address: Chidi Eze's form was sent twice under two
 * ids, once with his address capitalised. Both are planned and emailed; the suppression list is per
 * address, as SES's is, so the one-click unsubscribe in either record's email silences both (the
 * unsubscribe pages and the README say so), and the console marks the two rows (sharedAddresses).
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({ applicantId: "a_chidi_1", fullName: "Chidi Eze", email: "chidi.eze@example.org" }),
  );
  store.add(
    profileFactory({ applicantId: "a_chidi_2", fullName: "Chidi Eze", email: "Chidi.Eze@Example.org" }),
  );
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date("2026-09-17T08:00:00Z")),
    keys: { keyring: async () => keyring },
    planning: new FakePlanning({ eras_application: [reminderFactory()] }),
    unsubscribeUrl: async (applicantId: string) =>
      `https://api.example.org/unsubscribe?token=t-${applicantId}`,
  };
}

describe("one email address, two applicant records", () => {
  it("both are emailed until one unsubscribes; then neither is", async () => {
    const deps = setup();
    await expect(sendDueReminders("a_chidi_1", undefined, deps)).resolves.toMatchObject({ outcome: "sent" });
    await expect(sendDueReminders("a_chidi_2", undefined, deps)).resolves.toMatchObject({ outcome: "sent" });
    const token = createUnsubscribeToken(keyring, "a_chidi_1", new Date("2026-09-17T08:00:00Z"));
    await expect(unsubscribe(token, deps)).resolves.toMatchObject({ outcome: "unsubscribed" });
    deps.mailer.sent.length = 0;
    deps.clock.set(new Date("2026-09-24T08:00:00Z"));
    const planning = new FakePlanning({
      eras_application: [reminderFactory({ id: "eras:due-in-1d", sendAt: "2026-09-24T08:00:00.000Z" })],
    });
    for (const id of ["a_chidi_1", "a_chidi_2"])
      await expect(sendDueReminders(id, undefined, { ...deps, planning })).resolves.toMatchObject({
        outcome: "suppressed",
      });
    expect(deps.mailer.sent).toEqual([]);
  });

  it("the console's cohort marks both rows, whatever the case of the address", () => {
    const rows = [
      { applicantId: "a_chidi_1", fullName: "Chidi Eze", email: "chidi.eze@example.org" },
      { applicantId: "a_chidi_2", fullName: "Chidi N. Eze", email: "Chidi.Eze@Example.org" },
      { applicantId: "a_ada", fullName: "Ada Obi", email: "ada.obi@example.org" },
    ];
    const shared = sharedAddresses(rows);
    expect(shared.get("a_chidi_1")).toEqual(["Chidi N. Eze"]);
    expect(shared.get("a_chidi_2")).toEqual(["Chidi Eze"]);
    expect(shared.has("a_ada")).toBe(false);
  });
});
