// An SVG picture of a Cytoscape.js graph, drawn by us (ADR 5: the cytoscape-svg extension is GPL-3.0).
//
// It reads what the canvas shows through Cytoscape's public API — node positions, sizes and shapes, edge end
// points and control points, and each element's computed style (so filters and highlights come out as on
// screen) — and writes plain SVG in model coordinates, one unit per model pixel. It need not match the canvas
// pixel for pixel: shapes are the ones our stylesheet uses (others fall back to a rectangle), labels are wrapped
// the same way as the canvas wraps them, and lines are straight, quadratic curves or segments as drawn.
// Loaded by map-editor.js only when someone exports a picture.

const SVG_NS = "http://www.w3.org/2000/svg";

// ---- text ----------------------------------------------------------------------------------------------------

// XML 1.0 allows neither control characters (other than tab and new lines) nor unpaired surrogates.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value) {
  return String(value ?? "").replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

function n(value) {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

function attrs(map) {
  let out = "";
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined || value === null || value === false || value === "") continue;
    out += ` ${key}="${typeof value === "number" ? n(value) : escapeXml(value)}"`;
  }
  return out;
}

let measureContext = null;

function fontOf(ele) {
  const size = ele.numericStyle("font-size");
  return {
    size,
    family: ele.style("font-family"),
    weight: ele.style("font-weight"),
    style: ele.style("font-style"),
    color: ele.style("color"),
    opacity: ele.numericStyle("text-opacity"),
  };
}

function measurer(font) {
  measureContext ??= document.createElement("canvas").getContext("2d");
  measureContext.font = `${font.style} ${font.weight} ${font.size}px ${font.family}`;
  return (text) => measureContext.measureText(text).width;
}

// Breaks a label into lines like Cytoscape's "text-wrap: wrap": at new lines, then between words where a line
// would be wider than text-max-width (a single long word keeps a line of its own).
export function wrapLabel(text, maxWidth, measure) {
  const lines = [];
  for (const paragraph of String(text).split("\n")) {
    if (measure(paragraph) <= maxWidth) { lines.push(paragraph); continue; }
    let line = "";
    for (const word of paragraph.split(/[\s\u200b]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (!line || measure(candidate) <= maxWidth) line = candidate;
      else { lines.push(line); line = word; }
    }
    if (line) lines.push(line);
  }
  return lines;
}

function fontAttrs(font) {
  return {
    "font-family": font.family,
    "font-size": font.size,
    "font-weight": font.weight === "normal" ? undefined : font.weight,
    "font-style": font.style === "normal" ? undefined : font.style,
    fill: font.color,
    "fill-opacity": font.opacity < 1 ? font.opacity : undefined,
  };
}

// Lines of text centred on (x, y); dy="0.35em" puts each line's middle on its y in every SVG viewer.
function textBlock(lines, x, y, font, extra = {}) {
  const lineHeight = font.size;
  const top = y - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines.map((line, i) => `<tspan${attrs({ x, y: top + i * lineHeight, dy: "0.35em" })}>${escapeXml(line)}</tspan>`).join("");
  return `<text${attrs({ "text-anchor": "middle", ...fontAttrs(font), ...extra })}>${spans}</text>`;
}

// A label's background and border box (text-background-* and text-border-* styles), as the canvas draws it.
function labelBox(ele, width, height, x, y) {
  const bgOpacity = ele.numericStyle("text-background-opacity");
  const borderWidth = ele.numericStyle("text-border-width");
  const borderOpacity = ele.numericStyle("text-border-opacity");
  const fill = bgOpacity > 0, stroke = borderWidth > 0 && borderOpacity > 0;
  if (!fill && !stroke) return "";
  const pad = ele.numericStyle("text-background-padding");
  const shape = ele.style("text-background-shape");
  const w = width + 2 * pad, hgt = height + 2 * pad;
  const dash = { dotted: "1 1", dashed: "4 2" }[ele.style("text-border-style")];
  return `<rect${attrs({
    x: x - w / 2, y: y - hgt / 2, width: w, height: hgt,
    rx: shape === "round-rectangle" || shape === "roundrectangle" ? 2 : undefined,
    fill: fill ? ele.style("text-background-color") : "none",
    "fill-opacity": fill && bgOpacity < 1 ? bgOpacity : undefined,
    stroke: stroke ? ele.style("text-border-color") : undefined,
    "stroke-width": stroke ? borderWidth : undefined,
    "stroke-opacity": stroke && borderOpacity < 1 ? borderOpacity : undefined,
    "stroke-dasharray": stroke ? dash : undefined,
  })}/>`;
}

// One label (node or edge) at (x, y), turned by angle radians, with its box.
function label(ele, text, x, y, angle, wrapWidth) {
  if (!text) return "";
  const font = fontOf(ele);
  const measure = measurer(font);
  const lines = wrapWidth ? wrapLabel(text, wrapWidth, measure) : String(text).split("\n");
  const width = Math.max(0, ...lines.map((l) => Math.ceil(measure(l))));
  const height = lines.length * font.size;
  const box = labelBox(ele, width, height, x, y);
  const body = box + textBlock(lines, x, y, font);
  if (!angle) return body;
  return `<g${attrs({ transform: `rotate(${n((angle * 180) / Math.PI)} ${n(x)} ${n(y)})` })}>${body}</g>`;
}

// ---- nodes -------------------------------------------------------------------------------------------------

// Cytoscape's regular polygons: vertices on a unit circle (flat top for an even count), stretched to the box.
function regularPolygon(sides) {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts = Array.from({ length: sides }, (_, i) => [Math.cos(start + i * step), -Math.sin(start + i * step)]);
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs)), sy = 2 / (Math.max(...ys) - Math.min(...ys));
  return pts.map(([x, y]) => [x * sx, y * sy]);
}

