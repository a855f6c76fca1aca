import { seasonCalendar } from "#domain/seasons/index.ts";
import type {
  ApplicantSnapshot,
  Interview,
  MilestoneEntry,
  MilestoneKey,
  MilestoneUpdate,
  Visa,
} from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";

/**
 * Seeded, reproducible applicants for one Match season (2027) and the timeline of what their forms
 * send: a first snapshot, milestone updates as they progress, interviews added as invitations come.
 * The mix follows the public shape of the IMG pool: mostly J-1 through ECFMG, a fifth H-1B, a few
 * with no visa need; students and graduates of many years; applicants in every inhabited zone.
 */

export const SEASON = {
  start: Date.parse("2026-03-01T00:00:00Z"),
  /** Match week ends 2027-03-19; the simulation runs to the end of March. */
  end: Date.parse("2027-03-31T23:59:59Z"),
  matchYear: 2027,
};

/** When NRMP ranking opens for SEASON's Match (the season calendar's date, noon ET). */
const RANKING_OPENS = seasonCalendar(SEASON.matchYear).dates.nrmp_rank_order_list_entry_opens.at;

/** mulberry32: a tiny seeded PRNG, so `--seed` reproduces a season exactly. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(random: () => number, table: Weighted<T>): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

const ZONES: Weighted<[string, string]> = [
  [["Asia/Kolkata", "IN"], 24],
  [["Asia/Karachi", "PK"], 10],
  [["Africa/Lagos", "NG"], 9],
  [["Africa/Cairo", "EG"], 5],
  [["Asia/Manila", "PH"], 5],
  [["Asia/Dhaka", "BD"], 4],
  [["Asia/Kathmandu", "NP"], 3],
  [["Asia/Dubai", "AE"], 3],
  [["America/New_York", "DM"], 8],
  [["America/Chicago", "MX"], 4],
  [["America/Los_Angeles", "IN"], 3],
  [["America/Sao_Paulo", "BR"], 3],
  [["America/Bogota", "CO"], 2],
  [["Europe/London", "GB"], 3],
  [["Europe/Berlin", "DE"], 2],
  [["Europe/Moscow", "RU"], 2],
  [["Asia/Tehran", "IR"], 2],
  [["Asia/Tokyo", "JP"], 1],
  [["Australia/Sydney", "AU"], 1],
  [["Pacific/Auckland", "NZ"], 1],
  [["Asia/Riyadh", "SA"], 2],
  [["Africa/Nairobi", "KE"], 2],
];

const VISAS: Weighted<Visa> = [
  ["J-1", 55],
  ["H-1B", 20],
  ["none", 15],
  ["undecided", 10],
];

const SPECIALTIES = [
  "Internal Medicine",
  "Family Medicine",
  "Pediatrics",
  "Psychiatry",
  "Neurology",
  "Pathology",
  "General Surgery",
  "Anesthesiology",
];

const PROGRAMS = [
  "Brookdale Internal Medicine",
  "Hennepin Family Medicine",
  "Cook County Pediatrics",
  "Wayne State Psychiatry",
  "SUNY Downstate Neurology",
  "UPMC Pathology",
  "Harlem Hospital Surgery",
  "Baylor Anesthesiology",
  "Einstein Internal Medicine",
  "Texas Tech Family Medicine",
];

const INTERVIEW_ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];

/** The milestones an applicant tracks, in the order they are usually cleared. */
const PATH: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "oet_medicine",
  "usmle_step2ck",
  "ecfmg_pathway",
  "usce",
  "lors",
  "cv",
  "personal_statement",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "ecfmg_certification",
  "rank_order_list",
];

/** One thing a form sends, at an instant of the season. */
export interface SeasonEvent {
  at: number;
  submission: ApplicantSnapshot | MilestoneUpdate;
}

export interface SimApplicant {
  index: number;
  externalId: string;
  zone: string;
  visa: Visa;
  student: boolean;
  events: SeasonEvent[];
  /** When the script marks each milestone done (ms), for "was it still open at its deadline". */
  doneAt: Partial<Record<MilestoneKey, number>>;
}

const DAY = 86_400_000;

