// The interactive maps (Cytoscape.js): a Learning Cycle's actor map and factor map, and a person's life map.
//
// Every <div data-map-editor="actor-map|factor-map|life-map" data-api="…" data-can-edit="true|false"> on the page
// becomes an editor, on first load and after each Blazor enhanced navigation. data-api is the base address of the
// map's endpoints (data-cycle-id="…" alone still works for the cycle maps); data-initial, when present, is the map
// as JSON, used instead of the first GET. The page also lists everything in tables (written on the server); the
// canvas is a picture on top of that, hidden from assistive technology, with a text summary and a polite status
// region beside it. What differs between maps is in the MAPS and ENTITIES tables below.
//
// Server contract (JSON, PascalCase enum strings, GUID ids, integer `version` as a concurrency token), with
// {api} = data-api:
//   actor and factor maps ({api} = /api/ui/cycles/{cycleId}):
//     GET  {api}/actor-map | factor-map                                 → the whole map
//     POST {api}/actors | relationships | factors | causal-links        → 201 + item
//     PUT  /api/ui/{actors|relationships|factors|causal-links}/{id}     whole item incl. version → 200 + item, 409 when stale
//     PUT  /api/ui/{actors|factors}/{id}/position {x, y}                → 204 (last change wins)
//     DELETE /api/ui/{…}/{id}                                           → 204 (a node takes its lines with it)
//     EventSource {api}/maps/{map}/events                               {entity, op, id, item?, by, clientId}
//   the life map ({api} = /api/ui/cases/{caseId}/life-map): the person is the centre, drawn from `centre.name`, not an item
//     GET  {api}                                                        → { centre: {name}, canEdit, elements, links }
//     POST {api}/elements | links                                       → 201 + item
//     PUT  {api}/elements/{id} | links/{id}                             whole item incl. version → 200 + item, 409 when stale
//     PUT  {api}/elements/{id}/position {x, y}                          → 204 (x, y relative to the person at 0, 0)
//     DELETE {api}/elements/{id} | links/{id}                           → 204
// Errors are RFC 9457 problem details, with field errors under `errors` (camelCase names).
import { loadLibraries } from "./libraries.js";

const clientId = makeClientId();
const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;

// ---- vocabulary -------------------------------------------------------------------------------------------

const ACTOR_KINDS = [["Person", "Person"], ["Organisation", "Organisation"], ["Team", "Team"], ["Community", "Community"]];
const ROLES = [
  ["Steward", "Steward"], ["LearningPartner", "Learning partner"], ["PersonServed", "Person served"],
  ["OpinionLeader", "Opinion leader"], ["CouldStopChange", "Could stop change"], ["HasEnergyForChange", "Has energy for change"],
];
const DIRECTIONS = [["Directed", "One way (arrow)"], ["Mutual", "Both ways"]];
const STRENGTHS = [["1", "1 – slight"], ["2", "2"], ["3", "3 – moderate"], ["4", "4"], ["5", "5 – strong"]];
const TRUST = [["Good", "Good (solid line)"], ["Mixed", "Mixed (dashed line)"], ["Low", "Low (dotted line)"], ["Unknown", "Unknown (grey line)"]];
const POLARITY = [["Same", "Same direction (+): more leads to more"], ["Opposite", "Opposite direction (−): more leads to less"]];
const CONFIDENCE = [["Low", "Low"], ["Medium", "Medium"], ["High", "High"]];
const RELATIONSHIP_SUGGESTIONS = ["funds", "refers to", "works with", "learns with", "reports to", "commissions", "supports", "advises", "listens to", "shares data with"];
const LIFE_KINDS = [["Person", "Person"], ["Organisation", "Organisation"], ["Factor", "Something else in their life (a factor)"]];
const EFFECTS = [["Helping", "Helping"], ["GettingInTheWay", "Getting in the way"], ["Both", "Both"], ["NotSure", "Not sure yet"]];
const CLOSENESS = [["1", "1 – closest (inner ring)"], ["2", "2 – middle ring"], ["3", "3 – further out (outer ring)"]];
const LIFE_POLARITY = [["", "Connected (no direction)"], ["Same", "More of one brings more of the other (+)"], ["Opposite", "More of one brings less of the other (−)"]];
const THEME_SUGGESTIONS = ["housing", "income", "benefits", "debt", "work", "health", "family", "friends", "safety", "mobility", "food", "learning"];
// The life map's rings, counted from the person outwards: by closeness (what people chose) or by kind.
const RING_MODES = [["closeness", "How close"], ["kind", "Kind"]];
const RING_NAMES = { closeness: ["Closest", "Middle", "Further out"], kind: ["People", "Organisations", "Factors"] };
const KIND_RINGS = { Person: 1, Organisation: 2, Factor: 3 };

const ENTITIES = {
  actor: {
    path: "actors", noun: "actor", node: true,
    fields: ["name", "kind", "description", "tags", "roles", "x", "y"],
  },
  relationship: {
    path: "relationships", noun: "relationship", node: false,
    fields: ["fromId", "toId", "kind", "direction", "strength", "trust", "notes", "since"],
  },
  factor: {
    path: "factors", noun: "factor", node: true,
    fields: ["name", "description", "tags", "evidenceUrl", "x", "y"],
  },
  "causal-link": {
    path: "causal-links", noun: "causal link", node: false,
    fields: ["fromId", "toId", "polarity", "delay", "confidence", "evidenceNote"],
  },
  element: {
    path: "elements", noun: "item", node: true,
    fields: ["name", "kind", "theme", "effect", "closeness", "note", "x", "y"],
  },
  "life-link": {
    path: "links", noun: "link", node: false,
    fields: ["fromId", "toId", "polarity", "note"],
  },
};

// What a new item starts with besides what its quick form asks for.
const BLANK = {
  actor: { description: "", tags: [], roles: [] },
  factor: { description: "", tags: [], evidenceUrl: null },
  element: { theme: null, note: null },
  relationship: { notes: "", since: null },
  "causal-link": { evidenceNote: "" },
  "life-link": { note: null },
};

// Where a cycle's maps live: {api} is /api/ui/cycles/{cycleId}; items are changed at /api/ui/{path}/{id}.
const cycleUrls = (map) => ({
  map: (api) => `${api}/${map}`,
  collection: (api, entity) => `${api}/${ENTITIES[entity].path}`,
  item: (api, entity, id) => `/api/ui/${ENTITIES[entity].path}/${encodeURIComponent(id)}`,
  events: (api) => `${api}/maps/${map}/events`,
});

const MAPS = {
  "actor-map": {
    node: "actor", edge: "relationship", nodesKey: "actors", edgesKey: "relationships",
    nodeWords: ["actor", "actors"], edgeWords: ["relationship", "relationships"], kinds: ACTOR_KINDS,
    title: "Actor map", tagWords: ["tag", "tags"], tagsOf: (item) => item.tags || [],
    notFound: "Could not load the map: this Learning Cycle was not found, or you are not a member of its network.",
    urls: cycleUrls("actor-map"),
  },
  "factor-map": {
    node: "factor", edge: "causal-link", nodesKey: "factors", edgesKey: "links",
    nodeWords: ["factor", "factors"], edgeWords: ["causal link", "causal links"], kinds: null,
    title: "Factor map", tagWords: ["tag", "tags"], tagsOf: (item) => item.tags || [],
    notFound: "Could not load the map: this Learning Cycle was not found, or you are not a member of its network.",
    urls: cycleUrls("factor-map"),
  },
  // A person's life: they are the centre (not an item), items sit on three rings around them ("radial").
  "life-map": {
    node: "element", edge: "life-link", nodesKey: "elements", edgesKey: "links",
    nodeWords: ["item", "items"], edgeWords: ["link", "links"], kinds: LIFE_KINDS, addLabel: "Add to the map",
    title: "Life map", tagWords: ["theme", "themes"], tagsOf: (item) => (item.theme ? [item.theme] : []),
    notFound: "Could not load the map: this case file was not found, or you cannot open it.",
    radial: true,
    urls: {
      map: (api) => api,
      collection: (api, entity) => `${api}/${ENTITIES[entity].path}`,
      item: (api, entity, id) => `${api}/${ENTITIES[entity].path}/${encodeURIComponent(id)}`,
      events: null,
    },
  },
};

const CENTRE = "__centre";

// ---- the libraries, loaded only on pages that have a map ----------------------------------------------------

const LIBRARIES = [
  "cytoscape/cytoscape.min.js",
  "layout-base/layout-base.js",
  "cose-base/cose-base.js",
  "cytoscape-fcose/cytoscape-fcose.js",
];

function loadEditorLibraries() {
  if (window.cytoscape && window.cytoscapeFcose) return Promise.resolve(window.cytoscape);
  return loadLibraries(...LIBRARIES).then(() => window.cytoscape);
}

// ---- small helpers -------------------------------------------------------------------------------------------

function makeClientId() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

let uid = 0;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function plural(n, [one, many]) { return `${n} ${n === 1 ? one : many}`; }

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function round1(n) { return Math.round(n * 10) / 10; }

function sameTags(a, b) { return JSON.stringify(a || []) === JSON.stringify(b || []); }

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Node sizes follow their wrapped names, so labels are never cut off.
const LABEL_FONT = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const LABEL_MAX = 132;
let measureCtx = null;

