// Shared by the browser tests: a plain static file server for dist/ mounted at a sub-path (no
// rewrite rules, like the association's website), and Debian's chromium driven by Playwright.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync } from "node:zlib";
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
export const SUB_PATH = "/association/tools/zhicheng/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * Serves `root` (dist/ unless told) under SUB_PATH on 127.0.0.1 and the given port (0: any free
 * one); directories serve index.html. `compress: false` sends every file as it is, like a plain
 * static server whose settings do not list `application/wasm` (nginx's default `gzip_types`).
 */
export async function startStaticServer(port = 0, root = DIST, { compress = true } = {}) {
  if (!root.endsWith("/")) root += "/";
  const requests = [];
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end("not found");
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length));
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const path = normalize(join(root, relative));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(path)).isFile()) throw new Error("not a file");
      let body = await readFile(path);
      const headers = {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      };
      // Like any real web server, send text and wasm brotli-compressed when the browser asks.
      if (compress && /\bbr\b/.test(req.headers["accept-encoding"] ?? "") && /\.(html|js|wasm|css|svg)$/.test(path)) {
        body = compressed.get(path) ?? brotliCompressSync(body);
        compressed.set(path, body);
        headers["content-encoding"] = "br";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}${SUB_PATH}`,
    requests,
    // Like a server that is switched off: open keep-alive connections are cut too.
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * One static server and one browser for all the tests of a file, started before them and stopped
 * after: `useServerAndBrowser((started) => ({ server, browser } = started));`
 */
export function useServerAndBrowser(receive) {
  let started = {};
  before(async () => {
    started = { server: await startStaticServer(), browser: await launchBrowser() };
    receive(started);
  });
  after(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
}

/** Writes the photo fixtures (`cargo run --example make_photo_fixtures`) to a new folder. */
export function makePhotoFixtures() {
  const folder = mkdtempSync(join(tmpdir(), "photo-fixtures-"));
  execFileSync("cargo", ["run", "--quiet", "--example", "make_photo_fixtures", "--", folder], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return folder;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * The day the journeys happen on unless a test says otherwise: within the 2022 round's application
 * window, so today's round is the built-in 2022 plan that the journeys were written for. The app
 * picks the round from the date (rules_file::round_for); tests of that pass `today` themselves.
 */
export const JOURNEY_DAY = "2022-09-01T10:00:00+08:00";

/** Makes the pages of `context` see `day` as today (timers keep running). */
export async function setToday(context, day = JOURNEY_DAY) {
  await context.clock.setFixedTime(new Date(day));
}

/**
 * A fresh page (new profile: empty storage) that fails the test on any page error. `options.today`
 * (default JOURNEY_DAY; null for the machine's date) is the day the page sees.
 */
export async function openApp(browser, baseUrl, hash = "#/", options = {}) {
  const { today = JOURNEY_DAY, ...contextOptions } = options;
  const context = await browser.newContext({ locale: "zh-CN", ...contextOptions });
  if (today) await setToday(context, today);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(baseUrl + hash);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return { context, page, errors };
}
