// The page's bridge as an init script: page-bridge.ts and what it imports (the app's createBridge and
// contract, zod included) bundled for the browser at harness start-up, so the page runs the code the
// preload ships instead of a copy typed out for the harness.
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import type { PageBridgeConfig } from './page-bridge.js';

const ENTRY = fileURLToPath(new URL('./page-bridge.ts', import.meta.url));
const GLOBAL = '__promptpmHarnessBridge';

/** Bundles the page bridge once; the returned function makes the init script that installs it with `config`. */
export async function pageBridgeScript(): Promise<(config: PageBridgeConfig) => string> {
  const built = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: { write: false, minify: false, target: 'es2023', lib: { entry: ENTRY, formats: ['iife'], name: GLOBAL, fileName: 'page-bridge' } },
  })) as Rollup.RollupOutput[];
  const code = built[0]!.output[0].code;
  // The bundle declares its global with `var`: inside this function it stays out of the page's globals.
  return (config) => `(() => {\n${code}\n${GLOBAL}.installPageBridge(${JSON.stringify(config)});\n})();`;
}
