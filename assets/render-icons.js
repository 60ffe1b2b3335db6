// Renders assets/src/*.svg to the PNG sizes the manifest uses (16/32/64/80, plus 128 for stores) with
// Chromium, Chrome or Edge (found as the browser tests find it). Run after editing an SVG: `npm run icons`;
// the PNGs are committed.
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80, 128];
require("tsx/cjs/api").register();
const { findBrowser } = require("../test/support/browserExecutable.ts");

async function main() {
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  const srcDir = path.join(__dirname, "src");
  for (const file of fs.readdirSync(srcDir).filter((f) => f.endsWith(".svg"))) {
    const svg = fs.readFileSync(path.join(srcDir, file), "utf8");
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      const out = path.join(__dirname, `${path.basename(file, ".svg")}-${size}.png`);
      await page.screenshot({
        path: out,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
    }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
