// Step of the post-build hook (post-build.mjs): for servers that send `.wasm` as it is (nginx's
// default gzip_types does not list application/wasm), writes a gzip copy of each wasm part beside
// it (`…_bg.wz`, `…_pages.wz`: an ending no server knows, so none adds a Content-Encoding of its
// own) and replaces trunk's loader in index.html with one whose `wasmFetch` asks for the `.wasm`,
// looks at the response's headers and, when the server did not compress it, drops it and fetches
// the copy instead, which the browser unpacks (DecompressionStream). A server that compresses, or
// a browser without DecompressionStream, gets the `.wasm` as before. The pages' part is fetched
// through the same `wasmFetch` (split-wasm.mjs). The wasm preload goes: the loader starts the
// fetch itself, before the JavaScript glue is imported.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export function run(dir) {
  const fail = (why) => {
    throw new Error(`wasm-loader.mjs: ${why}`);
  };
  const names = readdirSync(dir);
  const wasm = names.filter((n) => /^zhicheng-yanlian-[0-9a-f]+_bg\.wasm$/.test(n));
  const glue = names.filter((n) => /^zhicheng-yanlian-[0-9a-f]+\.js$/.test(n));
  if (wasm.length !== 1 || glue.length !== 1) fail(`expected one .wasm and one glue .js in ${dir}`);
  const packed = wasm[0].replace(/\.wasm$/, ".wz");
  const sizes = [];
  for (const part of names.filter((n) => /^zhicheng-yanlian-[0-9a-f]+_(bg|pages)\.wasm$/.test(n))) {
    const bytes = readFileSync(join(dir, part));
    const gzip = gzipSync(bytes, { level: 9 });
    writeFileSync(join(dir, part.replace(/\.wasm$/, ".wz")), gzip);
    sizes.push(`${part} ${bytes.length} → ${gzip.length} bytes`);
  }

  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const loader = /<script type="module">[\s\S]*?<\/script>/;
  if (!loader.test(html) || !html.includes(`'./${wasm[0]}'`)) fail("index.html has no trunk wasm loader to replace");
  const script = `<script type="module">
globalThis.wasmFetch = async (plain, packed) => {
  const stop = new AbortController();
  const response = await fetch(plain, { signal: stop.signal });
  const encoding = response.headers.get('content-encoding');
  if ((encoding && encoding !== 'identity') || typeof DecompressionStream !== 'function') return response;
  stop.abort();
  const copy = await fetch(packed).catch(() => null);
  if (!copy || !copy.ok) return fetch(plain);
  return new Response(copy.body.pipeThrough(new DecompressionStream('gzip')), { headers: { 'Content-Type': 'application/wasm' } });
};
const wasmResponse = wasmFetch('./${wasm[0]}', './${packed}');
const bindings = await import('./${glue[0]}');
const wasm = await bindings.default({ module_or_path: wasmResponse });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
  html = html.replace(loader, script);
  const preload = new RegExp(`<link rel="preload" href="\\./${wasm[0].replace(".", "\\.")}"[^>]*>`);
  if (!preload.test(html)) fail("index.html has no wasm preload to remove");
  html = html.replace(preload, "");
  writeFileSync(indexPath, html);
  console.log(`wasm-loader.mjs: gzip copies ${sizes.join(", ")}; loader replaced`);
}
