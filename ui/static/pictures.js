// Pictures dropped or pasted into a post's text go to the uploader beside it (NiceGUI's upload element, named by the
// text field's data-pictures attribute): it sends them over the page's own client, as the viewer, with progress.
// Once a picture is stored the server hands back its Markdown, which goes in at the cursor (at the end of the text
// if the field was never entered), on a line of its own.
window.tidingsPictures = {
  _fieldOf(target) {
    return target instanceof HTMLTextAreaElement && target.dataset.pictures ? target : null;
  },
  _send(field, files) {
    const wanted = [...(files || [])].filter((file) => file.type.startsWith("image/"));
    if (!wanted.length) return false;
    getElement(Number(field.dataset.pictures)).$refs.qRef.addFiles(wanted);
    return true;
  },
  insert(uploader, markdown) {
    const field = document.querySelector(`textarea[data-pictures="${uploader}"]`);
    if (!field) return;
    const entered = field.dataset.entered === "yes";
    const start = entered ? field.selectionStart : field.value.length;
    const end = entered ? field.selectionEnd : field.value.length;
    const before = field.value.slice(0, start);
    const text = (before && !before.endsWith("\n") ? "\n" : "") + markdown + "\n";
    field.setRangeText(text, start, end, "end");
    field.dispatchEvent(new Event("input", { bubbles: true })); // the server hears it as typed
  },
};
document.addEventListener("focusin", (event) => {
  const field = tidingsPictures._fieldOf(event.target);
  if (field) field.dataset.entered = "yes";
});
document.addEventListener("paste", (event) => {
  const field = tidingsPictures._fieldOf(event.target);
  if (field && tidingsPictures._send(field, event.clipboardData?.files)) event.preventDefault();
});
document.addEventListener("dragover", (event) => {
  if (tidingsPictures._fieldOf(event.target) && event.dataTransfer?.types.includes("Files")) event.preventDefault();
});
document.addEventListener("drop", (event) => {
  const field = tidingsPictures._fieldOf(event.target);
  if (field && tidingsPictures._send(field, event.dataTransfer?.files)) event.preventDefault();
});
