import { ApiError } from "./api-error.ts";

/**
 * SSM GetParameter for SecureString parameters the advisor created before deploying (README,
 * "Create the secrets (once per stage)"): decrypted only when asked (WithDecryption),
 * ParameterNotFound otherwise.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html
 */
export class SsmStandIn {
  constructor(private readonly parameters: Readonly<Record<string, string>>) {}

  getParameter(name: string | undefined, withDecryption: boolean | undefined): unknown {
    const value = name === undefined ? undefined : this.parameters[name];
    if (name === undefined || value === undefined)
      throw new ApiError("ParameterNotFound", 400, `Parameter ${name} not found.`);
    return {
      Parameter: {
        Name: name,
        Type: "SecureString",
        Value: withDecryption ? value : "AQICAH-encrypted-blob",
        Version: 1,
      },
    };
  }
}