/** Applicant `index` of the season seeded `seed`: the same pair always gives the same applicant. */
export function simApplicant(seed: number, index: number, run: string): SimApplicant {
  const random = rng((seed * 1_000_003 + index * 7919) >>> 0);
  const [zone, country] = pick(random, ZONES);
  const visa = pick(random, VISAS);
  const student = random() < 0.3;
  const externalId = `sim-${run}-${index}`;
  const graduation = student
    ? `2027-0${5 + Math.floor(random() * 2)}-15`
    : `${2016 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-15`;
  // Progress at first contact: how far along PATH the applicant already is.
  const progress = Math.floor(random() ** 1.3 * (PATH.length - 3));
  const intakeAt = SEASON.start + Math.floor(random() * 200) * DAY + Math.floor(random() * DAY);

  const milestones: MilestoneEntry[] = [];
  const doneAt: SimApplicant["doneAt"] = {};
  const open: MilestoneKey[] = [];
  PATH.forEach((key, position) => {
    if (position < progress) {
      milestones.push({
        key,
        status: "done",
        date: localDate(zone, intakeAt - (progress - position) * 40 * DAY),
      });
      doneAt[key] = intakeAt - (progress - position) * 40 * DAY;
    } else if (position === progress) {
      milestones.push({ key, status: random() < 0.5 ? "in_progress" : "not_started" });
      open.push(key);
    } else {
      milestones.push({ key, status: "not_started" });
      open.push(key);
    }
  });
  if (visa === "H-1B") {
    milestones.push({ key: "usmle_step3", status: random() < 0.3 ? "scheduled" : "not_started" });
    open.push("usmle_step3");
    milestones.push({ key: "visa_h1b", status: "not_started" });
  }
  if (visa === "J-1") milestones.push({ key: "visa_j1", status: "not_started" });
  milestones.push({ key: "budget", status: "in_progress" });
  // Scheduled exam dates for the first open exam, as applicants book them.
  const exam = milestones.find((entry) => entry.status !== "done" && entry.key.startsWith("usmle_"));
  if (exam && random() < 0.6) {
    exam.status = "scheduled";
    exam.date = localDate(zone, intakeAt + (30 + Math.floor(random() * 90)) * DAY);
  }

  const applicant = {
    externalId,
    email: `${externalId}@sim.example.org`,
    fullName: `Applicant ${index}`,
    timezone: zone,
    matchYear: SEASON.matchYear,
    specialties: [SPECIALTIES[index % SPECIALTIES.length] as string],
    visa,
    graduation,
    medicalSchool: { name: `Medical College ${index % 97}`, country, wdomsSponsorNote: random() < 0.95 },
    programsPlanned: 40 + Math.floor(random() * 120),
  };
  const events: SeasonEvent[] = [
    {
      at: intakeAt,
      submission: {
        type: "applicant.snapshot",
        submissionId: `${externalId}-intake`,
        applicant,
        milestones,
        interviews: [],
      },
    },
  ];

  // Progress through the season: each open milestone is finished at some point (some late, some
  // never), with an occasional "in progress" note first.
  let cursor = intakeAt;
  let updates = 0;
  for (const key of open) {
    cursor += (5 + Math.floor(random() * 35)) * DAY;
    // A list is certified in R3 only once ranking opens: one dated before is what the planner
    // answers at once with ROL_BEFORE_RANKING_OPENS, which no real applicant could send.
    if (key === "rank_order_list") cursor = Math.max(cursor, RANKING_OPENS + DAY);
    if (cursor > SEASON.end - 20 * DAY || random() < 0.12) break;
    if (random() < 0.35) {
      events.push({
        at: cursor - 3 * DAY,
        submission: update(externalId, `${externalId}-u${updates++}`, [{ key, status: "in_progress" }]),
      });
    }
    events.push({
      at: cursor,
      submission: update(externalId, `${externalId}-u${updates++}`, [
        // The day in her zone, as her form writes it: the intake refuses a done date after her own today.
        { key, status: "done", date: localDate(zone, cursor) },
      ]),
    });
    doneAt[key] = cursor;
  }

  // Interviews: applicants who reach the ERAS application get invitations from October to January,
  // each sent two to four weeks before the day.
  if (doneAt.eras_application !== undefined) {
    const count = Math.floor(random() * 11);
    for (let n = 0; n < count; n++) {
      const day = Date.parse("2026-10-12T00:00:00Z") + Math.floor(random() * 105) * DAY;
      const interviewZone = INTERVIEW_ZONES[Math.floor(random() * INTERVIEW_ZONES.length)] as string;
      const startsAt = new Date(day + (13 + Math.floor(random() * 5)) * 3_600_000).toISOString();
      const interview: Interview = {
        id: `${externalId}-iv${n}`,
        program: PROGRAMS[(index + n) % PROGRAMS.length] as string,
        startsAt,
        timezone: interviewZone,
        format: random() < 0.85 ? "virtual" : "in_person",
      };
      events.push({
        at: Math.max(intakeAt + DAY, day - (14 + Math.floor(random() * 14)) * DAY),
        submission: {
          ...update(externalId, `${externalId}-iv${n}`, [{ key: "eras_application", status: "done" }]),
          interviews: [interview],
        },
      });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return { index, externalId, zone, visa, student, events, doneAt };
}

function update(externalId: string, submissionId: string, milestones: MilestoneEntry[]): MilestoneUpdate {
  return { type: "milestone.update", submissionId, applicant: { externalId }, milestones };
}
