import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Metafile, type Plugin } from "esbuild";

/**
 * How every Lambda's code is built: one ESM entry (`index.mjs`, handler
 * `index.handler`) plus chunks. With `splitting`, each `await import()` in
 * the code becomes a chunk that Node loads only when that line runs, so what
 * a request rarely needs (Excel files, presets, the OpenAPI document, S3
 * presigning) stays out of the function's init. The same options serve the
 * CDK asset (`node-function.ts`) and `npm run bench:init`.
 */

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(repoRoot, "package.json"));

/**
 * Zod's classic and core entries re-export every locale as a namespace (`z.locales`, `z.core.locales`)
 * (≈260 KB minified of ≈450), and a namespace cannot be tree-shaken. The
 * project sets its own zh/en messages (`errors/zod-issues.ts`, which imports
 * `en` and `zhCN` from `zod/locales`) and never reads `z.locales`, so in the
 * Lambda bundle `z.locales` holds only those two.
 */
const zodLocalesOnlyUsed: Plugin = {
  name: "zod-locales-only-used",
  setup(b) {
    const localesDir = join(dirname(require.resolve("zod/locales")), "../v4/locales");
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "zod-locales" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
      contents: `export { default as en } from "./en.js";\nexport { default as zhCN } from "./zh-CN.js";\n`,
      resolveDir: localesDir,
      loader: "js",
    }));
  },
};

/**
 * ElectroDB checks every model against a JSON schema with `jsonschema`, at
 * each `new Entity` and at each Service join (one per tenant's first
 * request): ≈120 ms of a cold start here, for definitions that never change
 * at run time. In the Lambda bundle a shallow stand-in answers instead: a
 * model is a plain object with the schema's required top-level keys (how
 * ElectroDB tells a model from an Entity instance). The full check still runs
 * wherever the source runs unbundled: every test, `npm start`, the scripts.
 */
const electrodbShallowModelCheck: Plugin = {
  name: "electrodb-shallow-model-check",
  setup(b) {
    b.onResolve({ filter: /^jsonschema$/ }, (args) =>
      /[\\/]electrodb[\\/]/.test(args.importer) ? { path: "jsonschema", namespace: "electrodb-jsonschema" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "electrodb-jsonschema" }, () => ({ contents: shallowValidator, loader: "js" }));
  },
};

const shallowValidator = `
class Validator {
  addSchema() {}
  validate(instance, schema) {
    const errors = [];
    const proto = instance !== null && typeof instance === "object" ? Object.getPrototypeOf(instance) : undefined;
    if (proto !== Object.prototype && proto !== null) errors.push({ property: "instance", message: "is not a plain object", argument: "" });
    else {
      const required = new Set(schema.required || []);
      for (const [key, property] of Object.entries(schema.properties || {})) if (property.required === true) required.add(key);
      for (const key of required) if (!(key in instance)) errors.push({ property: "instance", message: "requires property " + JSON.stringify(key), argument: "" });
    }
    return { valid: errors.length === 0, errors };
  }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };
`;

/** What every function runs with (its environment's NODE_OPTIONS); `npm run bench:init` imports the bundles with the same. */
export const LAMBDA_NODE_OPTIONS = "--enable-source-maps";

export const lambdaBuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: true,
  sourcemap: true,
  // Stack traces need only the mappings; without the sources the asset is half the size (≈4.5 MB, not 8.8).
  sourcesContent: false,
  mainFields: ["module", "main"],
  splitting: true,
  entryNames: "index",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  // Some dependencies still call require(); give each ESM file one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [zodLocalesOnlyUsed, electrodbShallowModelCheck],
  metafile: true,
  logLevel: "warning",
} satisfies BuildOptions;

/** Builds `entry` (relative to the repo root) into `outdir` (emptied first); returns esbuild's metafile. */
export async function bundleLambda(entry: string, outdir: string, options: BuildOptions = {}): Promise<Metafile> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({ ...lambdaBuildOptions, ...options, entryPoints: [join(repoRoot, entry)], outdir, absWorkingDir: repoRoot });
  if (!result.metafile) throw new Error("esbuild returned no metafile");
  return result.metafile;
}

/** Bytes of the `.mjs` files a fresh import of the entry loads (static imports only), and of all of them. */
export function bundleSizes(metafile: Metafile): { init: number; total: number; files: number } {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint && file.endsWith("index.mjs"));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !outputs[file]) return;
    seen.add(file);
    for (const imp of outputs[file]!.imports) if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
  };
  if (entry) visit(entry);
  const js = Object.keys(outputs).filter((file) => file.endsWith(".mjs"));
  const bytes = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + outputs[file]!.bytes, 0);
  return { init: bytes(seen), total: bytes(js), files: js.length };
}

// `node infra/bundle.ts <entry> <outdir>` (with tsx): the CDK asset's local bundling runs this in a child process,
// because CDK's local bundling is synchronous and esbuild plugins need its asynchronous API.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error("usage: tsx infra/bundle.ts <entry> <outdir>");
  await bundleLambda(entry, outdir);
}
