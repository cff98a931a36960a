// Step of the post-build hook (post-build.mjs): minifies the JavaScript glue that wasm-bindgen
// writes (≈57 KB → 26 KB, 8.4 → 6.6 KB brotli) with terser from npm, and puts the new file's hash
// into the `integrity` of index.html's <link rel="modulepreload"> for it, so the browser still
// accepts it. The app's own sw.js is copied as written.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

export async function run(dir) {
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const glue = readdirSync(dir).filter((name) => /^zhicheng-yanlian-[0-9a-f]+\.js$/.test(name));
  if (glue.length !== 1) {
    throw new Error(`minify-js.mjs: expected one wasm-bindgen glue file in ${dir}, found ${glue.length}`);
  }
  const path = join(dir, glue[0]);
  const source = readFileSync(path, "utf8");
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
  const link = new RegExp(`(<link[^>]*href="\\./${glue[0].replace(".", "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) {
    throw new Error(`minify-js.mjs: index.html has no <link … href="./${glue[0]}" integrity=…>`);
  }
  html = html.replace(link, `$1${integrity}$2`);
  writeFileSync(indexPath, html);
  console.log(`minify-js.mjs: ${glue[0]} ${source.length} → ${code.length} bytes`);
}
