import type { ApplicantSnapshot } from "#domain/snapshot.ts";
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
 * One applicant's season as the deployed functions run it, in memory: the snapshot stored as
 * `applicantId`, planned at `signUp` (ISO), then each wake-up fired in order while it is at or before
 * `until` (ISO), with the real planner and the sending use case. Returns every email sent and the
 * reminder ledger after the last wake-up.
 */
export async function emailsUntil(
  snapshot: ApplicantSnapshot,
  applicantId: string,
  signUp: string,
  until: string,
) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ ...snapshot.applicant, applicantId }), {
    milestones: snapshot.milestones,
    interviews: [],
  });
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(signUp)),
    planning: domainPlanning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
  await planApplicants([applicantId], deps);
  for (let at = deps.wakeUps.pending.get(applicantId); at && at.toISOString() <= until; ) {
    deps.wakeUps.pending.delete(applicantId);
    deps.clock.set(at);
    await sendDueReminders(applicantId, at, deps);
    at = deps.wakeUps.pending.get(applicantId);
  }
  return { emails: deps.mailer.sent, ledger: store.state(applicantId).ledger };
}
