// Keeps what the author types in this browser's storage, so nothing is lost on a reload or a dropped
// connection (while the connection is down, the server hears nothing).
window.tidingsDrafts = {
  watch(key, fields) {
    const read = () => Object.fromEntries(
      Object.entries(fields).map(([name, id]) => [name, document.getElementById(id)?.value ?? ""]));
    const save = (event) => {
      if (Object.values(fields).includes(event.target.id)) {
        localStorage.setItem(key, JSON.stringify({ ...read(), at: Date.now() }));
      }
    };
    document.removeEventListener("input", window.tidingsDrafts._listener ?? (() => {}));
    window.tidingsDrafts._listener = save;
    document.addEventListener("input", save);
  },
  load(key) {
    return localStorage.getItem(key);
  },
  forget(key) {
    localStorage.removeItem(key);
  },
};
