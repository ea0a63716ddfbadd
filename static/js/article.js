// The article page's side panels start folded, so that on a phone, where they follow the
// text, the page ends near where the text ends. Beside the text on a wide screen there is
// room: open the panels marked for it, in order, as long as the sidebar stays shorter than
// the text (a panel that would make it longer stays folded).
(() => {
  if (!window.matchMedia("(min-width: 60em)").matches) return;
  const text = document.querySelector("article.story");
  const sidebar = document.querySelector(".reading .sidebar");
  if (!text || !sidebar) return;
  const end = () => text.getBoundingClientRect().bottom;
  for (const panel of sidebar.querySelectorAll("details[data-open-wide]")) {
    panel.open = true;
    if (sidebar.getBoundingClientRect().bottom > end()) panel.open = false;
  }
})();