const POLYGONS = {
  triangle: regularPolygon(3),
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  pentagon: regularPolygon(5),
  hexagon: regularPolygon(6),
  heptagon: regularPolygon(7),
  octagon: regularPolygon(8),
  rhomboid: [[-1, -1], [1 / 3, -1], [1, 1], [-1 / 3, 1]],
  "right-rhomboid": [[-1 / 3, -1], [1, -1], [1 / 3, 1], [-1, 1]],
};

function barrelPath(x, y, w, hgt) {
  const x0 = x - w / 2, x1 = x + w / 2, y0 = y - hgt / 2, y1 = y + hgt / 2;
  const dh = Math.min(15, 0.05 * hgt), dw = Math.min(100, 0.25 * w), c = 0.05 * dw;
  return `M${n(x0)},${n(y0 + dh)} L${n(x0)},${n(y1 - dh)} Q${n(x0 + c)},${n(y1)} ${n(x0 + dw)},${n(y1)} ` +
    `L${n(x1 - dw)},${n(y1)} Q${n(x1 - c)},${n(y1)} ${n(x1)},${n(y1 - dh)} L${n(x1)},${n(y0 + dh)} ` +
    `Q${n(x1 - c)},${n(y0)} ${n(x1 - dw)},${n(y0)} L${n(x0 + dw)},${n(y0)} Q${n(x0 + c)},${n(y0)} ${n(x0)},${n(y0 + dh)} Z`;
}

function nodeShape(shape, x, y, w, hgt, paint) {
  switch (shape) {
    case "ellipse":
      return `<ellipse${attrs({ cx: x, cy: y, rx: w / 2, ry: hgt / 2, ...paint })}/>`;
    case "barrel":
      return `<path${attrs({ d: barrelPath(x, y, w, hgt), ...paint })}/>`;
    case "round-rectangle": case "roundrectangle": {
      const r = Math.min(w / 4, hgt / 4, 8);
      return `<rect${attrs({ x: x - w / 2, y: y - hgt / 2, width: w, height: hgt, rx: r, ...paint })}/>`;
    }
    default: {
      const polygon = POLYGONS[shape];
      if (polygon) {
        const points = polygon.map(([px, py]) => `${n(x + (px * w) / 2)},${n(y + (py * hgt) / 2)}`).join(" ");
        return `<polygon${attrs({ points, ...paint })}/>`;
      }
      return `<rect${attrs({ x: x - w / 2, y: y - hgt / 2, width: w, height: hgt, ...paint })}/>`;
    }
  }
}

