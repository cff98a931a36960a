// Step of the post-build hook (post-build.mjs), before the others: splits the program in two
// parts (ARCHITECTURE.md, "Size"). trunk has built and bound the whole program; this step takes
// cargo's own output again and
//   1. splits it with `wasm-split-cli` (crates.io `wasm_split_cli_support`, scripts/setup.sh) at the
//      split points of src/ui/lazy_pages.rs: the first screen's part and the pages' part;
//   2. binds the first part with `wasm-bindgen --keep-lld-exports` (the pages' part calls into it);
//   3. optimises both with `wasm-opt -Oz` (trunk's own run is off: data-wasm-opt="0"); with
//      KEEP_NAMES=1 in the environment it keeps the functions' names, for a readable profile in
//      the browser's performance panel (`KEEP_NAMES=1 trunk build --release --dist /tmp/named`);
//   4. puts them in place of trunk's files, under trunk's content-hashed name:
//        zhicheng-yanlian-<hash>_bg.wasm     the first screen (replaces trunk's)
//        zhicheng-yanlian-<hash>.js          its glue (replaces trunk's)
//        zhicheng-yanlian-<hash>_pages.wasm  every other page
//        zhicheng-yanlian-<hash>_parts.js    what loads it (written by wasm-split-cli)
//   5. names the pages' part in index.html (`<script type="application/json" id="app-parts">`),
//      for the service worker to keep it for offline use.
// The loader fetches the pages' part through `wasmFetch` (defined by index.html's loader,
// wasm-loader.mjs), so a server that does not compress gets its gzip copy too.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

export function run(dir) {
  const fail = (why) => {
    throw new Error(`split-wasm.mjs: ${why}`);
  };
  const sh = (command, args) => execFileSync(command, args, { stdio: ["ignore", "pipe", "inherit"] }).toString();
  const names = readdirSync(dir);
  const glue = names.filter((n) => /^zhicheng-yanlian-[0-9a-f]+\.js$/.test(n));
  if (glue.length !== 1) fail(`expected one glue .js in ${dir}, found ${glue.length}`);
  const stem = glue[0].replace(/\.js$/, "");
  if (!names.includes(`${stem}_bg.wasm`)) fail(`no ${stem}_bg.wasm in ${dir}`);

  const target = JSON.parse(sh("cargo", ["metadata", "--no-deps", "--format-version", "1"])).target_directory;
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  const input = join(target, "wasm32-unknown-unknown", profile, "zhicheng-yanlian.wasm");

  const work = mkdtempSync(join(tmpdir(), "split-wasm-"));
  try {
    sh("wasm-split-cli", ["--target", "web", "--out-name", stem, input, work]);
    const parts = readdirSync(work).filter((n) => /\.wasm$/.test(n) && n !== `${stem}.wasm`);
    if (parts.length !== 1 || parts[0] !== "split_pages.wasm") {
      fail(`expected the one part split_pages.wasm (src/ui/lazy_pages.rs), got: ${parts.join(", ") || "none"}`);
    }
    const bound = join(work, "bound");
    sh("wasm-bindgen", [
      "--target", "web", "--keep-lld-exports", "--no-typescript",
      "--out-dir", bound, "--out-name", stem, join(work, `${stem}.wasm`),
    ]);
    const first = join(dir, `${stem}_bg.wasm`);
    const pages = join(dir, `${stem}_pages.wasm`);
    const keepNames = process.env.KEEP_NAMES ? ["-g"] : [];
    sh("wasm-opt", ["-Oz", ...keepNames, ...FEATURES, join(bound, `${stem}_bg.wasm`), "-o", first]);
    sh("wasm-opt", ["-Oz", ...keepNames, ...FEATURES, join(work, "split_pages.wasm"), "-o", pages]);
    copyFileSync(join(bound, `${stem}.js`), join(dir, `${stem}.js`));

    // The loader: its part under the hashed name, fetched through index.html's wasmFetch.
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const fetchPart = 'fetch(new URL("./split_pages.wasm", import.meta.url))';
    if (!loader.includes(fetchPart)) fail("wasm-split-cli's loader no longer fetches its part as expected");
    loader = loader.replace(
      fetchPart,
      `globalThis.wasmFetch(new URL("./${stem}_pages.wasm", import.meta.url), new URL("./${stem}_pages.wz", import.meta.url))`,
    );
    writeFileSync(join(dir, `${stem}_parts.js`), loader);
    let glueCode = readFileSync(join(dir, `${stem}.js`), "utf8");
    // Only the file it is imported from: the wasm's import is still named "./__wasm_split.js".
    const imported = / from "\.\/__wasm_split\.js"/g;
    if (!imported.test(glueCode)) fail("the glue does not import the parts' loader");
    glueCode = glueCode.replace(imported, ` from "./${stem}_parts.js"`);
    writeFileSync(join(dir, `${stem}.js`), glueCode);

    const indexPath = join(dir, "index.html");
    let html = readFileSync(indexPath, "utf8");
    if (!html.includes("</head>")) fail("index.html has no </head>");
    html = html.replace(
      "</head>",
      `<link rel="modulepreload" href="./${stem}_parts.js">` +
        `<script type="application/json" id="app-parts">["./${stem}_pages.wasm","./${stem}_pages.wz"]</script></head>`,
    );
    writeFileSync(indexPath, html);
    const kb = (path) => (readFileSync(path).length / 1024).toFixed(1);
    console.log(`split-wasm.mjs: first screen ${kb(first)} KB, the other pages ${kb(pages)} KB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
