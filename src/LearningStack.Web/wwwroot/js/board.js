// A sense-making session's live board (/sessions/{id}/board). The page is first drawn by the server; this script joins the board
// over SignalR (@microsoft/signalr, loaded from lib/ only on this page) and keeps it live. Cards are given their clientId here and
// kept in localStorage until the server has stored them, so a card typed while the connection is down is sent when it is back;
// the text being typed is kept too, so a reload does not lose it.
import { loadLibraries } from "./libraries.js";

const KINDS = [["None", "No particular kind"], ["Eureka", "Eureka moment"], ["SlowReveal", "Slow reveal"]];
const HUB_ERROR = "HubException: ";

function loadSignalR() {
  if (window.signalR) return Promise.resolve(window.signalR);
  return loadLibraries("signalr/signalr.min.js").then(() => window.signalR);
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The words of a refusal from the hub, or null when the failure was the connection itself. */
function refusal(error) {
  const message = String(error?.message || "");
  const at = message.indexOf(HUB_ERROR);
  return at >= 0 ? message.slice(at + HUB_ERROR.length) : null;
}

class Board {
  constructor(root) {
    this.root = root;
    this.sessionId = root.getAttribute("data-session-id");
    this.cycleId = root.getAttribute("data-cycle-id");
    this.canEdit = root.getAttribute("data-can-edit") === "true";
    this.canTidy = root.getAttribute("data-can-tidy") === "true";
    this.userId = root.getAttribute("data-user-id") || "";
    this.materials = JSON.parse(root.querySelector("[data-board-materials]")?.textContent || "[]");
    this.themes = [];
    this.cards = [];
    this.joined = false;
    this.alive = true;
    this.pendingKey = `learningstack:board:${this.sessionId}:pending`;
    this.draftKey = `learningstack:board:${this.sessionId}:draft`;
    this.columns = root.querySelector("[data-board-columns]");
    this.statusEl = root.querySelector("[data-board-connection]");
    this.presentEl = root.querySelector("[data-board-present]");
    this.errorEl = root.querySelector("[data-board-error]");
    this.pendingEl = root.querySelector("[data-board-pending]");
    this.text = root.querySelector("[data-board-text]");
    this.setUpComposer();
    this.setUpThemeForm();
    this.setUpDragAndDrop();
    this.start();
  }

  // ---- local storage: unsent cards and the draft ------------------------------------------------------------------

  get pending() {
    try { return JSON.parse(localStorage.getItem(this.pendingKey) || "[]"); } catch { return []; }
  }

  set pending(list) {
    try {
      if (list.length) localStorage.setItem(this.pendingKey, JSON.stringify(list));
      else localStorage.removeItem(this.pendingKey);
    } catch { /* storage full or blocked: the card still goes out while connected */ }
  }

  setUpComposer() {
    const form = this.root.querySelector("[data-board-composer]");
    if (!form || !this.text) return;
    try { this.text.value = localStorage.getItem(this.draftKey) || ""; } catch { /* ignore */ }
    this.text.addEventListener("input", () => {
      try { localStorage.setItem(this.draftKey, this.text.value); } catch { /* ignore */ }
    });
    this.text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = this.text.value.trim();
      if (!text) { this.showError("Write the insight before adding it."); this.text.focus(); return; }
      if (text.length > 500) { this.showError(`Keep an insight to 500 characters (this one has ${text.length}); split it into two cards if it holds two ideas.`); return; }
      this.showError("");
      this.pending = [...this.pending, { clientId: newId(), text }];
      this.text.value = "";
      try { localStorage.removeItem(this.draftKey); } catch { /* ignore */ }
      this.render();
      this.flush();
    });
  }

  setUpThemeForm() {
    const form = this.root.querySelector("[data-board-theme-form]");
    if (!form) return;
    const input = form.querySelector("[data-board-theme-title]");
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const title = input.value.trim();
      if (!title) { this.showError("Name the theme before adding it."); input.focus(); return; }
      if (await this.call("AddTheme", this.sessionId, title)) input.value = "";
    });
  }

  showError(message) {
    if (this.errorEl) this.errorEl.textContent = message;
    else if (message) this.setStatus(message);
  }

  setStatus(message) {
    if (this.statusEl && this.statusEl.textContent !== message) this.statusEl.textContent = message;
  }

  // ---- connection -------------------------------------------------------------------------------------------------

  async start() {
    let signalR;
    try { signalR = await loadSignalR(); } catch {
      this.setStatus("The live board could not load. Reload the page to try again; cards you add are kept on this device.");
      return;
    }
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/session-board")
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 15000, 30000])
      .build();
    const c = this.connection;
    c.on("cardAdded", (card) => this.upsertCard(card));
    c.on("cardChanged", (card) => this.upsertCard(card));
    c.on("cardRemoved", (id) => { this.cards = this.cards.filter((x) => x.id !== id); this.render(); });
    c.on("themeAdded", (theme) => this.upsertTheme(theme));
    c.on("themeChanged", (theme) => this.upsertTheme(theme));
    c.on("themeRemoved", (id) => { this.themes = this.themes.filter((t) => t.id !== id); this.render(); });
    c.on("presence", (people) => this.showPresence(people));
    c.onreconnecting(() => { this.joined = false; this.setStatus("Reconnecting — your cards are kept on this device"); });
    c.onreconnected(() => this.join());
    c.onclose(() => {
      this.joined = false;
      if (!this.alive) return;
      this.setStatus("Offline — your cards are kept on this device and will be sent when the connection is back");
      setTimeout(() => this.connect(), 5000);
    });
    await this.connect();
  }

  async connect() {
    if (!this.alive) return;
    try {
      await this.connection.start();
      await this.join();
    } catch (error) {
      const why = refusal(error);
      if (why) { this.setStatus(why); return; }
      this.setStatus("Offline — your cards are kept on this device and will be sent when the connection is back");
      setTimeout(() => this.connect(), 5000);
    }
  }

  async join() {
    try {
      const board = await this.connection.invoke("Join", this.sessionId);
      this.themes = board.themes;
      this.cards = board.cards;
      this.joined = true;
      this.everJoined = true;
      this.setStatus(board.state === "Ended" ? "This session has ended: the board can be read but not changed." : "Connected");
      this.showPresence(board.present);
      this.render();
      await this.flush();
    } catch (error) {
      this.setStatus(refusal(error) || "Reconnecting — your cards are kept on this device");
    }
  }

  /** Sends unsent cards in order; each stays on this device until the server has stored it. */
  async flush() {
    if (this.flushing || !this.joined) return;
    this.flushing = true;
    try {
      for (const item of this.pending) {
        try {
          const card = await this.connection.invoke("AddCard", this.sessionId, item.clientId, item.text);
          this.pending = this.pending.filter((p) => p.clientId !== item.clientId);
          this.upsertCard(card);
        } catch (error) {
          const why = refusal(error);
          if (!why) break; // connection trouble: keep it and try again after reconnecting
          this.pending = this.pending.filter((p) => p.clientId !== item.clientId);
          if (this.text && !this.text.value) this.text.value = item.text;
          this.showError(why);
          this.render();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Calls a hub method; shows a refusal in words. True when it worked. */
  async call(method, ...args) {
    if (!this.joined) {
      this.showError("The board is not connected just now. Wait for 'Connected', then try again.");
      return false;
    }
    try {
      await this.connection.invoke(method, ...args);
      this.showError("");
      return true;
    } catch (error) {
      this.showError(refusal(error) || "The connection dropped before that was saved. Try again once the board says 'Connected'.");
      return false;
    }
  }

  dispose() {
    this.alive = false;
    this.connection?.stop();
  }

  // ---- state ------------------------------------------------------------------------------------------------------

  upsertCard(card) {
    const i = this.cards.findIndex((c) => c.id === card.id);
    if (i >= 0) {
      if (this.cards[i].version > card.version) return; // an older message arriving late
      this.cards[i] = card;
    } else {
      this.cards.push(card);
    }
    this.render();
  }

  upsertTheme(theme) {
    const i = this.themes.findIndex((t) => t.id === theme.id);
    if (i >= 0) this.themes[i] = theme; else this.themes.push(theme);
    this.render();
  }

  showPresence(people) {
    if (!this.presentEl) return;
    const names = (people || []).map((p) => p.name);
    this.presentEl.textContent = `Here now: ${names.length ? names.join(", ") : "nobody else yet"}`;
  }

  ordered(themeId) {
    return this.cards.filter((c) => (c.themeId || null) === themeId)
      .sort((a, b) => a.position - b.position || String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id));
  }

  // ---- drawing ----------------------------------------------------------------------------------------------------

  render() {
    if (!this.columns) return;
    if (this.pendingEl) {
      const n = this.pending.length;
      this.pendingEl.textContent = n ? `${n} card${n === 1 ? "" : "s"} waiting to be sent` : "";
    }
    if (!this.everJoined) return; // keep the server's first drawing until the board has joined
    const active = document.activeElement;
    const focusKey = this.root.contains(active) ? active?.getAttribute("data-key") : null;
    const open = new Set([...this.columns.querySelectorAll("details[open][data-key]")].map((d) => d.getAttribute("data-key")));
    const typed = new Map([...this.columns.querySelectorAll("[data-key][data-keep]")].map((t) => [t.getAttribute("data-key"), t.value]));

    const themes = [...this.themes].sort((a, b) => a.position - b.position);
    const fragment = document.createDocumentFragment();
    fragment.append(this.column(null, "Not grouped yet", themes, true));
    for (const theme of themes) fragment.append(this.column(theme.id, theme.title, themes, false, theme));
    this.columns.replaceChildren(fragment);

    for (const d of this.columns.querySelectorAll("details[data-key]")) if (open.has(d.getAttribute("data-key"))) d.open = true;
    for (const t of this.columns.querySelectorAll("[data-key][data-keep]")) if (typed.has(t.getAttribute("data-key"))) t.value = typed.get(t.getAttribute("data-key"));
    if (focusKey) this.columns.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  column(themeId, title, themes, ungrouped, theme) {
    const cards = this.ordered(themeId);
    const key = themeId ? themeId.replaceAll("-", "") : "ungrouped";
    const list = h("ul", { class: "board-cards" });
    if (ungrouped) {
      for (const p of this.pending) list.append(this.pendingCard(p));
    }
    for (const card of cards) list.append(this.card(card, themes));
    const count = cards.length + (ungrouped ? this.pending.length : 0);
    return h("section", { class: "board-column", "aria-labelledby": `col-${key}`, "data-theme-id": themeId || "" },
      h("h2", { id: `col-${key}`, class: "board-column-title" }, title, " ", h("span", { class: "board-count", text: `(${count})` })),
      theme && this.canEdit ? this.themeTools(theme) : null,
      count === 0 ? h("p", { class: "board-empty", text: ungrouped ? "New cards arrive here. Move them into themes as patterns appear." : "No cards in this theme yet. Drag cards here, or use 'Move to' on a card." }) : null,
      list);
  }

  themeTools(theme) {
    const id = `rename-${theme.id}`;
    return h("details", { class: "board-theme-tools", "data-key": `theme-tools-${theme.id}` },
      h("summary", { "data-key": `theme-summary-${theme.id}` }, "Rename or remove theme"),
      h("form", {
        class: "board-inline", onsubmit: (e) => {
          e.preventDefault();
          const title = e.currentTarget.querySelector("input").value.trim();
          if (title) this.call("RenameTheme", theme.id, title);
        },
      },
      h("label", { for: id, class: "visually-hidden", text: `New name for ${theme.title}` }),
      h("input", { id, class: "form-control form-control-sm", value: theme.title, maxlength: "200", "data-key": id, "data-keep": true }),
      h("button", { type: "submit", class: "btn btn-sm btn-outline-primary", text: "Rename" })),
      h("button", {
        type: "button", class: "btn btn-sm btn-link board-remove", "data-key": `theme-remove-${theme.id}`,
        onclick: () => { if (confirm(`Remove the theme "${theme.title}"? Its cards go back to 'Not grouped yet'.`)) this.call("DeleteTheme", theme.id); },
      }, "Remove theme"));
  }

  pendingCard(p) {
    return h("li", { class: "board-card board-card-pending" },
      h("p", { class: "board-card-text", text: p.text }),
      h("p", { class: "board-card-meta", text: "Waiting to be sent — kept on this device" }));
  }

  card(card, themes) {
    const mine = card.authorUserId && card.authorUserId === this.userId;
    const li = h("li", { class: "board-card", id: `card-${card.id}`, "data-card-id": card.id, draggable: this.canEdit ? "true" : null },
      h("p", { class: "board-card-text", text: card.text }),
      h("p", { class: "board-card-meta", text: card.authorName }),
      this.badges(card));
    const actions = h("div", { class: "board-card-actions" });
    if (this.canEdit) {
      const moveId = `move-${card.id}`;
      const select = h("select", {
        id: moveId, class: "form-select form-select-sm", "data-key": moveId,
        onchange: (e) => this.call("MoveCard", card.id, e.currentTarget.value || null, null),
      }, h("option", { value: "", text: "Not grouped yet" }), themes.map((t) => h("option", { value: t.id, text: t.title })));
      select.value = card.themeId || "";
      actions.append(h("div", { class: "board-move" }, h("label", { for: moveId, text: "Move to" }), select));
      actions.append(this.tools(card, mine));
    }
    if (card.issueId) actions.append(h("a", { href: `/issues/${card.issueId}`, text: `Issue #${card.issueNumber ?? ""}` }));
    else if (this.canEdit) actions.append(h("a", { href: `/cycles/${this.cycleId}/issues/new?insight=${card.id}`, text: "Raise as issue" }));
    li.append(actions);
    return li;
  }

  badges(card) {
    const items = [];
    if (card.kind === "Eureka") items.push(h("span", { class: "board-badge board-badge-eureka" }, h("span", { "aria-hidden": "true", text: "💡" }), " Eureka"));
    if (card.kind === "SlowReveal") items.push(h("span", { class: "board-badge board-badge-slow" }, h("span", { "aria-hidden": "true", text: "🌱" }), " Slow reveal"));
    if (card.isDecision) items.push(h("span", { class: "board-badge board-badge-decision" }, h("span", { "aria-hidden": "true", text: "✔" }), " Decision"));
    for (const m of this.materials.filter((x) => (card.materialIds || []).includes(x.id))) {
      items.push(h("a", { class: "board-badge board-badge-material", href: m.href }, h("span", { "aria-hidden": "true", text: "📎" }), ` ${m.title}`));
    }
    return items.length ? h("p", { class: "board-badges" }, items) : null;
  }

  tools(card, mine) {
    const kindId = `kind-${card.id}`;
    const kind = h("select", {
      id: kindId, class: "form-select form-select-sm", "data-key": kindId,
      onchange: (e) => this.call("SetKind", card.id, e.currentTarget.value),
    }, KINDS.map(([value, label]) => h("option", { value, text: label })));
    kind.value = card.kind || "None";
    const decision = h("button", {
      type: "button", class: "btn btn-sm btn-outline-primary", "aria-pressed": card.isDecision ? "true" : "false", "data-key": `decision-${card.id}`,
      onclick: () => this.call("SetDecision", card.id, !card.isDecision),
    }, card.isDecision ? "Decision ✔" : "Mark as decision");
    const body = h("div", { class: "board-tools-body" },
      h("div", { class: "board-move" }, h("label", { for: kindId, text: "Kind" }), kind),
      decision);
    if (this.materials.length) {
      const group = h("fieldset", { class: "board-links" }, h("legend", { text: "Rests on" }));
      for (const m of this.materials) {
        const id = `link-${card.id}-${m.id}`;
        group.append(h("div", { class: "form-check" },
          h("input", {
            type: "checkbox", class: "form-check-input", id, "data-key": id, checked: (card.materialIds || []).includes(m.id),
            onchange: (e) => this.call("LinkMaterial", card.id, m.id, e.currentTarget.checked),
          }),
          h("label", { class: "form-check-label", for: id, text: `${m.kind}: ${m.title}` })));
      }
      body.append(group);
    }
    if (mine || this.canTidy) {
      const wordsId = `words-${card.id}`;
      body.append(h("form", {
        class: "board-edit", onsubmit: (e) => {
          e.preventDefault();
          this.call("EditCard", card.id, e.currentTarget.querySelector("textarea").value, card.version);
        },
      },
      h("label", { for: wordsId, text: "Words" }),
      h("textarea", { id: wordsId, class: "form-control form-control-sm", rows: "2", maxlength: "500", "data-key": wordsId, "data-keep": true }, card.text),
      h("div", { class: "board-inline" },
        h("button", { type: "submit", class: "btn btn-sm btn-outline-primary", text: "Save words" }),
        h("button", {
          type: "button", class: "btn btn-sm btn-link board-remove", "data-key": `remove-${card.id}`,
          onclick: () => { if (confirm("Remove this card from the board?")) this.call("DeleteCard", card.id); },
        }, "Remove card"))));
    }
    return h("details", { class: "board-tools", "data-key": `tools-${card.id}` },
      h("summary", { "data-key": `tools-summary-${card.id}` }, mine || this.canTidy ? "Mark, link or edit" : "Mark or link"), body);
  }

  // ---- dragging (desktop); 'Move to' on each card does the same from the keyboard or a phone ---------------------------

  setUpDragAndDrop() {
    if (!this.canEdit || !this.columns) return;
    this.columns.addEventListener("dragstart", (e) => {
      const card = e.target.closest?.("[data-card-id]");
      if (!card) return;
      e.dataTransfer.setData("text/plain", card.getAttribute("data-card-id"));
      e.dataTransfer.effectAllowed = "move";
      card.classList.add("board-card-dragging");
    });
    this.columns.addEventListener("dragend", (e) => e.target.closest?.("[data-card-id]")?.classList.remove("board-card-dragging"));
    this.columns.addEventListener("dragover", (e) => {
      if (e.target.closest("[data-theme-id]")) { e.preventDefault(); e.dataTransfer.dropEffect = "move"; }
    });
    this.columns.addEventListener("drop", (e) => {
      const column = e.target.closest("[data-theme-id]");
      const cardId = e.dataTransfer.getData("text/plain");
      if (!column || !cardId) return;
      e.preventDefault();
      const themeId = column.getAttribute("data-theme-id") || null;
      const others = [...column.querySelectorAll("[data-card-id]")].filter((el) => el.getAttribute("data-card-id") !== cardId);
      let index = others.length;
      for (let i = 0; i < others.length; i++) {
        const box = others[i].getBoundingClientRect();
        if (e.clientY < box.top + box.height / 2) { index = i; break; }
      }
      this.call("MoveCard", cardId, themeId, index);
    });
  }
}

const boards = new Map(); // root element → Board

function initAll() {
  for (const [root, board] of boards) {
    if (!document.contains(root)) { board.dispose(); boards.delete(root); }
  }
  document.querySelectorAll("[data-session-board]").forEach((root) => {
    if (!boards.has(root)) boards.set(root, new Board(root));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
else initAll();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", initAll);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", initAll));
