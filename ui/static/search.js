// The header's search box is a plain input, not a form (a page holds no form a text could have smuggled in, and
// typing in it costs the server nothing): Enter opens the results for what it holds.
document.addEventListener("keydown", (event) => {
  const box = event.target;
  if (event.key !== "Enter" || !(box instanceof HTMLInputElement) || !box.matches(".tidings-search input")) return;
  event.preventDefault();
  window.location.href = box.value.trim() ? "/search?q=" + encodeURIComponent(box.value) : "/search";
});