function drawNode(node) {
  const { x, y } = node.position();
  const w = node.width(), hgt = node.height();
  const bgOpacity = node.numericStyle("background-opacity");
  const borderWidth = node.numericStyle("border-width");
  const borderOpacity = node.numericStyle("border-opacity");
  const borderStyle = node.style("border-style");
  const paint = {
    fill: bgOpacity > 0 ? node.style("background-color") : "none",
    "fill-opacity": bgOpacity > 0 && bgOpacity < 1 ? bgOpacity : undefined,
    stroke: borderWidth > 0 ? node.style("border-color") : undefined,
    "stroke-width": borderWidth > 0 ? (borderStyle === "double" ? borderWidth / 3 : borderWidth) : undefined,
    "stroke-opacity": borderWidth > 0 && borderOpacity < 1 ? borderOpacity : undefined,
    "stroke-dasharray": borderWidth > 0
      ? borderStyle === "dashed" ? `${n(borderWidth * 3)} ${n(borderWidth * 2)}` : borderStyle === "dotted" ? `${n(borderWidth)} ${n(borderWidth)}` : undefined
      : undefined,
  };
  // Cytoscape draws a border centred on the shape's edge; a double border is two thin lines a border's width apart.
  let out = borderStyle === "double" && borderWidth > 0
    ? nodeShape(node.style("shape"), x, y, w + borderWidth * (2 / 3), hgt + borderWidth * (2 / 3), paint) +
      nodeShape(node.style("shape"), x, y, w - borderWidth * (2 / 3), hgt - borderWidth * (2 / 3), { ...paint, fill: "none", "fill-opacity": undefined })
    : nodeShape(node.style("shape"), x, y, w, hgt, paint);

  const text = node.style("label");
  if (text) {
    const font = fontOf(node);
    const wrapWidth = node.style("text-wrap") === "wrap" ? node.numericStyle("text-max-width") : 0;
    const lines = wrapWidth ? wrapLabel(text, wrapWidth, measurer(font)) : String(text).split("\n");
    const valign = node.style("text-valign"), halign = node.style("text-halign");
    const blockHeight = lines.length * font.size;
    const ly = valign === "top" ? y - hgt / 2 - blockHeight / 2 : valign === "bottom" ? y + hgt / 2 + blockHeight / 2 : y;
    const lx = halign === "left" ? x - w / 2 : halign === "right" ? x + w / 2 : x;
    out += label(node, text, lx, ly, 0, wrapWidth);
  }
  return group(node, out);
}

// ---- edges -------------------------------------------------------------------------------------------------

const sub = (a, b) => ({ x: a.x - b.x, y: a.y - b.y });
const len = (v) => Math.hypot(v.x, v.y);
const unit = (v) => { const l = len(v) || 1; return { x: v.x / l, y: v.y / l }; };
const moveTowards = (from, to, d) => { const u = unit(sub(to, from)); return { x: from.x + u.x * d, y: from.y + u.y * d }; };
const qAt = (p0, p1, p2, t) => ({
  x: (1 - t) * (1 - t) * p0.x + 2 * (1 - t) * t * p1.x + t * t * p2.x,
  y: (1 - t) * (1 - t) * p0.y + 2 * (1 - t) * t * p1.y + t * t * p2.y,
});

function arrowWidth(edge) {
  return Math.max(Math.pow(edge.numericStyle("width") * 13.37, 0.9), 29) * edge.numericStyle("arrow-scale");
}

// The path as drawn: a list of pieces, each a straight line [p0, p2] or a quadratic curve [p0, p1, p2].
function edgePieces(edge, start, end) {
  const curve = edge.style("curve-style");
  if (curve === "segments" || curve === "round-segments" || curve === "taxi" || curve === "round-taxi") {
    const pts = [start, ...(edge.segmentPoints() || []), end];
    return pts.slice(1).map((p, i) => [pts[i], p]);
  }
  const cps = (curve === "haystack" || curve === "straight" || curve === "straight-triangle") ? [] : edge.controlPoints() || [];
  if (cps.length === 0) return [[start, end]];
  // Several control points make a chain of quadratic curves that meet half way between control points.
  const pieces = [];
  let from = start;
  cps.forEach((cp, i) => {
    const to = i === cps.length - 1 ? end : { x: (cp.x + cps[i + 1].x) / 2, y: (cp.y + cps[i + 1].y) / 2 };
    pieces.push([from, cp, to]);
    from = to;
  });
  return pieces;
}