function measureLabel(text) {
  measureCtx ??= document.createElement("canvas").getContext("2d");
  measureCtx.font = LABEL_FONT;
  const words = String(text || "").split(/\s+/).filter(Boolean);
  const lines = [];
  let line = "";
  for (const word of words) {
    const tryLine = line ? `${line} ${word}` : word;
    if (measureCtx.measureText(tryLine).width <= LABEL_MAX || !line) line = tryLine;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  const widest = Math.max(0, ...lines.map((l) => Math.min(LABEL_MAX, measureCtx.measureText(l).width)));
  return { width: widest, lines: Math.max(1, lines.length) };
}

function nodeSize(name, shape) {
  const m = measureLabel(name);
  let w = m.width + 28, hgt = m.lines * 17 + 20;
  if (shape === "ellipse") { w = w * 1.22 + 8; hgt = hgt * 1.3 + 4; }
  else if (shape === "hexagon" || shape === "barrel") { w += 22; hgt += 6; }
  return { w: Math.round(Math.max(w, 72)), h: Math.round(Math.max(hgt, 40)) };
}

const KIND_SHAPES = { Person: "ellipse", Organisation: "rectangle", Team: "hexagon", Community: "barrel" };
const LIFE_SHAPES = { Person: "ellipse", Organisation: "rectangle", Factor: "hexagon" };

// ---- the graph's look ----------------------------------------------------------------------------------------
// Calm blues and purples from app.css. Nothing is coloured red/amber/green by meaning: trust is a line style.

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = "#1d2733", LINE = "#4d6278", FOCUS = "#ffbf47", BRAND = "#0b3d6e", HIGHLIGHT = "#0a58a8";

// How something acts on a person's life: a colour and, always with it, a line style (the line from the person and the
// item's border), so that nothing depends on telling colours apart. Blue, burnt orange, purple and grey: no traffic lights.
const EFFECT_LOOK = {
  Helping: { color: "#1f5f99", fill: "#e6f0fa", border: "solid", dash: null, words: "solid line" },
  GettingInTheWay: { color: "#9a4a12", fill: "#fbeee4", border: "dashed", dash: [9, 5], words: "dashed line" },
  Both: { color: "#6a4c9c", fill: "#f0ebf8", border: "double", dash: [12, 4, 2, 4], words: "dash-dot line, double border" },
  NotSure: { color: "#66727f", fill: "#f3f5f7", border: "dotted", dash: [0.1, 7], words: "dotted grey line" },
};

function graphStyle() {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)", "text-wrap": "wrap", "text-max-width": `${LABEL_MAX + 4}px`,
        "text-valign": "center", "text-halign": "center", "font-family": FONT, "font-size": 13, "font-weight": 600,
        color: INK, width: "data(w)", height: "data(h)", "background-color": "#e7eef6", "border-width": 1.5,
        "border-color": "#3c6e9e", shape: "round-rectangle", "min-zoomed-font-size": 6,
        "transition-property": "opacity", "transition-duration": 150, "overlay-opacity": 0,
      },
    },
    { selector: "node.kind-Person", style: { shape: "ellipse", "background-color": "#e7eef6", "border-color": "#3c6e9e" } },
    { selector: "node.kind-Organisation", style: { shape: "rectangle", "background-color": "#eceefa", "border-color": "#4f5a9e" } },
    { selector: "node.kind-Team", style: { shape: "hexagon", "background-color": "#e6f1f6", "border-color": "#2f6f8f" } },
    { selector: "node.kind-Community", style: { shape: "barrel", "background-color": "#f3eef9", "border-color": "#6b5a9e" } },
    { selector: "node.factor", style: { shape: "round-rectangle", "background-color": "#eef3fb", "border-color": "#3c6e9e" } },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier", width: "data(width)", "line-color": LINE, "target-arrow-color": LINE,
        "source-arrow-color": LINE, "arrow-scale": 1.1, "font-family": FONT, "font-size": 11, color: "#33404d",
        label: "data(label)", "text-background-color": "#ffffff", "text-background-opacity": 0.92,
        "text-background-padding": 2, "text-background-shape": "round-rectangle", "min-zoomed-font-size": 7,
        "overlay-opacity": 0, "transition-property": "opacity", "transition-duration": 150,
      },
    },
    { selector: "edge.directed", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge.mutual", style: { "target-arrow-shape": "triangle", "source-arrow-shape": "triangle" } },
    { selector: "edge.trust-Good", style: { "line-style": "solid" } },
    { selector: "edge.trust-Mixed", style: { "line-style": "dashed", "line-dash-pattern": [9, 5] } },
    { selector: "edge.trust-Low", style: { "line-style": "dashed", "line-dash-pattern": [0.1, 8], "line-cap": "round" } },
    { selector: "edge.trust-Unknown", style: { "line-color": "#a7b1bc", "target-arrow-color": "#a7b1bc", "source-arrow-color": "#a7b1bc" } },
    {
      // "+" or "−" in a small badge near the arrow head, upright whatever the line's angle.
      selector: "edge.link",
      style: {
        "target-arrow-shape": "triangle", label: "", "target-label": "data(sign)", "target-text-offset": 30,
        "target-text-rotation": "none", "font-size": 15, "font-weight": 700, color: BRAND,
        "text-background-color": "#ffffff", "text-background-opacity": 1, "text-background-padding": 3,
        "text-background-shape": "round-rectangle", "text-border-width": 1.5, "text-border-opacity": 1,
        "text-border-color": "#52677d", "line-color": "#52677d", "target-arrow-color": "#52677d",
      },
    },
    { selector: "edge.link.opposite", style: { "line-color": "#6b5a9e", "target-arrow-color": "#6b5a9e", "text-border-color": "#6b5a9e", color: "#4b3a7e" } },
    // A delay: "‖" across the middle of the line (the label turns with the line, so its bars cross it).
    { selector: "edge.link.delay", style: { label: "‖", "text-rotation": "autorotate" } },
    // The life map: the person at the centre, rings around them, a line from the person to each item in the item's effect style.
    { selector: "node.element", style: { "border-width": 2.5, "z-index": 10 } },
    { selector: "node.element.kind-Factor", style: { shape: "hexagon" } },
    ...Object.entries(EFFECT_LOOK).map(([effect, look]) => ({
      selector: `node.element.effect-${effect}`,
      style: { "background-color": look.fill, "border-color": look.color, "border-style": look.border, ...(look.border === "double" ? { "border-width": 5 } : {}) },
    })),
    {
      selector: "node.centre",
      style: { shape: "ellipse", "background-color": BRAND, "border-width": 0, color: "#ffffff", "font-size": 15, "font-weight": 700, events: "no", "z-index": 20 },
    },
    {
      selector: "node.ring",
      style: {
        shape: "ellipse", "background-opacity": 0, "border-width": 1.5, "border-style": "dashed", "border-color": "#b9c6d3",
        "text-valign": "top", "text-halign": "center", "font-size": 11, "font-weight": 600, color: "#4f5f70",
        "text-background-color": "#fbfcfe", "text-background-opacity": 1, "text-background-padding": 2, events: "no", "z-index": 0,
      },
    },
    { selector: "edge.spoke", style: { "curve-style": "straight", label: "", "target-arrow-shape": "none", "source-arrow-shape": "none", events: "no", "z-index": 0 } },
    ...Object.entries(EFFECT_LOOK).map(([effect, look]) => ({
      selector: `edge.spoke.effect-${effect}`,
      style: {
        "line-color": look.color, "line-style": look.dash ? "dashed" : "solid", ...(look.dash ? { "line-dash-pattern": look.dash } : {}),
        ...(effect === "NotSure" ? { "line-cap": "round", width: 3 } : {}),
      },
    })),
    { selector: "edge.link.plain", style: { "target-arrow-shape": "none", "target-label": "" } },
    { selector: "node:selected", style: { "underlay-color": FOCUS, "underlay-opacity": 0.6, "underlay-padding": 5, "border-width": 2.5, "border-color": BRAND } },
    { selector: "edge:selected", style: { "underlay-color": FOCUS, "underlay-opacity": 0.6, "underlay-padding": 4 } },
    { selector: "node.kind-Person:selected", style: { "underlay-shape": "ellipse" } },
    { selector: "node.connect-source", style: { "underlay-color": HIGHLIGHT, "underlay-opacity": 0.35, "underlay-padding": 9, "border-width": 3, "border-color": HIGHLIGHT } },
    { selector: ".filtered-out, .dim", style: { opacity: 0.16 } },
    { selector: "node.hl", style: { "border-width": 3, "border-color": HIGHLIGHT, "background-color": "#dbe8f7" } },
    { selector: "edge.hl", style: { "line-color": HIGHLIGHT, "target-arrow-color": HIGHLIGHT, "source-arrow-color": HIGHLIGHT, width: (e) => e.data("width") + 2, "z-index": 10 } },
  ];
}

// ---- talking to the server -----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
  }
}

function describeFailure(error, what) {
  if (!(error instanceof ApiError)) return `Could not ${what}: the server could not be reached. Check your connection and try again.`;
  switch (error.status) {
    case 401: return `Could not ${what}: your sign-in has ended. Reload the page to sign in again.`;
    case 403: return `Could not ${what}: you can view this map but not change it.`;
    case 404: return `Could not ${what}: it is no longer there (someone may have deleted it).`;
    default: {
      const p = error.problem;
      const detail = p.detail && p.detail !== p.title ? ` ${p.detail}` : "";
      return `Could not ${what}: ${p.title || `the server answered ${error.status}`}.${detail}`.replace("..", ".");
    }
  }
}

// ---- one editor ----------------------------------------------------------------------------------------------

class MapEditor {
  constructor(container) {
    this.container = container;
    this.map = container.getAttribute("data-map-editor");
    this.meta = MAPS[this.map];
    this.api = apiOf(container);
    this.canEdit = container.getAttribute("data-can-edit") === "true";
    this.key = keyOf(container);
    this.initial = container.getAttribute("data-initial");
    this.centreName = "";
    this.ringMode = this.meta.radial ? storedRingMode() : null;
    this.id = `map-editor-${++uid}`;
    this.abort = new AbortController();
    this.cy = null;
    this.undoStack = [];
    this.redoStack = [];
    this.alias = new Map(); // ids of items recreated by undo/redo: original id → current id
    this.filters = { tag: "", kind: "" };
    this.highlighted = null;
    this.connectFrom = null;
    this.mode = "idle"; // idle | connect-source | connect-target | form
    this.busy = false;
    this.pendingMoves = null;
    this.grabStart = new Map();
    this.announceQueue = [];
    this.disposed = false;
    this.buildShell();
    container.mapEditor = this; // for browser tests and debugging: container.mapEditor.cy is the graph
    this.start();
  }

  get alive() {
    return !this.disposed && this.container.isConnected && this.container.contains(this.root) && this.key === keyOf(this.container);
  }

  token() {
    return this.container.querySelector('input[name="__RequestVerificationToken"]')?.value || "";
  }

