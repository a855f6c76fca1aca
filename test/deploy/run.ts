import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm run test:deploy [-- --stage <name>] [-- <vitest filters>]`: synthesizes the stage with the
 * CDK CLI (`cdk synth`, offline, esbuild bundles as `cdk deploy` would upload them), then runs the
 * deploy-shaped tests (test/deploy) on that cloud assembly.
 */
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`Usage: npm run test:deploy [-- --stage <name>] [-- <vitest filter>...]

Synthesizes the stage (default: prod, from cdk.json) with \`cdk synth\` into a temporary directory, then
runs test/deploy against it: every function's bundle with the template's environment, on DynamoDB Local
and stand-ins for Scheduler, SES v2, EventBridge and SSM that enforce the API references' limits, each
call checked against the calling function's IAM statements. Needs Java 17 (DynamoDB Local).`);
  process.exit(0);
}
const stageAt = args.indexOf("--stage");
const stage = stageAt >= 0 ? (args[stageAt + 1] ?? "prod") : "prod";
const filters = args.filter((_, index) => index !== stageAt && index !== stageAt + 1);
const out = mkdtempSync(join(tmpdir(), "matchpath-cdk-"));

console.log(`cdk synth -c stage=${stage} -o ${out}`);
const synth = spawnSync("npx", ["cdk", "synth", "-c", `stage=${stage}`, "--quiet", "-o", out], {
  stdio: "inherit",
});
if (synth.status !== 0) process.exit(synth.status ?? 1);

const test = spawnSync("npx", ["vitest", "run", "--config", "test/deploy/vitest.config.ts", ...filters], {
  stdio: "inherit",
  env: { ...process.env, MATCHPATH_DEPLOY_ASSEMBLY: out, MATCHPATH_DEPLOY_STACK: `Matchpath-${stage}` },
});
process.exit(test.status ?? 1);
