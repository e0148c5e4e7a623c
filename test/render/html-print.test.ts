import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/html.js";
import { renderInput, type AgendaName } from "./render-fixtures.js";

// The booklet really prints: headless Chromium (Debian package `chromium`,
// installed by .ci/run) turns the page into an A4 PDF. Off CI a machine
// without Chromium skips this; on CI a missing Chromium is a failure.

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const onCi = process.env.CI === "true";
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "studyvisit-print-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function printToPdf(name: AgendaName): Promise<Buffer> {
  const dir = mkdtempSync(join(work, `${name}-`));
  const html = join(dir, "itinerary.html");
  const pdf = join(dir, "out.pdf");
  writeFileSync(html, renderHtml(renderInput(name)));
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  // execFile rejects on a non-zero exit or the timeout, which fails the test with Chromium's stderr.
  await run(
    CHROMIUM,
    [...flags, `--user-data-dir=${join(dir, "profile")}`, `--print-to-pdf=${pdf}`, pathToFileURL(html).href],
    { timeout: 90_000 },
  );
  return readFileSync(pdf);
}

/** Pages of the PDF, from its page tree's /Count (Chromium writes it uncompressed). */
function pageCount(pdf: Buffer): number {
  const counts = [...pdf.toString("latin1").matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}

describe.skipIf(!available && !onCi)("itinerary.html printed by headless Chromium", () => {
  it("finds Chromium (CI must install it: see .ci/run)", () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing`).toBe(true);
  });

  it("prints the Ljubljana booklet to a PDF: a page per day, then the contacts", { timeout: 120_000 }, async () => {
    const pdf = await printToPdf("ljubljana-2018");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  it("prints the hostile-text booklet too", { timeout: 120_000 }, async () => {
    const pdf = await printToPdf("hostile-2018");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
  });
});
