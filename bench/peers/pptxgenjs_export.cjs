// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PptxGenJS peer of the export benchmark: reads the same benchmark deck
// JSON that slidespec-cli exports and writes the same content with PptxGenJS
// (per slide: title, bullets, coloured card with a label, accent bar).
//   node pptxgenjs_export.cjs DECK.json OUT.pptx
"use strict";
const fs = require("fs");
const path = require("path");
const PptxGenJS = require(path.join(__dirname, "..", ".peers", "node_modules", "pptxgenjs"));

const [deckFile, outFile] = process.argv.slice(2);
const deck = JSON.parse(fs.readFileSync(deckFile, "utf8"));
const colors = deck.brand.colors;
const fonts = deck.brand.fonts;
const inch = (pt) => pt / 72;
const color = (ref, fallback) => {
  const c = ref && ref.startsWith("brand:") ? colors[ref.slice(6)] : ref;
  return (c || fallback).replace("#", "").slice(0, 6).toUpperCase();
};
const font = (ref) => (ref && ref.startsWith("brand:") ? fonts[ref.slice(6)].family : ref) || fonts.body.family;

const pres = new PptxGenJS();
const size = deck.size || { width: 960, height: 540 };
pres.defineLayout({ name: "DECK", width: inch(size.width), height: inch(size.height) });
pres.layout = "DECK";
pres.title = deck.title || "";

for (const s of deck.slides) {
  const slide = pres.addSlide();
  for (const e of s.elements) {
    const box = { x: inch(e.frame.x), y: inch(e.frame.y), w: inch(e.frame.w), h: inch(e.frame.h) };
    if (e.type === "shape") {
      const type = e.shape === "roundRect" ? pres.ShapeType.roundRect : pres.ShapeType.rect;
      slide.addShape(type, { ...box, fill: { color: color(e.fill, "#cccccc") },
                             rectRadius: e.cornerRadius ? inch(e.cornerRadius) : undefined });
    } else if (e.type === "text") {
      const st = e.text.style || {};
      const runs = e.text.paragraphs.map((p, i) => ({
        text: p.runs.map((r) => r.text).join(""),
        options: { bullet: p.list === "bullet", breakLine: i < e.text.paragraphs.length - 1,
                   paraSpaceAfter: p.spaceAfter || 0 },
      }));
      slide.addText(runs, { ...box, fontSize: st.size || 18, bold: !!st.bold, color: color(st.color, "#000000"),
                            fontFace: font(st.font), valign: "top", margin: 0 });
    }
  }
}

pres.writeFile({ fileName: outFile }).then(
  () => {},
  (err) => { console.error(err); process.exit(1); });