function piecesToPath(pieces) {
  let d = `M${n(pieces[0][0].x)},${n(pieces[0][0].y)}`;
  for (const piece of pieces) {
    const end = piece[piece.length - 1];
    d += piece.length === 3 ? ` Q${n(piece[1].x)},${n(piece[1].y)} ${n(end.x)},${n(end.y)}` : ` L${n(end.x)},${n(end.y)}`;
  }
  return d;
}

// Points along the path, every few units, to place labels by distance from an end and to find angles.
function samplePath(pieces) {
  const pts = [];
  for (const piece of pieces) {
    if (piece.length === 2) { if (!pts.length) pts.push(piece[0]); pts.push(piece[1]); continue; }
    const steps = 24;
    for (let i = pts.length ? 1 : 0; i <= steps; i++) pts.push(qAt(piece[0], piece[1], piece[2], i / steps));
  }
  return pts;
}

// The point `distance` along the sampled path from its start, and the direction there.
function along(pts, distance) {
  let walked = 0;
  for (let i = 1; i < pts.length; i++) {
    const step = len(sub(pts[i], pts[i - 1]));
    if (walked + step >= distance || i === pts.length - 1) {
      const t = step ? Math.min(1, Math.max(0, (distance - walked) / step)) : 0;
      return { x: pts[i - 1].x + (pts[i].x - pts[i - 1].x) * t, y: pts[i - 1].y + (pts[i].y - pts[i - 1].y) * t, dir: sub(pts[i], pts[i - 1]) };
    }
    walked += step;
  }
  return { ...pts[0], dir: { x: 1, y: 0 } };
}

// Keeps rotated text upright, as Cytoscape's autorotate does.
function uprightAngle(dir) {
  if (!dir.x && !dir.y) return 0;
  return dir.x === 0 ? Math.PI / 2 : Math.atan(dir.y / dir.x);
}

function rotationOf(edge, prefix, dir) {
  const value = edge.style(prefix ? `${prefix}-text-rotation` : "text-rotation");
  if (value === "autorotate") return uprightAngle(dir);
  const angle = parseFloat(value);
  return Number.isFinite(angle) ? (/deg/.test(value) ? (angle * Math.PI) / 180 : angle) : 0;
}

function arrowHead(edge, end, tip, towards) {
  const shape = edge.style(`${end}-arrow-shape`);
  if (!shape || shape === "none") return "";
  const size = arrowWidth(edge);
  const d = unit(sub(tip, towards)); // pointing into the node
  const base = { x: tip.x - d.x * 0.3 * size, y: tip.y - d.y * 0.3 * size };
  const side = { x: -d.y * 0.15 * size, y: d.x * 0.15 * size };
  const color = edge.style(`${end}-arrow-color`);
  const hollow = edge.style(`${end}-arrow-fill`) === "hollow";
  let points;
  if (shape === "vee") {
    const notch = { x: tip.x - d.x * 0.2 * size, y: tip.y - d.y * 0.2 * size };
    points = [tip, { x: base.x + side.x, y: base.y + side.y }, notch, { x: base.x - side.x, y: base.y - side.y }];
  } else {
    points = [tip, { x: base.x + side.x, y: base.y + side.y }, { x: base.x - side.x, y: base.y - side.y }];
  }
  return `<polygon${attrs({
    points: points.map((p) => `${n(p.x)},${n(p.y)}`).join(" "),
    fill: hollow ? "none" : color,
    stroke: hollow ? color : undefined,
    "stroke-width": hollow ? edge.numericStyle("width") : undefined,
  })}/>`;
}

function arrowGap(edge, end) {
  const shape = edge.style(`${end}-arrow-shape`);
  return !shape || shape === "none" ? 0 : edge.numericStyle("width") * edge.numericStyle("arrow-scale") * 2;
}

