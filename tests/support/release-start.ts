// How the bench and the end-to-end tests start a built app the way `npm start`
// does (`bash scripts/release.sh start`: Node with the web server's heap
// bounded by WEB_HEAP_MB), without npm in between, so the spawned process is
// the app itself, and with the Node that runs them first on its PATH.
import path from "node:path";

export const RELEASE_START = ["bash", "scripts/release.sh", "start"] as const;

/** `env` with the running Node's directory first on PATH (release.sh starts `node`). */
export function releaseStartEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ""}` };
}
