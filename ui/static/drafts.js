// Keeps what the user types in this browser's storage, so nothing is lost on a reload or a dropped
// connection (while the connection is down, the server hears nothing). One watcher per key: the editor's
// fields and a post's comment box are kept apart, and a copy belongs to one key only (a new post's copy is
// released when the post is first saved, so it never comes back in the next new post).
window.tidingsDrafts = {
  _listeners: {},
  watch(key, fields, now = false) {
    const read = () => Object.fromEntries(
      Object.entries(fields).map(([name, id]) => [name, document.getElementById(id)?.value ?? ""]));
    const keep = () => localStorage.setItem(key, JSON.stringify({ ...read(), at: Date.now() }));
    const save = (event) => {
      if (Object.values(fields).includes(event.target.id)) keep();
    };
    this._stop(key);
    this._listeners[key] = save;
    document.addEventListener("input", save);
    // Typed before this watch began (the page asks for it a moment after it shows)
    if (now && Object.values(read()).some((value) => value !== "")) keep();
  },
  load(key) {
    return localStorage.getItem(key);
  },
  forget(key) {
    localStorage.removeItem(key);
  },
  release(key) {
    this._stop(key);
    this.forget(key);
  },
  _stop(key) {
    if (this._listeners[key]) document.removeEventListener("input", this._listeners[key]);
    delete this._listeners[key];
  },
};