function drawEdge(edge) {
  const tipStart = edge.sourceEndpoint(), tipEnd = edge.targetEndpoint();
  if (!tipStart || !tipEnd || ![tipStart.x, tipStart.y, tipEnd.x, tipEnd.y].every(Number.isFinite)) return { line: "", labels: "" };
  // The line stops short of each arrow's tip (by the arrow's gap), towards the next point on the path.
  const raw = edgePieces(edge, tipStart, tipEnd);
  const first = raw[0], last = raw[raw.length - 1];
  const nextAfterStart = first[1];
  const beforeEnd = last.length === 3 ? last[1] : last[0];
  const start = moveTowards(tipStart, nextAfterStart, arrowGap(edge, "source"));
  const end = moveTowards(tipEnd, beforeEnd, arrowGap(edge, "target"));
  const pieces = edgePieces(edge, start, end);

  const width = edge.numericStyle("width");
  const lineStyle = edge.style("line-style");
  const dashPattern = String(edge.style("line-dash-pattern") || "6 3").replace(/px/g, "").trim().split(/[\s,]+/).map(Number).filter(Number.isFinite);
  const lineOpacity = edge.numericStyle("line-opacity");
  let line = `<path${attrs({
    d: piecesToPath(pieces), fill: "none", stroke: edge.style("line-color"), "stroke-width": width,
    "stroke-opacity": lineOpacity < 1 ? lineOpacity : undefined,
    "stroke-linecap": edge.style("line-cap") === "butt" ? undefined : edge.style("line-cap"),
    "stroke-dasharray": lineStyle === "dashed" ? dashPattern.map(n).join(" ") : lineStyle === "dotted" ? "1 1" : undefined,
  })}/>`;
  line += arrowHead(edge, "source", tipStart, nextAfterStart);
  line += arrowHead(edge, "target", tipEnd, beforeEnd);

  // Labels: the main one at the middle of the line, source and target ones at their offset from the ends.
  const pts = samplePath(pieces);
  let labels = "";
  const main = edge.style("label");
  if (main) {
    const mid = edge.midpoint();
    const total = pts.slice(1).reduce((sum, p, i) => sum + len(sub(p, pts[i])), 0);
    labels += label(edge, main, mid.x, mid.y, rotationOf(edge, "", along(pts, total / 2).dir), 0);
  }
  for (const prefix of ["source", "target"]) {
    const text = edge.style(`${prefix}-label`);
    if (!text) continue;
    const offset = edge.numericStyle(`${prefix}-text-offset`);
    const at = along(prefix === "source" ? pts : [...pts].reverse(), offset);
    labels += label(edge, text, at.x, at.y, rotationOf(edge, prefix, at.dir), 0);
  }
  return { line: group(edge, line), labels: labels ? group(edge, labels) : "" };
}

// ---- the picture ---------------------------------------------------------------------------------------------

function group(ele, body) {
  const opacity = ele.effectiveOpacity();
  return opacity < 1 ? `<g${attrs({ opacity })}>${body}</g>` : body;
}

function byZ(eles) {
  return eles.filter((e) => e.visible() && e.effectiveOpacity() > 0)
    .toArray().map((e, i) => ({ e, i, z: e.numericStyle("z-index") || 0 }))
    .sort((a, b) => a.z - b.z || a.i - b.i).map((x) => x.e);
}

/**
 * The graph as an SVG document (a string).
 * @param {object} cy a Cytoscape.js core
 * @param {{title: string, description?: string, margin?: number, background?: string}} options
 */
export function graphToSvg(cy, { title, description = "", margin = 24, background = "#ffffff" }) {
  const eles = cy.elements().filter((e) => e.visible());
  const bb = eles.nonempty() ? eles.boundingBox({ includeOverlays: false, includeUnderlays: false }) : { x1: 0, y1: 0, w: 0, h: 0 };
  const width = Math.ceil(bb.w + margin * 2), height = Math.ceil(bb.h + margin * 2);

  // Lines under nodes (Cytoscape's default order); line labels on top so that they stay readable.
  const edges = byZ(cy.edges()).map(drawEdge);
  const nodes = byZ(cy.nodes()).map(drawNode);
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg${attrs({ xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, role: "img" })}>\n` +
    `<title>${escapeXml(title)}</title>\n` +
    (description ? `<desc>${escapeXml(description)}</desc>\n` : "") +
    `<rect${attrs({ width, height, fill: background })}/>\n` +
    `<g${attrs({ transform: `translate(${n(margin - bb.x1)} ${n(margin - bb.y1)})` })}>\n` +
    `<g class="edges">${edges.map((e) => e.line).join("\n")}</g>\n` +
    `<g class="nodes">${nodes.join("\n")}</g>\n` +
    `<g class="edge-labels">${edges.map((e) => e.labels).join("\n")}</g>\n` +
    `</g>\n</svg>\n`;
}
