import type { FormMapping } from "#intake/mapping/schema.ts";
import type { FormIntake } from "./form-routes.ts";

/**
 * Mappings read from their folders once, on the first form request, and cached for the life of the
 * function instance; the mapping code is imported then too, so a cold start that serves no form
 * does not pay for it. A folder that fails to load fails every form request loudly (500, logged)
 * until it is fixed.
 */
export function formIntakeFromFolders(
  secrets: FormIntake["secrets"],
  folders: readonly string[],
): FormIntake {
  let registry: Promise<FormMapping[]> | undefined;
  return {
    secrets,
    async mappingFor(provider, formId) {
      registry ??= import("#intake/mapping/registry.ts")
        .then(({ loadMappingDirs }) => loadMappingDirs(folders))
        .then((found) => found.map((entry) => entry.mapping));
      return (await registry).find((mapping) => mapping.provider === provider && mapping.formId === formId);
    },
  };
}
