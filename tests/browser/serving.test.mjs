// How the app's files travel (issue 14, size): a server that compresses `.wasm` sends it
// compressed; a plain static server, which sends `.wasm` as it is, gets the gzip copy instead
// (about 40 % of the bytes), unpacked by the browser. Either way the app starts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startStaticServer } from "./support.mjs";

for (const compress of [true, false]) {
  test(`a server that ${compress ? "compresses" : "does not compress"} files: the app starts with the right copy`, async () => {
    const server = await startStaticServer(0, undefined, { compress });
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // A slow mobile connection (as Lighthouse's), so that what is dropped is dropped early.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const started = Date.now();
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor({ timeout: 60000 });
    const startMs = Date.now() - started;
    const wasmBytes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => /_bg\.(wasm|wz)$/.test(e.name))
        .map((e) => [e.name.split("_bg.")[1], e.transferSize, e.decodedBodySize]),
    );
    console.log(`${compress ? "brotli" : "plain"} server, 1.6 Mbit/s and 150 ms: overview shown after ${startMs} ms; wasm requests [kind, transferred, size] ${JSON.stringify(wasmBytes)}`);
    // What the page itself fetched (the service worker fetches every file again afterwards, for
    // offline use).
    const kinds = wasmBytes.map(([kind]) => kind);
    if (compress) {
      assert.deepEqual(kinds, ["wasm"]);
      assert.ok(wasmBytes[0][1] < 450 * 1024, JSON.stringify(wasmBytes));
    } else {
      // The .wasm is asked for, seen uncompressed and dropped after its headers; the copy is
      // what arrives.
      assert.deepEqual(kinds, ["wasm", "wz"]);
      assert.ok(wasmBytes[0][1] < 64 * 1024, JSON.stringify(wasmBytes));
      assert.ok(wasmBytes[1][1] < 600 * 1024, JSON.stringify(wasmBytes));
    }
    assert.deepEqual(errors, []);
    await browser.close();
    await server.close();
  });
}
