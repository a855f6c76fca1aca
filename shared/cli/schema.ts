import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { ApplicantSnapshotSchema, MilestoneUpdateSchema } from "#domain/snapshot.ts";
import { snapshotReadmeBlock, withSnapshotBlock } from "./snapshot-readme.ts";

/**
 * Writes the JSON Schema of the public contracts into shared/schema/, for form integrators, and the
 * README's required fields and milestone keys from it (snapshot-readme.ts). The unit tests compare
 * the committed files and the README's block with a fresh generation, so they cannot drift.
 */

const SCHEMA_DIR = fileURLToPath(new URL("../schema/", import.meta.url));

function render(schema: z.core.$ZodType, id: string, title: string): string {
  // "input": what a sender may send (fields with defaults are optional), which is what integrators need.
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ $id: id, title, ...json }, null, 2)}\n`;
}

/** File name to content, for every generated schema. */
export function generateSchemas(): Record<string, string> {
  return {
    "applicant-snapshot.schema.json": render(
      ApplicantSnapshotSchema,
      "https://matchpath.dev/schema/applicant-snapshot.schema.json",
      "Matchpath applicant snapshot",
    ),
    "milestone-update.schema.json": render(
      MilestoneUpdateSchema,
      "https://matchpath.dev/schema/milestone-update.schema.json",
      "Matchpath milestone update",
    ),
  };
}

export const SCHEMA_DIRECTORY = SCHEMA_DIR;

/** The README, whose snapshot section lists the required fields and milestone keys. */
export const README_PATH = fileURLToPath(new URL("../../README.md", import.meta.url));

/** README.md as `npm run schema` writes it: its snapshot keys block regenerated. */
export function generatedReadme(readme: string): string {
  const schema = JSON.parse(generateSchemas()["applicant-snapshot.schema.json"] ?? "{}");
  return withSnapshotBlock(readme, snapshotReadmeBlock(schema));
}

function main(): void {
  for (const [name, content] of Object.entries(generateSchemas())) {
    writeFileSync(`${SCHEMA_DIR}${name}`, content);
    process.stdout.write(`wrote shared/schema/${name}\n`);
  }
  writeFileSync(README_PATH, generatedReadme(readFileSync(README_PATH, "utf8")));
  process.stdout.write("wrote README.md's snapshot keys\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
