// Draws the links of the learning-stack view as lines between cycle cards.
// The page already lists every link as text; the lines are a picture on top, so they are hidden from assistive technology.
const svgNs = "http://www.w3.org/2000/svg";

function draw() {
  const stack = document.querySelector("[data-stack]");
  if (!stack) return;
  const svg = stack.querySelector(".stack-lines:not(.stack-labels)");
  const labels = stack.querySelector(".stack-labels");
  const data = stack.querySelector("#stack-links");
  if (!svg || !data) return;
  const links = JSON.parse(data.textContent || "[]");
  // When the "issues and learning passed along links" layer is shown, each link carries its counts at its middle.
  const flows = new Map();
  for (const f of JSON.parse(document.getElementById("stack-flows")?.textContent || "[]")) {
    flows.set([f.a, f.b].sort().join("|"), f);
  }
  const box = stack.getBoundingClientRect();
  svg.setAttribute("width", String(stack.scrollWidth));
  svg.setAttribute("height", String(stack.scrollHeight));
  svg.replaceChildren();
  if (labels) {
    labels.setAttribute("width", String(stack.scrollWidth));
    labels.setAttribute("height", String(stack.scrollHeight));
    labels.replaceChildren();
  }
  if (getComputedStyle(svg).display === "none") return;
  const cards = new Map();
  stack.querySelectorAll("[data-cycle]").forEach((el) => cards.set(el.getAttribute("data-cycle"), el.getBoundingClientRect()));
  for (const link of links) {
    const a = cards.get(link.from), b = cards.get(link.to);
    if (!a || !b) continue;
    const path = document.createElementNS(svgNs, "path");
    let d;
    if (link.vertical) {
      // from the top of the smaller-scale card (lower band) to the bottom of the larger-scale card (upper band)
      const x1 = a.left + a.width / 2 - box.left, y1 = a.top - box.top;
      const x2 = b.left + b.width / 2 - box.left, y2 = b.bottom - box.top;
      const mid = (y1 + y2) / 2;
      d = `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`;
      path.setAttribute("class", "stack-line vertical");
      path.setAttribute("marker-end", "url(#stack-arrow)");
    } else {
      const [left, right] = a.left < b.left ? [a, b] : [b, a];
      const between = [...cards.values()].some((c) => c !== a && c !== b && c.left >= left.right - 1 && c.right <= right.left + 1
        && c.bottom > Math.min(left.top, right.top) && c.top < Math.max(left.bottom, right.bottom));
      if (between) {
        // another card stands between the two: arc over the row, so the line and its counts stay in sight
        const x1 = left.left + left.width / 2 - box.left, y1 = left.top - box.top;
        const x2 = right.left + right.width / 2 - box.left, y2 = right.top - box.top;
        const lift = Math.min(y1, y2) - 28;
        d = `M${x1},${y1} C${x1},${lift} ${x2},${lift} ${x2},${y2}`;
      } else {
        const x1 = left.right - box.left, y1 = left.top + left.height / 2 - box.top;
        const x2 = right.left - box.left, y2 = right.top + right.height / 2 - box.top;
        d = `M${x1},${y1} L${x2},${y2}`;
      }
      path.setAttribute("class", "stack-line horizontal");
    }
    path.setAttribute("d", d);
    svg.appendChild(path);
    const flow = flows.get([link.from, link.to].sort().join("|"));
    if (flow && flow.issues + flow.learning > 0) (labels ?? svg).appendChild(flowLabel(path, flow));
  }
  const defs = document.createElementNS(svgNs, "defs");
  defs.innerHTML = '<marker id="stack-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="stack-arrow"></path></marker>';
  svg.prepend(defs);
}

// A count label at the middle of a link, leading to the list behind it. The table under the diagram has the same links for
// keyboards and screen readers, so these are kept out of the tab order.
function flowLabel(path, flow) {
  const mid = path.getPointAtLength(path.getTotalLength() / 2);
  const a = document.createElementNS(svgNs, "a");
  a.setAttribute("href", flow.href);
  a.setAttribute("tabindex", "-1");
  a.setAttribute("class", "stack-flow");
  const text = document.createElementNS(svgNs, "text");
  text.setAttribute("x", String(mid.x));
  text.setAttribute("y", String(mid.y));
  text.setAttribute("text-anchor", "middle");
  text.setAttribute("dominant-baseline", "central");
  const parts = [];
  if (flow.issues) parts.push(`${flow.issues} issue${flow.issues === 1 ? "" : "s"}`);
  if (flow.learning) parts.push(`${flow.learning} learning`);
  text.textContent = parts.join(" · ");
  a.appendChild(text);
  // a white pill behind the words, sized once they are laid out
  requestAnimationFrame(() => {
    const b = text.getBBox();
    const rect = document.createElementNS(svgNs, "rect");
    rect.setAttribute("x", String(b.x - 6));
    rect.setAttribute("y", String(b.y - 3));
    rect.setAttribute("width", String(b.width + 12));
    rect.setAttribute("height", String(b.height + 6));
    rect.setAttribute("rx", "9");
    a.insertBefore(rect, text);
  });
  return a;
}

let pending = 0;
function schedule() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(draw);
}

window.addEventListener("resize", schedule);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", schedule);
else schedule();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", schedule);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", schedule));
