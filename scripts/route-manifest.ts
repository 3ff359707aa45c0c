/**
 * `npm run routes:manifest`: writes functions/api/route-manifest.generated.ts,
 * the method and path of every route by group, which the api's thin router
 * (functions/api/app.ts) matches before it loads a group. A unit test fails
 * when the file is out of step with the routes.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { manifestSource } from "./lib/route-manifest.ts";

const file = resolve(import.meta.dirname, "../functions/api/route-manifest.generated.ts");
writeFileSync(file, await manifestSource());
console.log(`wrote ${file}`);