  async request(method, url, body) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") {
      headers.RequestVerificationToken = this.token();
      headers["X-Client-Id"] = clientId;
    }
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
      signal: this.abort.signal,
    });
    const text = response.status === 204 ? "" : await response.text();
    let data = null;
    if (text) { try { data = JSON.parse(text); } catch { data = null; } }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  entityUrl(entity, id) { return this.meta.urls.item(this.api, entity, id); }
  collectionUrl(entity) { return this.meta.urls.collection(this.api, entity); }
  mapUrl() { return this.meta.urls.map(this.api); }

  // The map's own items: every node and line but the person at the centre, the rings and the lines from the person.
  items() { return this.cy.nodes().not(".decor"); }
  lines() { return this.cy.edges().not(".decor"); }

  // ---- the page around the canvas ----

  buildShell() {
    const id = this.id;
    const btn = (label, onclick, extra = {}) => h("button", { type: "button", class: "btn btn-sm map-btn", onclick, ...extra }, label);
    this.buttons = {
      add: btn(this.addLabel, () => this.openAddForm(), { "data-edit-only": true }),
      connect: btn("Connect", () => this.startConnect(), { "data-edit-only": true, "aria-pressed": "false" }),
      edit: btn("Edit selected", () => this.openEditForm(), { "data-edit-only": true }),
      remove: btn("Delete selected", () => this.openDeleteConfirm(), { "data-edit-only": true }),
      undo: btn("Undo", () => this.undo(), { "data-edit-only": true, "aria-keyshortcuts": "Control+Z" }),
      redo: btn("Redo", () => this.redo(), { "data-edit-only": true, "aria-keyshortcuts": "Control+Shift+Z Control+Y" }),
      tidy: btn(this.meta.radial ? "Arrange in rings" : "Tidy layout", () => this.tidy(), { "data-edit-only": true }),
      fit: btn("Fit", () => this.fit()),
      zoomIn: btn("Zoom in", () => this.zoomBy(1.25)),
      zoomOut: btn("Zoom out", () => this.zoomBy(0.8)),
      png: btn("Export PNG", () => this.exportPng()),
      svg: btn("Export SVG", () => this.exportSvg()),
    };
    this.kindSelect = h("select", { id: `${id}-kind`, class: "form-select form-select-sm", onchange: () => { this.filters.kind = this.kindSelect.value; this.applyFilter(true); } },
      h("option", { value: "" }, "All kinds"), (this.meta.kinds || []).map(([v, t]) => h("option", { value: v }, v === "Factor" ? "Factor" : t)));
    this.tagSelect = h("select", { id: `${id}-tag`, class: "form-select form-select-sm", onchange: () => { this.filters.tag = this.tagSelect.value; this.applyFilter(true); } },
      h("option", { value: "" }, `All ${this.meta.tagWords[1]}`));
    // The life map's rings: by how close each item is to the person, or by kind. Choosing arranges the map (undoable).
    this.ringSelect = this.meta.radial
      ? h("select", { id: `${id}-rings`, class: "form-select form-select-sm", onchange: () => this.changeRings(this.ringSelect.value) },
        RING_MODES.map(([v, t]) => h("option", { value: v, selected: v === this.ringMode }, t)))
      : null;
    const b = this.buttons;
    const group = (label, ...items) => h("div", { class: "map-toolbar-group", role: "group", "aria-label": label }, items);
    this.toolbar = h("div", { class: "map-toolbar", role: "toolbar", "aria-label": `${this.meta.title} tools` },
      this.canEdit ? group("Change the map", b.add, b.connect, b.edit, b.remove) : null,
      this.canEdit ? group("History", b.undo, b.redo) : null,
      group("View", this.canEdit ? b.tidy : null,
        this.canEdit && this.ringSelect ? h("div", { class: "map-filter", "data-edit-only": true }, h("label", { for: `${id}-rings` }, "Rings by"), this.ringSelect) : null,
        b.fit, b.zoomIn, b.zoomOut),
      h("div", { class: "map-toolbar-group map-filters", role: "group", "aria-label": "Filter" },
        this.meta.kinds ? h("div", { class: "map-filter" }, h("label", { for: `${id}-kind` }, "Show kind"), this.kindSelect) : null,
        h("div", { class: "map-filter" }, h("label", { for: `${id}-tag` }, `Show ${this.meta.tagWords[0]}`), this.tagSelect)),
      group("Export", b.png, b.svg));
    // Keep toolbar keyboard use simple: every control is a normal tab stop.
    this.panel = h("div", { class: "map-panel", hidden: true });
    this.status = h("p", { class: "map-status", role: "status", "aria-live": "polite", id: `${id}-status` });
    this.staleNote = h("p", { class: "map-stale", hidden: true },
      "The tables below are out of date — ",
      h("a", { href: location.href, onclick: (e) => { e.preventDefault(); location.reload(); } }, "Refresh"));
    this.summary = h("p", { class: "map-summary", id: `${id}-summary` });
    this.canvas = h("div", { class: "map-canvas", "aria-hidden": "true" });
    this.loading = h("div", { class: "map-loading" }, h("span", { class: "spinner-border spinner-border-sm", "aria-hidden": "true" }), " Loading the map…");
    this.failure = h("div", { class: "map-failure", hidden: true });
    this.hint = h("p", { class: "map-hint", hidden: true });
    this.empty = h("p", { class: "map-empty", hidden: true, "aria-hidden": "true" });
    this.legend = this.buildLegend();
    this.root = h("div", { class: "map-editor", id, "data-map": this.map },
      this.toolbar, this.panel, h("div", { class: "map-messages" }, this.status, this.staleNote),
      this.summary, h("div", { class: "map-stage" }, this.canvas, this.empty, this.loading, this.failure, this.hint), this.legend);
    this.container.append(this.root);
    this.setBusyUi(true);

    const signal = this.abort.signal;
    this.root.addEventListener("keydown", (e) => this.onKey(e), { signal });
    document.addEventListener("keydown", (e) => this.onDocumentKey(e), { signal });
    document.addEventListener("pointerdown", (e) => { this.active = this.root.contains(e.target); }, { signal, capture: true });
    document.addEventListener("focusin", (e) => { this.active = this.root.contains(e.target); }, { signal });
    document.addEventListener("click", (e) => this.onDocumentClick(e), { signal });
  }

  buildLegend() {
    const item = (svg, text) => h("li", {}, svg, text);
    const svgNs = "http://www.w3.org/2000/svg";
    const icon = (markup) => {
      const s = document.createElementNS(svgNs, "svg");
      s.setAttribute("viewBox", "0 0 36 18");
      s.setAttribute("width", "36");
      s.setAttribute("height", "18");
      s.setAttribute("aria-hidden", "true");
      s.innerHTML = markup;
      return s;
    };
    const stroke = 'stroke="#4d6278" stroke-width="2.5" fill="none"';
    const node = 'fill="#e7eef6" stroke="#3c6e9e" stroke-width="1.5"';
    if (this.meta.radial) return this.buildLifeLegend(item, icon, node);
    const items = this.map === "actor-map"
      ? [
        item(icon(`<ellipse cx="18" cy="9" rx="14" ry="7" ${node}/>`), "Person"),
        item(icon(`<rect x="4" y="2" width="28" height="14" ${node}/>`), "Organisation"),
        item(icon(`<polygon points="4,9 10,2 26,2 32,9 26,16 10,16" ${node}/>`), "Team"),
        item(icon(`<path d="M6,2 H30 Q34,9 30,16 H6 Q2,9 6,2 Z" ${node}/>`), "Community"),
        item(icon(`<line x1="2" y1="9" x2="34" y2="9" ${stroke}/>`), "Good trust"),
        item(icon(`<line x1="2" y1="9" x2="34" y2="9" ${stroke} stroke-dasharray="7 4"/>`), "Mixed trust"),
        item(icon(`<line x1="2" y1="9" x2="34" y2="9" ${stroke} stroke-linecap="round" stroke-dasharray="0.1 5"/>`), "Low trust"),
        item(icon(`<line x1="2" y1="9" x2="34" y2="9" stroke="#a7b1bc" stroke-width="2.5"/>`), "Trust unknown"),
        h("li", {}, "Thicker line: stronger relationship. Arrow: one way; arrows at both ends: both ways."),
      ]
      : [
        item(icon(`<rect x="3" y="2" width="30" height="14" rx="4" ${node}/>`), "Factor"),
        h("li", {}, h("strong", {}, "+"), " near the arrow: changes in the same direction"),
        h("li", {}, h("strong", {}, "−"), " near the arrow: changes in the opposite direction"),
        h("li", {}, h("strong", {}, "‖"), " on a line: with a delay"),
        h("li", {}, "Thicker line: more confidence"),
      ];
    return h("ul", { class: "map-legend", "aria-label": "Key" }, items);
  }

  // The life map's key: each effect as a line from the person and a border (colour and style together), the shapes, the rings.
  buildLifeLegend(item, icon, node) {
    const effectIcon = (look) => {
      const dash = look.dash ? ` stroke-dasharray="${look.dash.join(" ")}"${look.border === "dotted" ? ' stroke-linecap="round"' : ""}` : "";
      const border = look.border === "double"
        ? `<rect x="21" y="3" width="13" height="12" rx="2" fill="${look.fill}" stroke="${look.color}" stroke-width="1.2"/><rect x="23.5" y="5.5" width="8" height="7" rx="1" fill="none" stroke="${look.color}" stroke-width="1.2"/>`
        : `<rect x="21" y="3" width="13" height="12" rx="2" fill="${look.fill}" stroke="${look.color}" stroke-width="2"${look.border === "dashed" ? ' stroke-dasharray="4 2"' : look.border === "dotted" ? ' stroke-dasharray="0.1 3" stroke-linecap="round"' : ""}/>`;
      return icon(`<line x1="1" y1="9" x2="20" y2="9" stroke="${look.color}" stroke-width="2.5"${dash}/>${border}`);
    };
    return h("ul", { class: "map-legend", "aria-label": "Key" },
      EFFECTS.map(([effect, words]) => item(effectIcon(EFFECT_LOOK[effect]), `${words} (${EFFECT_LOOK[effect].words})`)),
      item(icon(`<ellipse cx="18" cy="9" rx="14" ry="7" ${node}/>`), "Person"),
      item(icon(`<rect x="4" y="2" width="28" height="14" ${node}/>`), "Organisation"),
      item(icon(`<polygon points="4,9 10,2 26,2 32,9 26,16 10,16" ${node}/>`), "Factor"),
      h("li", {}, h("strong", {}, "+"), " / ", h("strong", {}, "−"), " near an arrow: more of one brings more / less of the other"),
      h("li", {}, "The person is in the middle; the inner ring is closest."));
  }

  get addLabel() { return this.meta.addLabel || `Add ${this.meta.nodeWords[0]}`; }

  setBusyUi(loading) {
    this.loading.hidden = !loading;
    this.root.classList.toggle("is-loading", loading);
    this.updateButtons();
  }

  updateButtons() {
    const b = this.buttons;
    const ready = !!this.cy && this.loading.hidden;
    const selected = ready ? this.cy.$(":selected") : null;
    for (const button of Object.values(b)) button.disabled = !ready;
    if (!ready) return;
    b.edit.disabled = b.remove.disabled = selected.length !== 1;
    b.undo.disabled = this.undoStack.length === 0 || this.busy;
    b.redo.disabled = this.redoStack.length === 0 || this.busy;
    const count = this.items().length;
    b.connect.disabled = count < 2;
    b.connect.setAttribute("aria-pressed", String(this.mode.startsWith("connect")));
    b.tidy.disabled = (this.meta.radial ? count < 1 : count < 2) || this.busy;
    if (this.ringSelect) this.ringSelect.disabled = this.busy;
    b.png.disabled = b.svg.disabled = count === 0;
    const label = (button, text, item) => { button.textContent = text; button.title = item ? `${text}: ${item}` : ""; };
    const name = selected.length === 1 ? this.describe(selected[0]) : "";
    label(b.edit, "Edit selected", name);
    label(b.remove, "Delete selected", name);
    b.undo.title = this.undoStack.length ? `Undo ${this.undoStack.at(-1).label}` : "";
    b.redo.title = this.redoStack.length ? `Redo ${this.redoStack.at(-1).label}` : "";
  }

  // ---- loading ----

  async start() {
    this.setBusyUi(true);
    this.status.classList.remove("visually-hidden");
    if (this.status.classList.contains("is-error")) this.status.textContent = "";
    this.failure.hidden = true;
    try {
      // The page may hand over the map it has just read (used once; "Try again" and reloads ask the server).
      const initial = this.takeInitial();
      const [cytoscape, data] = await Promise.all([loadEditorLibraries(), initial ?? this.request("GET", this.mapUrl())]);
      if (this.disposed) return;
      if (data && typeof data.canEdit === "boolean" && !data.canEdit && this.canEdit) this.canEdit = false;
      this.createGraph(cytoscape, data);
      this.setBusyUi(false);
      await this.placeUnplaced();
      this.connectEvents();
    } catch (error) {
      if (this.disposed || error.name === "AbortError") return;
      this.setBusyUi(false);
      this.loading.hidden = true;
      const message = error instanceof ApiError
        ? (error.status === 404 ? this.meta.notFound : describeFailure(error, "load the map"))
        : error.message?.startsWith("Could not load")
          ? "Could not load the map: its drawing library did not load. Check your connection and try again."
          : describeFailure(error, "load the map");
      this.failure.replaceChildren(h("p", { "aria-hidden": "true" }, message), h("button", { type: "button", class: "btn btn-sm btn-primary", onclick: () => this.start() }, "Try again"));
      this.failure.hidden = false;
      this.announceError(message);
      this.status.classList.add("visually-hidden"); // read out once; the message is on the canvas for the eye
    }
  }

  takeInitial() {
    const text = this.initial;
    this.initial = null;
    if (!text) return null;
    try { return JSON.parse(text); } catch { return null; }
  }

  createGraph(cytoscape, data) {
    this.cy?.destroy();
    this.root.classList.toggle("can-edit", this.canEdit);
    if (!this.canEdit) this.root.querySelectorAll("[data-edit-only]").forEach((el) => el.remove());
    const cy = cytoscape({
      container: this.canvas,
      elements: [],
      style: graphStyle(),
      layout: { name: "preset" },
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
      autoungrabify: !this.canEdit,
      textureOnViewport: false,
      pixelRatio: "auto",
    });
    this.cy = cy;
    this.setData(data);
    this.fitAll(false);

    // Cytoscape caches where its canvas is on the page; forms and messages opening above it move it.
    this.resizeObserver?.disconnect();
    this.resizeObserver = new ResizeObserver(() => this.cy?.resize());
    this.resizeObserver.observe(this.root);

    cy.on("select unselect", () => this.updateButtons());
    cy.on("mouseover", "node", () => { this.canvas.style.cursor = this.mode.startsWith("connect") ? "crosshair" : this.canEdit ? "grab" : "pointer"; });
    cy.on("mouseover", "edge", () => { this.canvas.style.cursor = "pointer"; });
    cy.on("mouseout", "node, edge", () => { this.canvas.style.cursor = ""; });
    cy.on("tap", (e) => this.onTap(e));
    cy.on("dbltap", "node, edge", (e) => { if (this.canEdit && this.mode === "idle") { this.selectOnly(e.target); this.openEditForm(); } });
    cy.on("grab", "node", (e) => { this.grabStart.set(e.target.id(), { ...e.target.position() }); });
    cy.on("dragfree", "node", (e) => this.onDragFree(e.target));
  }

  setData(data) {
    const cy = this.cy;
    const nodes = data?.[this.meta.nodesKey] || [];
    const edges = data?.[this.meta.edgesKey] || [];
    if (this.meta.radial) this.centreName = data?.centre?.name || "";
    cy.batch(() => {
      cy.elements().remove();
      cy.add(nodes.map((n) => this.nodeElement(n)));
      const ids = new Set(nodes.map((n) => n.id));
      cy.add(edges.filter((e) => ids.has(e.fromId) && ids.has(e.toId)).map((e) => this.edgeElement(e)));
    });
    this.afterChange();
  }

  nodeElement(item) {
    const entity = this.meta.node;
    const shape = entity === "actor" ? KIND_SHAPES[item.kind] || "ellipse" : entity === "element" ? LIFE_SHAPES[item.kind] || "ellipse" : "round-rectangle";
    const size = nodeSize(item.name, shape);
    const placed = Number.isFinite(item.x) && Number.isFinite(item.y);
    const classes = entity === "actor" ? `actor kind-${item.kind}` : entity === "element" ? `element kind-${item.kind} effect-${item.effect || "NotSure"}` : "factor";
    return {
      group: "nodes",
      data: { id: item.id, label: item.name, ...size, item, placed },
      classes,
      position: placed ? { x: item.x, y: item.y } : { x: 0, y: 0 },
    };
  }

  edgeElement(item) {
    if (this.meta.edge === "life-link") {
      const sign = item.polarity === "Opposite" ? "−" : item.polarity === "Same" ? "+" : "";
      return {
        group: "edges",
        data: { id: item.id, source: item.fromId, target: item.toId, label: "", sign, width: 2, item },
        classes: `link life ${item.polarity === "Opposite" ? "opposite" : item.polarity === "Same" ? "same" : "plain"}`,
      };
    }
    if (this.meta.edge === "relationship") {
      const strength = Math.min(5, Math.max(1, Number(item.strength) || 1));
      return {
        group: "edges",
        data: { id: item.id, source: item.fromId, target: item.toId, label: item.kind || "", width: 0.8 + strength * 0.9, item },
        classes: `rel ${item.direction === "Mutual" ? "mutual" : "directed"} trust-${item.trust || "Unknown"}`,
      };
    }
    const width = { Low: 1.6, Medium: 2.6, High: 3.8 }[item.confidence] || 2.6;
    return {
      group: "edges",
      data: { id: item.id, source: item.fromId, target: item.toId, label: "", sign: item.polarity === "Opposite" ? "−" : "+", width, item },
      classes: `link ${item.polarity === "Opposite" ? "opposite" : "same"}${item.delay ? " delay" : ""}`,
    };
  }

  // Adds or updates one item in the graph; returns what happened ("added", "moved", "changed", "same").
  upsert(entity, item) {
    const cy = this.cy;
    const existing = cy.getElementById(item.id);
    const isNode = ENTITIES[entity].node;
    if (existing.nonempty()) {
      const before = existing.data("item");
      if (isNode) {
        const { id: _id, ...data } = this.nodeElement(item).data;
        const el = { data, classes: this.nodeElement(item).classes };
        existing.data({ ...data, placed: true });
        existing.classes(el.classes);
        const moved = Number.isFinite(item.x) && (Math.abs(existing.position("x") - item.x) > 0.5 || Math.abs(existing.position("y") - item.y) > 0.5);
        if (moved && !existing.grabbed()) {
          if (reducedMotion()) existing.position({ x: item.x, y: item.y });
          else existing.animate({ position: { x: item.x, y: item.y } }, { duration: 300 });
        }
        const changed = ["name", "kind", "description", "evidenceUrl", "theme", "effect", "closeness", "note"].some((k) => before?.[k] !== item[k]) ||
          !sameTags(before?.tags, item.tags) || !sameTags(before?.roles, item.roles);
        return changed ? "changed" : moved ? "moved" : "same";
      }
      const el = this.edgeElement(item);
      if (existing.data("source") !== item.fromId || existing.data("target") !== item.toId) {
        if (cy.getElementById(item.fromId).empty() || cy.getElementById(item.toId).empty()) return "missing";
        existing.move({ source: item.fromId, target: item.toId });
      }
      const { id: _id, source: _s, target: _t, ...data } = el.data;
      existing.data(data);
      existing.classes(el.classes);
      return "changed";
    }
    if (isNode) {
      const el = this.nodeElement(item);
      if (!el.data.placed) el.position = this.meta.radial ? this.ringSpot(item, el.data) : this.freeSpot(el.data);
      cy.add(el);
      return "added";
    }
    if (cy.getElementById(item.fromId).empty() || cy.getElementById(item.toId).empty()) return "missing";
    cy.add(this.edgeElement(item));
    return "added";
  }

  // Text, tags, counts and filters follow every change to the graph.
  afterChange() {
    if (!this.cy) return;
    if (this.meta.radial) this.syncDecor();
    const n = this.items().length, e = this.lines().length;
    this.summary.textContent = (this.meta.radial ? `Around ${this.centreName || "the person"}: ` : "") + `${plural(n, this.meta.nodeWords)}, ${plural(e, this.meta.edgeWords)}.` + this.effectSummary() +
      (n === 0 ? (this.canEdit ? ` The map is empty: use “${this.addLabel}” to start it.` : " The map is empty.") : "");
    this.empty.hidden = n > 0;
    this.empty.textContent = `No ${this.meta.nodeWords[1]} yet.` + (this.canEdit ? ` Use “${this.addLabel}” to put the first one on the map.` : "");
    const tags = new Set();
    this.items().forEach((node) => this.meta.tagsOf(node.data("item")).forEach((t) => tags.add(t)));
    const current = this.filters.tag;
    const sorted = [...tags].sort((a, b) => a.localeCompare(b));
    if (current && !tags.has(current)) sorted.unshift(current);
    this.tagSelect.replaceChildren(h("option", { value: "" }, `All ${this.meta.tagWords[1]}`), ...sorted.map((t) => h("option", { value: t, selected: t === current }, t)));
    this.tagSelect.disabled = sorted.length === 0;
    this.applyFilter();
    if (this.highlighted) this.applyHighlight();
    this.updateButtons();
  }

  applyFilter(speak = false) {
    const { tag, kind } = this.filters;
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass("filtered-out");
      if (!tag && !kind) return;
      const out = this.items().filter((n) => {
        const item = n.data("item");
        return (tag && !this.meta.tagsOf(item).includes(tag)) || (kind && item.kind !== kind);
      });
      out.addClass("filtered-out");
      out.connectedEdges().addClass("filtered-out");
    });
    if (speak) {
      if (!tag && !kind) { this.announce("Showing everything."); return; }
      const shown = this.items().not(".filtered-out").length;
      this.announce(`Showing ${plural(shown, this.meta.nodeWords)} that match; the others are faded.`);
    }
  }

  // A place for a new node of the given size: the middle of what is on screen, spiralling out until it overlaps nothing.
  freeSpot(size = { w: 120, h: 50 }) {
    const ext = this.cy.extent();
    const cx = (ext.x1 + ext.x2) / 2, cy = (ext.y1 + ext.y2) / 2;
    const boxes = this.cy.nodes().not(".ring").map((n) => n.boundingBox());
    const gap = 24;
    let x = cx, y = cy;
    for (let i = 0; i < 200; i++) {
      const clear = boxes.every((b) => x + size.w / 2 + gap < b.x1 || x - size.w / 2 - gap > b.x2 || y + size.h / 2 + gap < b.y1 || y - size.h / 2 - gap > b.y2);
      if (clear) break;
      const angle = i * 0.9, radius = 40 + i * 9;
      x = cx + Math.cos(angle) * radius * 1.4;
      y = cy + Math.sin(angle) * radius * 0.8;
    }
    return { x: round1(x), y: round1(y) };
  }

  // Items without a saved position get an fcose layout around the ones that have one (all of them on a new map).
  async placeUnplaced() {
    const cy = this.cy;
    const unplaced = this.items().filter((n) => !n.data("placed"));
    if (unplaced.empty()) return;
    const placed = this.items().not(unplaced);
    if (this.meta.radial) {
      // Each on its ring, in the widest gap left by the ones already there.
      unplaced.forEach((n) => { n.position(this.ringSpot(n.data("item"), n.data(), n.id())); n.data("placed", true); });
      this.afterChange();
    } else if (this.items().length === 1) {
      unplaced.position({ x: 0, y: 0 });
    } else if (placed.empty()) {
      await this.runLayout({ randomize: true, animate: false });
    } else {
      unplaced.forEach((n) => {
        const near = n.neighborhood("node").filter((m) => m.data("placed"));
        const base = near.nonempty() ? near.boundingBox() : placed.boundingBox();
        n.position({ x: (base.x1 + base.x2) / 2 + (Math.random() - 0.5) * 80, y: (base.y1 + base.y2) / 2 + (Math.random() - 0.5) * 80 });
      });
      await this.runLayout({
        randomize: false, quality: "proof", animate: false,
        fixedNodeConstraint: placed.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
      });
    }
    this.fitAll(false);
    unplaced.data("placed", true);
    // Save where they landed so the map looks the same next time (quietly: this is not someone's edit).
    if (this.canEdit) {
      for (const n of unplaced) {
        const pos = n.position();
        this.request("PUT", `${this.entityUrl(this.meta.node, n.id())}/position`, { x: round1(pos.x), y: round1(pos.y) }).catch(() => { });
      }
    }
  }

  // ---- the life map's rings ----

  ringOf(item) {
    if (this.ringMode === "kind") return KIND_RINGS[item.kind] || 2;
    return Math.min(3, Math.max(1, Number(item.closeness) || 2));
  }

  // The three rings' radii: the first clear of the person, each next one a row of items further out, and each wide enough
  // for the items on it to fit around it.
  ringRadii() {
    const needed = [0, 0, 0];
    this.items().forEach((n) => { needed[this.ringOf(n.data("item")) - 1] += Math.max(n.data("w"), n.data("h")) + 28; });
    const centre = this.cy.getElementById(CENTRE);
    const core = centre.nonempty() ? Math.max(centre.data("w"), centre.data("h")) / 2 : 40;
    const radii = [];
    needed.forEach((length, i) => {
      const least = i === 0 ? core + 95 : radii[i - 1] + 115;
      radii.push(Math.ceil(Math.max(least, length / (2 * Math.PI)) / 10) * 10);
    });
    return radii;
  }

  // Which ring a point is nearest to (1–3).
  nearestRing(point, radii) {
    const d = Math.hypot(point.x, point.y);
    let best = 0;
    radii.forEach((r, i) => { if (Math.abs(d - r) < Math.abs(d - radii[best])) best = i; });
    return best + 1;
  }

  // A place on the item's ring, in the middle of the widest gap between the items already on it.
  ringSpot(item, _size, selfId = null) {
    const radii = this.ringRadii();
    const ring = this.ringOf(item);
    const r = radii[ring - 1];
    const angles = this.items().filter((n) => n.id() !== selfId && n.data("placed") !== false)
      .filter((n) => this.nearestRing(n.position(), radii) === ring)
      .map((n) => Math.atan2(n.position("y"), n.position("x")))
      .sort((a, b) => a - b);
    // The first on a ring goes to the side: the ring's name is written at its top.
    let angle = (ring - 1) * 0.4;
    if (angles.length === 1) angle = angles[0] + Math.PI;
    let widest = -1;
    if (angles.length > 1) {
      angles.forEach((a, i) => {
        const next = i === angles.length - 1 ? angles[0] + 2 * Math.PI : angles[i + 1];
        if (next - a > widest) { widest = next - a; angle = a + (next - a) / 2; }
      });
    }
    return { x: round1(r * Math.cos(angle)), y: round1(r * Math.sin(angle)) };
  }

  // The person at the centre, the three rings and a line from the person to each item, kept in step with the items.
  syncDecor() {
    const cy = this.cy;
    const names = RING_NAMES[this.ringMode] || RING_NAMES.closeness;
    const fixed = { locked: true, grabbable: false, selectable: false };
    cy.batch(() => {
      const label = this.centreName || "The person";
      const centre = cy.getElementById(CENTRE);
      if (centre.empty()) cy.add({ group: "nodes", data: { id: CENTRE, label, ...nodeSize(label, "ellipse") }, classes: "decor centre", position: { x: 0, y: 0 }, ...fixed });
      else centre.data({ label, ...nodeSize(label, "ellipse") });
      const radii = this.ringRadii();
      for (let ring = 1; ring <= 3; ring++) {
        const id = `__ring-${ring}`, d = 2 * radii[ring - 1];
        const el = cy.getElementById(id);
        if (el.empty()) cy.add({ group: "nodes", data: { id, label: names[ring - 1], w: d, h: d }, classes: "decor ring", position: { x: 0, y: 0 }, ...fixed });
        else el.data({ label: names[ring - 1], w: d, h: d });
      }
      const wanted = new Set();
      this.items().forEach((n) => {
        const id = `__spoke-${n.id()}`;
        wanted.add(id);
        const classes = `decor spoke effect-${n.data("item").effect || "NotSure"}`;
        const spoke = cy.getElementById(id);
        if (spoke.empty()) cy.add({ group: "edges", data: { id, source: CENTRE, target: n.id(), label: "", width: 2.5 }, classes, selectable: false });
        else spoke.classes(classes);
      });
      cy.edges(".spoke").filter((e) => !wanted.has(e.id())).remove();
    });
  }

  // "Around Pat: 3 helping, 2 getting in the way…" for the text summary beside the picture.
  effectSummary() {
    if (!this.meta.radial) return "";
    const counts = new Map();
    this.items().forEach((n) => { const e = n.data("item").effect || "NotSure"; counts.set(e, (counts.get(e) || 0) + 1); });
    const parts = EFFECTS.filter(([e]) => counts.get(e)).map(([e, words]) => `${counts.get(e)} ${words.toLowerCase()}`);
    return parts.length ? ` ${parts.join(", ")}.` : "";
  }

  // Every item on its ring, evenly spaced, in the order they already stand around the person, leaving the top of each ring
  // (where its name is written) between two items.
  arrangeInRings() {
    const radii = this.ringRadii();
    const rings = [[], [], []];
    this.items().forEach((n) => rings[this.ringOf(n.data("item")) - 1].push(n));
    const targets = new Map();
    rings.forEach((nodes, i) => {
      const r = radii[i], start = -Math.PI / 2 + Math.PI / Math.max(1, nodes.length);
      const turn = (n) => { const p = n.position(); return (((Math.atan2(p.y, p.x) - start) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI); };
      nodes.sort((a, b) => turn(a) - turn(b) || a.data("item").name.localeCompare(b.data("item").name));
      nodes.forEach((n, k) => {
        const a = start + (2 * Math.PI * k) / nodes.length;
        targets.set(n.id(), { x: round1(r * Math.cos(a)), y: round1(r * Math.sin(a)) });
      });
    });
    return new Promise((resolve) => {
      const layout = this.items().layout({
        name: "preset", positions: (n) => targets.get(n.id()), fit: false, animate: !reducedMotion(), animationDuration: 500,
      });
      layout.one("layoutstop", () => { this.fitAll(!reducedMotion()); resolve(); });
      layout.run();
    });
  }

  async changeRings(mode) {
    if (!RING_NAMES[mode]) return;
    this.ringMode = mode;
    try { localStorage.setItem("life-map-rings", mode); } catch { /* private mode: the choice lasts for this page */ }
    if (!this.cy) return;
    this.afterChange();
    await this.tidy();
  }

  runLayout(options) {
    return new Promise((resolve) => {
      const layout = this.cy.layout({
        name: "fcose", quality: "default", fit: true, padding: this.padding, animationDuration: 600,
        nodeRepulsion: () => 9000, idealEdgeLength: () => 130, edgeElasticity: () => 0.45, gravity: 0.3,
        nodeSeparation: 110, tilingPaddingVertical: 24, tilingPaddingHorizontal: 24, packComponents: false,
        ...options,
      });
      layout.one("layoutstop", () => resolve());
      layout.run();
    });
  }

  async reload({ quiet = true } = {}) {
    try {
      const data = await this.request("GET", this.mapUrl());
      if (!this.cy || this.disposed) return;
      const selected = this.cy.$(":selected").map((e) => e.id());
      const pan = this.cy.pan(), zoom = this.cy.zoom();
      this.setData(data);
      this.cy.viewport({ zoom, pan });
      await this.placeUnplaced();
      selected.forEach((id) => this.cy.getElementById(id).select());
      if (!quiet) this.announce("The map has been reloaded.");
    } catch (error) {
      if (error.name !== "AbortError") this.announce(describeFailure(error, "reload the map"));
    }
  }

  // ---- live changes from other people ----

  connectEvents() {
    if (!window.EventSource || this.disposed || !this.meta.urls.events) return;
    const url = this.meta.urls.events(this.api);
    const source = new EventSource(url);
    this.events = source;
    let hadError = false;
    source.onmessage = (e) => this.onEvent(e);
    source.onopen = () => {
      this.eventRetry = 0;
      if (hadError) { hadError = false; this.reload(); } // catch up on anything missed while away
    };
    source.onerror = () => {
      hadError = true;
      // The browser reconnects by itself unless the server refused the stream; then try again a little later.
      if (source.readyState === EventSource.CLOSED && !this.disposed) {
        const wait = Math.min(60_000, 5_000 * 2 ** (this.eventRetry = (this.eventRetry || 0) + 1));
        this.eventTimer = setTimeout(() => { if (!this.disposed) this.connectEvents(); }, wait);
      }
    };
  }

  onEvent(message) {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (!event || event.clientId === clientId || !this.cy) return;
    const { entity, op, id, item, by } = event;
    if (!ENTITIES[entity] || (entity !== this.meta.node && entity !== this.meta.edge)) return;
    const who = by || "Someone";
    const el = this.cy.getElementById(id);
    let text = null;
    if (op === "deleted") {
      if (el.empty()) return;
      text = `${who} removed ${this.describe(el)}`;
      if (this.connectFrom === id) this.cancelConnect();
      el.remove();
    } else if (op === "upserted" && item) {
      const result = this.upsert(entity, item);
      if (result === "missing") { this.reload(); return; }
      const now = this.cy.getElementById(item.id);
      const name = this.describe(now);
      text = result === "added" ? `${who} added ${name}` : result === "moved" ? `${who} moved ${name}` : result === "changed" ? `${who} changed ${name}` : null;
      if (result === "changed" || result === "added") this.markStale("remote");
    }
    if (op === "deleted") this.markStale("remote");
    this.afterChange();
    if (text) this.queueAnnouncement(who, text, op === "upserted" && text.startsWith(`${who} moved`));
  }

  // Several changes in a moment (a tidy-up, say) become one sentence.
  queueAnnouncement(who, text, isMove) {
    this.announceQueue.push({ who, text, isMove });
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const queue = this.announceQueue;
      this.announceQueue = [];
      if (queue.length <= 2) { this.announce(queue.map((q) => q.text).join(". ") + "."); return; }
      const people = [...new Set(queue.map((q) => q.who))];
      const whoText = people.length === 1 ? people[0] : `${people.slice(0, -1).join(", ")} and ${people.at(-1)}`;
      this.announce(queue.every((q) => q.isMove) ? `${whoText} rearranged the map.` : `${whoText} made ${queue.length} changes to the map.`);
    }, 700);
  }

  // ---- words for things ----

  nameOf(id) {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.data("item").name : "an item that has gone";
  }

  describe(el) {
    if (!el || el.empty?.()) return "";
    const item = el.data("item");
    if (el.isNode()) return item.name;
    const noun = this.meta.edge === "relationship" ? (item.kind ? `“${item.kind}”` : "the relationship") : "the link";
    return `${noun} from ${this.nameOf(item.fromId)} to ${this.nameOf(item.toId)}`;
  }

  describeItem(entity, item) {
    if (ENTITIES[entity].node) return item.name;
    const noun = entity === "relationship" ? (item.kind ? `“${item.kind}”` : "the relationship") : "the link";
    return `${noun} from ${this.nameOf(this.resolve(item.fromId))} to ${this.nameOf(this.resolve(item.toId))}`;
  }

  announce(text) {
    this.status.classList.remove("is-error");
    this.status.textContent = "";
    // A fresh text node each time so that the same words are read out again.
    requestAnimationFrame(() => { this.status.textContent = text; });
  }

  announceError(text) {
    this.announce(text);
    this.status.classList.add("is-error");
  }

  markStale(source) {
    this.staleNote.hidden = false;
    document.dispatchEvent(new CustomEvent("map:changed", { detail: { map: this.map, api: this.api, source } }));
  }

  // ---- pointer and keyboard ----

  onTap(e) {
    const target = e.target;
    if (this.mode === "connect-source" || this.mode === "connect-target") {
      if (target === this.cy || !target.isNode?.()) return;
      if (this.mode === "connect-source") {
        this.connectFrom = target.id();
        target.addClass("connect-source");
        this.mode = "connect-target";
        this.showHint(`From ${target.data("item").name}: now tap the ${this.meta.nodeWords[0]} it links to. Press Esc to stop.`);
      } else if (target.id() === this.connectFrom) {
        this.showHint(`Choose a different ${this.meta.nodeWords[0]} to link to, or press Esc to stop.`);
      } else {
        const from = this.connectFrom;
        this.cy.$(".connect-source").removeClass("connect-source");
        this.mode = "form";
        this.hint.hidden = true;
        this.openConnectForm(from, target.id());
      }
      setTimeout(() => this.cy?.elements().unselect(), 0);
    }
  }

  onKey(e) {
    if (e.key === "Escape") {
      if (this.mode.startsWith("connect")) { e.preventDefault(); this.cancelConnect(); this.buttons.connect.focus(); }
      else if (this.mode === "form") { e.preventDefault(); this.closePanel(); }
    }
  }

  onDocumentKey(e) {
    if (!this.canEdit || !this.cy || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const focus = document.activeElement;
    const inEditor = this.root.contains(focus) || ((!focus || focus === document.body) && this.active);
    if (!inEditor || (focus && focus.matches("input, textarea, select, [contenteditable]"))) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey) { e.preventDefault(); this.undo(); }
    else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); this.redo(); }
  }

  onDocumentClick(e) {
    const trigger = e.target.closest?.("[data-highlight-loop], [data-highlight-clear]");
    if (!trigger || !this.cy) return;
    if (trigger.hasAttribute("data-highlight-clear")) { this.clearHighlight(); return; }
    const ids = trigger.getAttribute("data-highlight-loop").split(",").map((s) => s.trim()).filter(Boolean);
    const edges = this.cy.edges().filter((edge) => ids.includes(edge.id()));
    if (edges.empty()) return;
    this.highlighted = ids;
    this.applyHighlight();
    const label = trigger.getAttribute("data-highlight-label");
    this.announce(`Highlighting ${label ? `“${label}”: ` : ""}${plural(edges.length, ["link", "links"])} between ${plural(edges.connectedNodes().length, this.meta.nodeWords)}.`);
    this.canvas.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "center" });
    this.cy.animate({ fit: { eles: edges.union(edges.connectedNodes()), padding: this.padding + 20 } }, { duration: reducedMotion() ? 0 : 400 });
    this.showClearHighlight(true);
  }

  applyHighlight() {
    const cy = this.cy;
    const ids = this.highlighted || [];
    cy.batch(() => {
      cy.elements().removeClass("dim hl");
      const edges = cy.edges().filter((edge) => ids.includes(edge.id()));
      const lit = edges.union(edges.connectedNodes());
      lit.addClass("hl");
      cy.elements().not(lit).addClass("dim");
    });
  }

  clearHighlight() {
    if (!this.highlighted || !this.cy) return;
    this.highlighted = null;
    this.cy.elements().removeClass("dim hl");
    this.showClearHighlight(false);
    this.announce("Highlight cleared.");
  }

  showClearHighlight(show) {
    this.clearButton?.remove();
    this.clearButton = null;
    if (show) {
      this.clearButton = h("button", { type: "button", class: "btn btn-sm map-btn map-clear", onclick: () => { this.clearHighlight(); this.buttons.fit.focus(); } }, "Clear highlight");
      this.status.after(this.clearButton);
    }
  }

  selectOnly(el) {
    this.cy.elements().not(el).unselect();
    el.select();
  }

  inView(node) {
    const e = this.cy.extent(), b = node.boundingBox();
    return b.x1 >= e.x1 && b.x2 <= e.x2 && b.y1 >= e.y1 && b.y2 <= e.y2;
  }

  showHint(text) {
    this.hint.textContent = text;
    this.hint.hidden = false;
    this.announce(text);
  }

  // ---- viewing ----

  get padding() { return this.canvas.clientWidth < 500 ? 12 : 30; }

  // Everything in view, but a small map is not blown up beyond a comfortable size.
  fitAll(animate) {
    const cy = this.cy;
    if (cy.elements().empty()) { cy.viewport({ zoom: 1, pan: { x: cy.width() / 2, y: cy.height() / 2 } }); return; }
    if (!animate || reducedMotion()) {
      cy.fit(undefined, this.padding);
      if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
      return;
    }
    cy.animate({ fit: { eles: cy.elements(), padding: this.padding } }, { duration: 250, complete: () => { if (cy.zoom() > 1.3) cy.animate({ zoom: 1.3, center: { eles: cy.elements() } }, { duration: 150 }); } });
  }

  fit() { this.fitAll(true); }

  zoomBy(factor) {
    const cy = this.cy;
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  fileName(ext) { return `${this.map}-${today()}.${ext}`; }

  // Pictures leave out the selection (it is not part of the map) and get a white margin.
  withoutSelection(draw) {
    const selected = this.cy.$(":selected");
    selected.unselect();
    try { return draw(); } finally { selected.select(); }
  }

  async exportPng() {
    try {
      const margin = 24, scale = 2;
      const raw = this.withoutSelection(() => this.cy.png({ output: "blob", full: true, scale, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 }));
      const image = await createImageBitmap(raw);
      const canvas = document.createElement("canvas");
      canvas.width = image.width + margin * 2 * scale;
      canvas.height = image.height + margin * 2 * scale;
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, margin * scale, margin * scale);
      const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob"))), "image/png"));
      download(blob, this.fileName("png"));
      this.announce(`Downloaded ${this.fileName("png")}.`);
    } catch {
      this.announceError("Could not make the PNG picture of this map.");
    }
  }

  // Our own drawing (map-svg.js, loaded on first use), not a Cytoscape extension: see ADR 5.
  async exportSvg() {
    try {
      const { graphToSvg } = await import("./map-svg.js");
      const title = `${this.meta.title}${this.meta.radial && this.centreName ? ` of ${this.centreName}` : ""}, ${today()}`;
      const text = this.withoutSelection(() => graphToSvg(this.cy, { title, description: this.summary.textContent, margin: 24, background: "#ffffff" }));
      download(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), this.fileName("svg"));
      this.announce(`Downloaded ${this.fileName("svg")}.`);
    } catch {
      this.announceError("Could not make the SVG picture of this map.");
    }
  }

  // ---- changing the map (each change is a command that can be undone) ----

  resolve(id) {
    let guard = 0;
    while (this.alias.has(id) && guard++ < 1000) id = this.alias.get(id);
    return id;
  }

  remap(originalId, newId) {
    const current = this.resolve(originalId);
    if (current !== newId) this.alias.set(current, newId);
  }

  body(entity, item) {
    const out = {};
    for (const f of ENTITIES[entity].fields) out[f] = item[f] ?? null;
    if ("fromId" in out) { out.fromId = this.resolve(out.fromId); out.toId = this.resolve(out.toId); }
    for (const f of ["tags", "roles"]) if (f in out) out[f] = out[f] || [];
    for (const f of ["description", "notes", "evidenceNote", "kind"]) if (f in out) out[f] = out[f] ?? "";
    return out;
  }

  currentPosition(id) {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return {};
    const p = node.position();
    return { x: round1(p.x), y: round1(p.y) };
  }

  async apiCreate(entity, item) {
    const created = await this.request("POST", this.collectionUrl(entity), this.body(entity, item));
    this.upsert(entity, created);
    return created;
  }

  // Sends the whole item; `version` defaults to the one the map last heard of (undo and redo use that).
  async apiUpdate(entity, id, fields, version) {
    const el = this.cy.getElementById(id);
    version ??= el.nonempty() ? el.data("item").version : fields.version;
    const body = { id, ...this.body(entity, fields), ...(ENTITIES[entity].node ? this.currentPosition(id) : {}), version };
    const updated = await this.request("PUT", this.entityUrl(entity, id), body);
    this.upsert(entity, updated ?? { ...body, version: version + 1 });
    return updated;
  }

  async apiDelete(entity, id) {
    await this.request("DELETE", this.entityUrl(entity, id));
    const el = this.cy.getElementById(id);
    if (el.nonempty()) el.remove();
  }

  async apiMove(entity, id, pos) {
    await this.request("PUT", `${this.entityUrl(entity, id)}/position`, { x: round1(pos.x), y: round1(pos.y) });
    const node = this.cy.getElementById(id);
    if (node.nonempty()) {
      node.data("item", { ...node.data("item"), x: round1(pos.x), y: round1(pos.y) });
      if (Math.abs(node.position("x") - pos.x) > 0.5 || Math.abs(node.position("y") - pos.y) > 0.5) {
        if (reducedMotion()) node.position(pos); else node.animate({ position: pos }, { duration: 250 });
      }
    }
  }

  commandCreate(entity, item) {
    return {
      label: `add ${this.describeItem(entity, item)}`,
      undo: () => this.apiDelete(entity, this.resolve(item.id)),
      redo: async () => { const created = await this.apiCreate(entity, item); this.remap(item.id, created.id); },
    };
  }

  commandDelete(entity, item, edges) {
    const edgeEntity = this.meta.edge;
    return {
      label: `delete ${this.describeItem(entity, item)}`,
      redo: () => this.apiDelete(entity, this.resolve(item.id)),
      undo: async () => {
        const created = await this.apiCreate(entity, item);
        this.remap(item.id, created.id);
        for (const edge of edges) {
          const again = await this.apiCreate(edgeEntity, edge);
          this.remap(edge.id, again.id);
        }
      },
    };
  }

  commandEdit(entity, before, after) {
    return {
      label: `change ${this.describeItem(entity, after)}`,
      undo: () => this.apiUpdate(entity, this.resolve(before.id), before),
      redo: () => this.apiUpdate(entity, this.resolve(after.id), after),
    };
  }

  commandMove(entity, moves, label) {
    const run = (which) => Promise.all(moves.map((m) => this.apiMove(entity, this.resolve(m.id), m[which])));
    return { label, undo: () => run("from"), redo: () => run("to") };
  }

  done(command) {
    this.undoStack.push(command);
    if (this.undoStack.length > 100) this.undoStack.shift();
    this.redoStack = [];
    this.markStale("local");
    this.afterChange();
  }

  async undo() { await this.replay(this.undoStack, this.redoStack, "undo", "Undid"); }
  async redo() { await this.replay(this.redoStack, this.undoStack, "redo", "Redid"); }

  async replay(from, to, direction, verb) {
    if (!this.canEdit || this.busy || from.length === 0) return;
    if (this.mode !== "idle") this.closePanel();
    const command = from.pop();
    this.busy = true;
    this.updateButtons();
    try {
      await command[direction]();
      to.push(command);
      this.markStale("local");
      this.announce(`${verb}: ${command.label}.`);
    } catch (error) {
      if (error.name === "AbortError") return;
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        await this.reload();
        this.announceError(`Could not ${direction} “${command.label}”: someone else has changed the map since. The map now shows the latest version.`);
      } else {
        from.push(command); // nothing changed on the server: it can be tried again
        this.announceError(describeFailure(error, direction));
      }
    } finally {
      this.busy = false;
      if (!this.disposed) this.afterChange();
    }
  }

  onDragFree(node) {
    if (!this.canEdit) return;
    const start = this.grabStart.get(node.id());
    this.grabStart.delete(node.id());
    const to = { ...node.position() };
    if (!start || (Math.abs(start.x - to.x) < 1 && Math.abs(start.y - to.y) < 1)) return;
    this.pendingMoves ??= [];
    this.pendingMoves.push({ id: node.id(), from: start, to });
    queueMicrotask(() => this.flushMoves());
  }

  async flushMoves() {
    const moves = this.pendingMoves;
    this.pendingMoves = null;
    if (!moves?.length) return;
    const entity = this.meta.node;
    const label = moves.length === 1 ? `move ${this.nameOf(moves[0].id)}` : `move ${moves.length} ${this.meta.nodeWords[1]}`;
    try {
      await Promise.all(moves.map((m) => this.apiMove(entity, m.id, m.to)));
      this.undoStack.push(this.commandMove(entity, moves, label));
      this.redoStack = [];
      this.updateButtons();
    } catch (error) {
      if (error.name === "AbortError") return;
      moves.forEach((m) => this.cy.getElementById(m.id).position(m.from));
      this.announceError(describeFailure(error, label));
    }
  }

  async tidy() {
    const radial = this.meta.radial;
    if (!this.canEdit || this.busy || !this.cy || this.items().length < (radial ? 1 : 2)) return;
    this.busy = true;
    this.updateButtons();
    const before = new Map(this.items().map((n) => [n.id(), { ...n.position() }]));
    this.announce(radial ? "Arranging the map in rings…" : "Tidying the layout…");
    if (radial) await this.arrangeInRings();
    else await this.runLayout({ randomize: false, quality: "proof", animate: !reducedMotion() });
    const moves = this.items().map((n) => ({ id: n.id(), from: before.get(n.id()), to: { ...n.position() } }))
      .filter((m) => Math.abs(m.from.x - m.to.x) > 0.5 || Math.abs(m.from.y - m.to.y) > 0.5);
    const label = radial ? "arrange in rings" : "tidy layout";
    try {
      await Promise.all(moves.map((m) => this.apiMove(this.meta.node, m.id, m.to)));
      if (moves.length) {
        this.undoStack.push(this.commandMove(this.meta.node, moves, label));
        this.redoStack = [];
      }
      const rings = radial ? ` in rings by ${this.ringMode === "kind" ? "kind" : "how close they are"}` : "";
      this.announce(moves.length
        ? `${radial ? "Arranged the map" : "Tidied the layout"}${rings} and saved the new positions of ${plural(moves.length, this.meta.nodeWords)}.`
        : radial ? `Everything was already on its ring${rings}.` : "The layout was already tidy.");
    } catch (error) {
      if (error.name !== "AbortError") this.announceError(describeFailure(error, "save the tidied layout"));
    } finally {
      this.busy = false;
      this.updateButtons();
    }
  }

  // ---- connect mode ----

  startConnect() {
    if (this.mode.startsWith("connect")) { this.cancelConnect(); return; }
    this.closePanel();
    this.mode = "connect-source";
    this.cy.elements().unselect();
    this.root.classList.add("is-connecting");
    this.showHint(`Connect: tap the ${this.meta.nodeWords[0]} the link starts from. Press Esc to stop.`);
    this.updateButtons();
  }

  cancelConnect() {
    this.mode = "idle";
    this.connectFrom = null;
    this.cy?.$(".connect-source").removeClass("connect-source");
    this.root.classList.remove("is-connecting");
    this.hint.hidden = true;
    this.announce("Stopped connecting.");
    this.updateButtons();
  }

  // ---- inline forms ----

  field(def, value) {
    const id = `${this.id}-f-${def.name}`;
    const errorId = `${id}-error`;
    const hintId = def.hint ? `${id}-hint` : null;
    const describedBy = [hintId, errorId].filter(Boolean).join(" ");
    let control;
    if (def.type === "select") {
      control = h("select", { id, name: def.name, class: "form-select form-select-sm", "aria-describedby": describedBy },
        def.options.map(([v, t]) => h("option", { value: v, selected: String(value) === v }, t)));
    } else if (def.type === "textarea") {
      control = h("textarea", { id, name: def.name, class: "form-control form-control-sm", rows: 2, maxlength: 20000, "aria-describedby": describedBy });
      control.value = value ?? "";
    } else if (def.type === "checkbox") {
      control = h("input", { id, name: def.name, type: "checkbox", class: "form-check-input", checked: !!value, "aria-describedby": describedBy });
      return h("div", { class: `map-field map-field-check`, "data-field": def.name },
        h("div", { class: "form-check" }, control, h("label", { class: "form-check-label", for: id }, def.label)),
        def.hint ? h("div", { class: "form-text", id: hintId }, def.hint) : null,
        h("div", { class: "map-field-error", id: errorId }));
    } else if (def.type === "checkboxes") {
      const chosen = new Set(value || []);
      return h("fieldset", { class: "map-field map-field-wide", "data-field": def.name, "aria-describedby": errorId },
        h("legend", { class: "form-label" }, def.label),
        h("div", { class: "map-checks" }, def.options.map(([v, t], i) => h("div", { class: "form-check" },
          h("input", { id: `${id}-${i}`, type: "checkbox", class: "form-check-input", name: def.name, value: v, checked: chosen.has(v) }),
          h("label", { class: "form-check-label", for: `${id}-${i}` }, t)))),
        h("div", { class: "map-field-error", id: errorId }));
    } else {
      control = h("input", {
        id, name: def.name, type: def.type || "text", class: "form-control form-control-sm", "aria-describedby": describedBy,
        maxlength: def.maxlength, list: def.list, autocomplete: "off", required: def.required,
      });
      control.value = def.name === "tags" ? (value || []).join(", ") : (value ?? "");
    }
    return h("div", { class: `map-field${def.wide ? " map-field-wide" : ""}`, "data-field": def.name },
      h("label", { class: "form-label", for: id }, def.label),
      control,
      def.hint ? h("div", { class: "form-text", id: hintId }, def.hint) : null,
      h("div", { class: "map-field-error", id: errorId }));
  }

  fieldsFor(entity, full) {
    const name = { name: "name", label: "Name", required: true, maxlength: 200 };
    const tags = { name: "tags", label: "Tags", hint: "Separate tags with commas.", maxlength: 2000 };
    switch (entity) {
      case "actor":
        return full
          ? [name, { name: "kind", label: "Kind", type: "select", options: ACTOR_KINDS }, { name: "description", label: "Description", type: "textarea", wide: true }, tags, { name: "roles", label: "Roles in this change", type: "checkboxes", options: ROLES }]
          : [name, { name: "kind", label: "Kind", type: "select", options: ACTOR_KINDS }];
      case "factor":
        return full
          ? [name, { name: "description", label: "Description", type: "textarea", wide: true }, tags, { name: "evidenceUrl", label: "Evidence link", type: "url", hint: "Optional: a web address.", maxlength: 2000 }]
          : [name];
      case "relationship":
        return [
          { name: "kind", label: "Relationship", required: true, maxlength: 200, list: `${this.id}-kinds`, hint: "For example: funds, refers to, works with." },
          { name: "direction", label: "Direction", type: "select", options: DIRECTIONS },
          { name: "strength", label: "Strength", type: "select", options: STRENGTHS },
          { name: "trust", label: "Trust", type: "select", options: TRUST },
          ...(full ? [{ name: "since", label: "Since", type: "date" }, { name: "notes", label: "Notes", type: "textarea", wide: true }] : []),
        ];
      case "causal-link":
        return [
          { name: "polarity", label: "Effect", type: "select", options: POLARITY, wide: true },
          { name: "delay", label: "There is a delay before the effect shows", type: "checkbox" },
          { name: "confidence", label: "Confidence", type: "select", options: CONFIDENCE },
          ...(full ? [{ name: "evidenceNote", label: "Evidence", type: "textarea", wide: true }] : []),
        ];
      case "element":
        return [
          name,
          { name: "kind", label: "What it is", type: "select", options: LIFE_KINDS },
          { name: "effect", label: "How it acts on their life", type: "select", options: EFFECTS },
          { name: "closeness", label: "How close", type: "select", options: CLOSENESS, number: true },
          { name: "theme", label: "Theme (optional)", maxlength: 60, list: `${this.id}-themes`, optional: true, hint: "A word for the area of life, such as housing or income. No names." },
          ...(full ? [{ name: "note", label: "Note", type: "textarea", wide: true, optional: true }] : []),
        ];
      case "life-link":
        return [
          { name: "polarity", label: "How they affect each other", type: "select", options: LIFE_POLARITY, wide: true, optional: true },
          ...(full ? [{ name: "note", label: "Note", type: "textarea", wide: true, optional: true }] : []),
        ];
      default: return [];
    }
  }

  read(form, entity, defs) {
    const out = {};
    for (const def of defs) {
      if (def.type === "checkboxes") out[def.name] = [...form.querySelectorAll(`input[name="${def.name}"]:checked`)].map((i) => i.value);
      else if (def.type === "checkbox") out[def.name] = form.elements[def.name].checked;
      else {
        const raw = form.elements[def.name].value;
        if (def.name === "tags") out.tags = [...new Set(raw.split(",").map((t) => t.trim()).filter(Boolean))];
        else if (def.name === "strength" || def.number) out[def.name] = Number(raw);
        else if (def.name === "since" || def.name === "evidenceUrl" || def.optional) out[def.name] = raw.trim() || null;
        else out[def.name] = def.type === "select" ? raw : raw.trim();
      }
    }
    return out;
  }

  // Shows field errors under their fields and the rest at the top; nothing typed is lost.
  showErrors(form, problem, fallback) {
    form.querySelectorAll(".map-field-error").forEach((el) => { el.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const summary = form.querySelector(".map-form-error");
    const general = [];
    let first = null;
    for (const [key, messages] of Object.entries(problem?.errors || {})) {
      const name = key.charAt(0).toLowerCase() + key.slice(1);
      const wrap = [...form.querySelectorAll("[data-field]")].find((el) => el.getAttribute("data-field").toLowerCase() === name.toLowerCase());
      const text = [].concat(messages).join(" ");
      if (!wrap) { general.push(text); continue; }
      wrap.querySelector(".map-field-error").textContent = text;
      const control = wrap.querySelector("input, select, textarea");
      control?.setAttribute("aria-invalid", "true");
      first ??= control;
    }
    const top = [fallback, ...general].filter(Boolean).join(" ");
    summary.textContent = top;
    summary.hidden = !top;
    if (top) this.announceError(top);
    (first || summary).focus?.();
  }

  openForm({ title, defs, values, submitLabel, onSubmit, returnFocus, extra }) {
    this.closePanel({ silent: true });
    this.mode = "form";
    const form = h("form", { class: "map-form", novalidate: true, "aria-labelledby": `${this.id}-form-title` },
      h("h3", { class: "map-form-title", id: `${this.id}-form-title` }, title),
      h("p", { class: "map-form-error", role: "alert", tabindex: "-1", hidden: true }),
      h("div", { class: "map-fields" }, defs.map((def) => this.field(def, values?.[def.name]))),
      extra || null,
      h("div", { class: "map-form-actions" },
        h("button", { type: "submit", class: "btn btn-sm btn-primary" }, submitLabel),
        h("button", { type: "button", class: "btn btn-sm btn-outline-secondary", onclick: () => this.closePanel() }, "Cancel")));
    if (defs.some((d) => d.list === `${this.id}-kinds`)) form.append(h("datalist", { id: `${this.id}-kinds` }, this.relationshipKinds().map((k) => h("option", { value: k }))));
    if (defs.some((d) => d.list === `${this.id}-themes`)) form.append(h("datalist", { id: `${this.id}-themes` }, this.themes().map((t) => h("option", { value: t }))));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (form.dataset.saving) return;
      const data = this.read(form, null, defs);
      const missing = defs.filter((d) => d.required && !String(data[d.name] ?? "").trim());
      if (missing.length) {
        this.showErrors(form, { errors: Object.fromEntries(missing.map((d) => [d.name, [`Enter ${d.label.toLowerCase() === "name" ? "a name" : `the ${d.label.toLowerCase()}`}.`]])) });
        return;
      }
      const submit = form.querySelector('button[type="submit"]');
      form.dataset.saving = "true";
      submit.disabled = true;
      submit.textContent = "Saving…";
      try {
        await onSubmit(data, form);
      } finally {
        if (form.isConnected) { delete form.dataset.saving; submit.disabled = false; submit.textContent = submitLabel; }
      }
    });
    this.panel.replaceChildren(form);
    this.panel.hidden = false;
    this.panelReturnFocus = returnFocus;
    form.querySelector("input:not([type=hidden]), select, textarea, button")?.focus();
    this.updateButtons();
    return form;
  }

  closePanel({ silent = false } = {}) {
    const wasOpen = !this.panel.hidden;
    this.panel.hidden = true;
    this.panel.replaceChildren();
    if (this.mode === "form") this.mode = "idle";
    if (this.mode.startsWith("connect") && !silent) this.cancelConnect();
    if (wasOpen && !silent) {
      const target = this.panelReturnFocus;
      this.panelReturnFocus = null;
      (target && target.isConnected && !target.disabled ? target : this.buttons.fit)?.focus();
    }
    this.updateButtons();
  }

  themes() {
    const seen = new Set(THEME_SUGGESTIONS);
    this.items().forEach((n) => { const t = n.data("item").theme; if (t) seen.add(t); });
    return [...seen].sort((a, b) => a.localeCompare(b));
  }

  relationshipKinds() {
    const seen = new Set(RELATIONSHIP_SUGGESTIONS);
    this.cy.edges().forEach((e) => { const k = e.data("item").kind; if (k) seen.add(k); });
    return [...seen].sort((a, b) => a.localeCompare(b));
  }

  openAddForm() {
    const entity = this.meta.node;
    const defs = this.fieldsFor(entity, false);
    const life = entity === "element";
    this.openForm({
      title: life ? "Add to the map" : `Add ${ENTITIES[entity].noun}`, defs,
      values: life ? { kind: "Person", effect: "NotSure", closeness: 2 } : { kind: "Person" },
      submitLabel: life ? "Add" : `Add ${ENTITIES[entity].noun}`,
      returnFocus: this.buttons.add,
      onSubmit: async (data, form) => {
        const size = nodeSize(data.name, entity === "actor" ? KIND_SHAPES[data.kind] : life ? LIFE_SHAPES[data.kind] : "round-rectangle");
        const pos = life ? this.ringSpot(data, size) : this.freeSpot(size);
        const item = { ...BLANK[entity], ...data, x: pos.x, y: pos.y };
        try {
          const created = await this.apiCreate(entity, item);
          this.done(this.commandCreate(entity, created));
          this.closePanel();
          const node = this.cy.getElementById(created.id);
          this.selectOnly(node);
          if (!this.inView(node)) this.cy.animate({ center: { eles: node } }, { duration: reducedMotion() ? 0 : 300 });
          this.announce(`Added ${created.name}.`);
        } catch (error) {
          if (error.name !== "AbortError") this.showErrors(form, error.problem, error instanceof ApiError && error.problem?.errors ? null : describeFailure(error, `add ${data.name}`));
        }
      },
    });
  }

  openConnectForm(fromId, toId) {
    const entity = this.meta.edge;
    const defs = this.fieldsFor(entity, false);
    const values = {
      relationship: { direction: "Directed", strength: 3, trust: "Unknown" },
      "causal-link": { polarity: "Same", delay: false, confidence: "Medium" },
      "life-link": { polarity: "" },
    }[entity];
    const noun = ENTITIES[entity].noun;
    const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} from ${this.nameOf(fromId)} to ${this.nameOf(toId)}`;
    this.openForm({
      title, defs, values, submitLabel: "Connect", returnFocus: this.buttons.connect,
      onSubmit: async (data, form) => {
        const item = { fromId, toId, ...BLANK[entity], ...data };
        try {
          const created = await this.apiCreate(entity, item);
          this.done(this.commandCreate(entity, created));
          this.closePanel();
          this.announce(`Connected ${this.nameOf(fromId)} to ${this.nameOf(toId)}.`);
        } catch (error) {
          if (error.name !== "AbortError") this.showErrors(form, error.problem, error instanceof ApiError && error.problem?.errors ? null : describeFailure(error, "connect them"));
        }
      },
    });
  }

  openEditForm() {
    const el = this.cy.$(":selected");
    if (el.length !== 1 || !this.canEdit) return;
    const entity = el.isNode() ? this.meta.node : this.meta.edge;
    const before = { ...el.data("item") };
    const defs = this.fieldsFor(entity, true);
    const id = el.id();
    const description = this.describe(el);
    const form = this.openForm({
      title: `Edit ${description}`, defs, values: before, submitLabel: "Save changes", returnFocus: this.buttons.edit,
      onSubmit: async (data) => {
        const current = this.cy.getElementById(id);
        if (current.empty()) {
          this.showErrors(form, null, "Someone else has deleted this while you were editing. Copy anything you want to keep, then cancel.");
          return;
        }
        // The version the form was opened with, so a change made meanwhile by someone else is a conflict, not overwritten.
        const after = { ...current.data("item"), ...data };
        try {
          const updated = await this.apiUpdate(entity, id, after, Number(form.dataset.version));
          this.done(this.commandEdit(entity, before, updated || after));
          this.closePanel();
          this.announce(`Saved ${this.describeItem(entity, updated || after)}.`);
        } catch (error) {
          if (error.name === "AbortError") return;
          if (error instanceof ApiError && error.status === 409) {
            await this.reload();
            const fresh = this.cy.getElementById(id);
            if (fresh.nonempty()) form.dataset.version = String(fresh.data("item").version);
            this.showErrors(form, null, "Someone else changed this while you were editing. The map now shows their version; what you typed is still here. Save again to replace their version with yours, or cancel to keep theirs.");
          } else {
            this.showErrors(form, error.problem, error instanceof ApiError && error.problem?.errors ? null : describeFailure(error, "save your changes"));
          }
        }
      },
    });
    form.dataset.version = String(before.version);
  }

  openDeleteConfirm() {
    const el = this.cy.$(":selected");
    if (el.length !== 1 || !this.canEdit) return;
    const entity = el.isNode() ? this.meta.node : this.meta.edge;
    const item = { ...el.data("item"), ...(el.isNode() ? this.currentPosition(el.id()) : {}) };
    const edges = el.isNode() ? el.connectedEdges().not(".decor").map((e) => ({ ...e.data("item") })) : [];
    const description = this.describe(el);
    const consequence = edges.length ? ` This also deletes its ${plural(edges.length, this.meta.edgeWords)}.` : "";
    this.openForm({
      title: `Delete ${description}?`, defs: [], submitLabel: "Delete", returnFocus: this.buttons.remove,
      extra: h("p", { class: "map-confirm" }, `You can undo this straight away with Undo.${consequence}`),
      onSubmit: async (_, form) => {
        try {
          await this.apiDelete(entity, item.id);
          this.done(this.commandDelete(entity, item, edges));
          this.closePanel();
          this.announce(`Deleted ${description}.`);
        } catch (error) {
          if (error.name !== "AbortError") this.showErrors(form, null, describeFailure(error, `delete ${description}`));
        }
      },
    });
    this.panel.querySelector('button[type="submit"]').classList.replace("btn-primary", "btn-danger-calm");
    this.panel.querySelector('button[type="submit"]').focus();
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    this.events?.close();
    this.resizeObserver?.disconnect();
    clearTimeout(this.eventTimer);
    clearTimeout(this.announceTimer);
    this.cy?.destroy();
    this.cy = null;
    this.root.remove();
    if (this.container.mapEditor === this) delete this.container.mapEditor;
  }
}

// ---- wiring to the page --------------------------------------------------------------------------------------

const editors = new Map(); // container element → MapEditor

// The base address of the map's endpoints: data-api, or (as before data-api existed) the cycle's from data-cycle-id.
function apiOf(container) {
  const api = container.getAttribute("data-api");
  if (api) return api;
  const cycleId = container.getAttribute("data-cycle-id");
  return cycleId ? `/api/ui/cycles/${encodeURIComponent(cycleId)}` : null;
}

function keyOf(container) {
  return `${container.getAttribute("data-map-editor")}|${apiOf(container)}|${container.getAttribute("data-can-edit") === "true"}`;
}

// How the life map's rings are chosen, remembered in this browser: "closeness" (the default) or "kind".
function storedRingMode() {
  try {
    const mode = localStorage.getItem("life-map-rings");
    return RING_NAMES[mode] ? mode : "closeness";
  } catch {
    return "closeness";
  }
}

function initAll() {
  for (const [container, editor] of editors) {
    if (!editor.alive) { editor.dispose(); editors.delete(container); }
  }
  document.querySelectorAll("[data-map-editor]").forEach((container) => {
    if (editors.has(container)) return;
    if (!MAPS[container.getAttribute("data-map-editor")] || !apiOf(container)) return;
    editors.set(container, new MapEditor(container));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", initAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", initAll));
