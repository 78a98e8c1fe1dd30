// Quasar's uploader draws its "add" control as a nameless icon button wrapped around a file input that has no label
// and cannot be reached by keyboard. Make the input itself the control: named after the uploader's title, reached
// by Tab (Enter or Space opens the file picker), and the button around it mere decoration. Name the other icons too.
(() => {
  const icons = { clear_all: "Clear all", cloud_upload: "Upload", clear: "Abort" };
  const name = (uploader) => {
    const title = uploader.querySelector(".q-uploader__title")?.textContent?.trim() || "Pictures";
    for (const input of uploader.querySelectorAll(".q-uploader__input:not([aria-label])")) {
      input.setAttribute("aria-label", `Choose files: ${title}`);
      input.tabIndex = 0;
      const button = input.closest(".q-btn");
      button?.setAttribute("tabindex", "-1");
      button?.setAttribute("role", "presentation");
    }
    for (const button of uploader.querySelectorAll(".q-uploader__header .q-btn:not([aria-label]):not([role])")) {
      const label = icons[button.querySelector(".q-icon")?.textContent?.trim()];
      if (label) button.setAttribute("aria-label", label);
    }
  };
  // Only what was added is looked at: a live page changes often, and most of it holds no uploader.
  const within = (node) => {
    const uploader = node.closest(".q-uploader");
    if (uploader) name(uploader);
    else node.querySelectorAll(".q-uploader").forEach(name);
  };
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) within(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  within(document.documentElement);
})();
