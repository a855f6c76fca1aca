import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fieldProblems } from "#domain/field-problems.ts";
import { InvalidInputError } from "#errors";
import { withoutByteOrderMark } from "#intake/json.ts";
import type { ProviderName } from "#intake/providers/common.ts";
import { type FormMapping, FormMappingSchema } from "./schema.ts";

/** Validates one mapping document; a bad one is an InvalidInputError naming each wrong path. */
export function parseMapping(document: unknown, origin = "mapping"): FormMapping {
  const result = FormMappingSchema.safeParse(document);
  if (result.success) return result.data;
  throw new InvalidInputError(`${origin} is not a valid form mapping`, fieldProblems(result.error));
}

export async function loadMappingFile(path: string): Promise<FormMapping> {
  const text = await readFile(path, "utf8");
  let document: unknown;
  try {
    document = JSON.parse(withoutByteOrderMark(text)) as unknown;
  } catch (cause) {
    throw new InvalidInputError(`${path} is not JSON`, [{ path: "(root)", message: "must be JSON" }], {
      cause,
    });
  }
  return parseMapping(document, path);
}

/** Every `*.json` mapping in a folder, validated, with the file each came from. */
export async function loadMappingDir(dir: string): Promise<{ file: string; mapping: FormMapping }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(
    names.map(async (name) => ({ file: join(dir, name), mapping: await loadMappingFile(join(dir, name)) })),
  );
}

/** Every mapping in the folders, in order; a folder that does not exist is an error. */
export async function loadMappingDirs(
  dirs: readonly string[],
): Promise<{ file: string; mapping: FormMapping }[]> {
  return (await Promise.all(dirs.map(loadMappingDir))).flat();
}

/** Lookup by (provider, form id); two mappings for one form are a configuration error, reported at load. */
export function mappingRegistry(
  mappings: readonly FormMapping[],
): (provider: ProviderName, formId: string) => FormMapping | undefined {
  const byKey = new Map<string, FormMapping>();
  for (const mapping of mappings) {
    const key = `${mapping.provider}\u0000${mapping.formId}`;
    if (byKey.has(key)) {
      throw new InvalidInputError("two form mappings connect the same form", [
        { path: "formId", message: `${mapping.provider} form ${mapping.formId} is mapped twice` },
      ]);
    }
    byKey.set(key, mapping);
  }
  return (provider, formId) => byKey.get(`${provider}\u0000${formId}`);
}
