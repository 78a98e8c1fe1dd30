// A picture that does not load (gone, refused by the page's security policy, not a picture at all) gives way to
// the first letter of the name, as for a user with no picture. An image's `error` does not bubble: listen in the
// capture phase, once for the whole page, before any avatar is drawn.
document.addEventListener(
  "error",
  (event) => {
    const picture = event.target;
    if (!(picture instanceof HTMLImageElement) || !picture.dataset.initial) return;
    const initial = document.createElement("span");
    initial.className = "tidings-initial";
    initial.textContent = picture.dataset.initial;
    picture.parentElement.classList.add("bg-primary", "text-white");
    picture.replaceWith(initial);
  },
  true,
);
