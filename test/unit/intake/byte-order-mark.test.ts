import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "#intake/json.ts";
import { loadMappingFile } from "#intake/mapping/registry.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { httpEvent } from "../functions/events.ts";
import { examplePath } from "./providers/support.ts";

/**
 * A JSON file saved by a Windows editor often starts with a byte order mark (U+FEFF); RFC 8259 §8.1
 * lets a parser ignore it, so every JSON door reads it as if it were not there. Mei (Taipei, 2028
 * Match) saves her snapshot in Notepad.
 */
const BOM = "\uFEFF";
const NOW = new Date("2026-12-05T02:00:00Z");
const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const snapshot = JSON.stringify({
  type: "applicant.snapshot",
  submissionId: "notepad-1",
  applicant: {
    externalId: "mei",
    email: "mei@example.org",
    fullName: "Mei Lin",
    timezone: "Asia/Taipei",
    matchYear: 2028,
    specialties: ["Family Medicine"],
    visa: "J-1",
    graduation: "2026-06-30",
    medicalSchool: { name: "Example Medical University", country: "TW", wdomsSponsorNote: true },
    programsPlanned: 70,
  },
  milestones: [{ key: "wdoms_listing", status: "done" }],
});

describe("a JSON text that starts with a byte order mark", () => {
  it("the webhook accepts it (202)", async () => {
    const store = new InMemoryApplicantStore();
    const api = createHttpApi({
      ...storePorts(store),
      clock: new FixedClock(NOW),
      webhookSecret: async () => WEBHOOK_SECRET,
      unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
      logger: new Logger({ logLevel: "SILENT" }),
    });
    const body = BOM + snapshot;
    const response = await api(
      httpEvent({
        method: "POST",
        path: "/intake/webhook",
        headers: { "content-type": "application/json", ...signedHeaders(WEBHOOK_SECRET, "msg_bom", body) },
        body,
      }),
    );
    expect(response.statusCode).toBe(202);
  });

  it("a provider's body reads as the same document", () => {
    expect(parseJsonText(BOM + snapshot, "the Tally body")).toEqual(JSON.parse(snapshot));
  });

  it("npm run plan plans it", () => {
    let err = "";
    const code = runPlanCli(["mei.json", "--now", NOW.toISOString()], {
      readFile: () => BOM + snapshot,
      now: () => NOW,
      out: () => undefined,
      err: (text) => {
        err += text;
      },
    });
    expect(err).toBe("");
    expect(code).toBe(0);
  });

  it("a form mapping file loads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "matchpath-bom-"));
    try {
      const file = join(dir, "mapping.json");
      await writeFile(file, BOM + (await readFile(examplePath("tally-progress-update.json"), "utf8")));
      await expect(loadMappingFile(file)).resolves.toMatchObject({ provider: "tally" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a mark anywhere but first is still not JSON", () => {
    expect(() => parseJsonText(`${BOM}${BOM}${snapshot}`, "The body")).toThrow("The body is not JSON");
  });
});
