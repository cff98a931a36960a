// trunk's one post_build hook. trunk starts the hooks of a stage at the same time, and these
// steps each rewrite index.html, so they run here one after the other on trunk's staging folder:
// split the program in its two parts, minify the JS glue (its integrity), write the wasm parts'
// gzip copies and the loader, then hash the inline scripts into the CSP.
import { run as splitWasm } from "./split-wasm.mjs";
import { run as minifyJs } from "./minify-js.mjs";
import { run as wasmLoader } from "./wasm-loader.mjs";
import { run as csp } from "./csp.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("post-build.mjs: TRUNK_STAGING_DIR is not set (run it as a trunk hook or pass the folder)");
  process.exit(1);
}
try {
  splitWasm(dir);
  await minifyJs(dir);
  wasmLoader(dir);
  csp(dir);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
