// When a form comes back with problems:
// - each field message is tied to its field (aria-invalid, aria-describedby), so a screen reader reads the message
//   when the field is focused;
// - focus moves to the error summary, so that screen readers announce it and the person sees it, instead of
//   staying at the top of a long page.
let counter = 0;
const FIELD = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea";

// The field a message belongs to: the closest one before it (a message is rendered just after its field). A group of
// radios or checkboxes gets the message on its fieldset instead.
function fieldFor(message) {
  for (let node = message, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.classList.contains("invalid-feedback")) return null;
      if (sibling.matches(FIELD)) return sibling;
      const inside = sibling.querySelectorAll(FIELD);
      if (inside.length === 0) continue;
      const last = inside[inside.length - 1];
      if (last.matches("[type=radio], [type=checkbox]")) return last.closest("fieldset") || last;
      return last;
    }
  }
  return null;
}

function linkFieldErrors() {
  for (const message of document.querySelectorAll(".invalid-feedback")) {
    const field = fieldFor(message);
    if (!field) continue;
    if (!message.id) message.id = `field-error-${++counter}`;
    if (field.matches(FIELD)) field.setAttribute("aria-invalid", "true");
    const described = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!described.includes(message.id)) field.setAttribute("aria-describedby", [...described, message.id].join(" "));
  }
}

function focusErrors() {
  linkFieldErrors();
  const summary = document.querySelector(".error-summary");
  if (summary && !summary.contains(document.activeElement)) {
    summary.focus({ preventScroll: false });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusErrors);
else focusErrors();
if (window.Blazor?.addEventListener) window.Blazor.addEventListener("enhancedload", focusErrors);
else document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", focusErrors));
