// When a form comes back with problems:
// - each field message is tied to its field (aria-invalid, aria-describedby), so a screen reader reads the message
//   when the field is focused;
// - focus moves to the error summary, so that screen readers announce it and the person sees it, instead of
//   staying at the top of a long page.
let counter = 0;

function linkFieldErrors() {
  for (const message of document.querySelectorAll(".invalid-feedback")) {
    const container = message.parentElement;
    const field = container?.querySelector("input:not([type=hidden]), select, textarea");
    if (!field) continue;
    if (!message.id) message.id = `field-error-${++counter}`;
    field.setAttribute("aria-invalid", "true");
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
