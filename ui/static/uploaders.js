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
  const observer = new MutationObserver(() => document.querySelectorAll(".q-uploader").forEach(name));
  observer.observe(document.documentElement, { childList: true, subtree: true });
})();
