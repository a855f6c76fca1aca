import { googleForms } from "./google-forms/google-forms.ts";
import { jotform } from "./jotform/jotform.ts";
import { tally } from "./tally/tally.ts";
import { typeform } from "./typeform/typeform.ts";

/**
 * Every form provider Matchpath accepts, each on its own route `POST /intake/<name>`. This list is
 * the one place a provider is registered: the http-api's routes and configuration, the CDK stack's
 * secret parameters, the local stack's generated secrets and `npm start -- --help` derive from it.
 * A new provider is one folder beside this file (`<name>/`: its FormProvider in `<name>.ts`, its
 * example mappings in `forms/`, its guide in `GUIDE.md`) and one entry here.
 */
export const FORM_PROVIDERS = [typeform, tally, jotform, googleForms] as const;

/**
 * Each provider's folder of form mappings (its examples, and the forms a deployment connects),
 * relative to the repository root: the http-api reads them all (shipped beside its bundle in the
 * cloud), as does `npm run forms -- list`.
 */
export const MAPPING_FOLDERS: readonly string[] = FORM_PROVIDERS.map(
  (provider) => `shared/intake/providers/${provider.name}/forms`,
);

export type ProviderName = (typeof FORM_PROVIDERS)[number]["name"];

/** The providers' names, in the list's order. */
export const PROVIDERS: readonly ProviderName[] = FORM_PROVIDERS.map((provider) => provider.name);

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDERS as readonly string[]).includes(value);
}

export function providerNamed(name: ProviderName): (typeof FORM_PROVIDERS)[number] {
  const provider = FORM_PROVIDERS.find((candidate) => candidate.name === name);
  if (provider === undefined) throw new RangeError(`no form provider ${name}`);
  return provider;
}
