// Times as people say them ("just now", "3 min ago", "2 h ago", "yesterday", then the date), for every
// <time datetime> on the page (ui/components/when.py writes them): rewritten the moment one appears (a live comment,
// an opened menu) and every 30 s after, with the exact local date and time in its title.
(() => {
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  const exact = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
  const thisYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
  const otherYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });

  const startOfDay = (moment) => new Date(moment.getFullYear(), moment.getMonth(), moment.getDate()).getTime();

  function said(moment, now) {
    const ago = now - moment;
    if (ago < MINUTE) return "just now"; // also a little ahead: clocks differ
    if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
    if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
    if (startOfDay(now) - startOfDay(moment) <= DAY) return "yesterday";
    return (moment.getFullYear() === now.getFullYear() ? thisYear : otherYear).format(moment);
  }

  function rewrite(time, now) {
    const moment = new Date(time.dateTime);
    if (Number.isNaN(moment.getTime())) return;
    const text = said(moment, now);
    const title = exact.format(moment);
    if (time.textContent !== text) time.textContent = text;
    if (time.title !== title) time.title = title;
  }

  function rewriteIn(root) {
    const now = new Date();
    if (root.matches("time[datetime]")) rewrite(root, now);
    for (const time of root.querySelectorAll("time[datetime]")) rewrite(time, now);
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) rewriteIn(node);
    }
  }).observe(document.body, { childList: true, subtree: true });
  rewriteIn(document.body);
  setInterval(() => rewriteIn(document.body), 30 * 1000);
})();
