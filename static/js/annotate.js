// The annotate screen: turn a selection in the article text into the form's part, words and
// offsets. Each run of text is a <span data-start="N">, so an offset is N plus the offset in
// the run's text node. The server checks everything again; this only saves typing.
(function () {
  "use strict";

  function partOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el && el.closest("[data-part]");
  }

  // Offset into the part's text of a DOM boundary point (node, offset).
  function offsetOf(part, node, offset) {
    if (node === part) {
      var runs = part.children;
      return offset < runs.length ? Number(runs[offset].dataset.start) : part.textContent.length;
    }
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var run = el.closest("[data-start]");
    if (!run || !part.contains(run)) return null;
    if (node.nodeType !== Node.TEXT_NODE) offset = offset > 0 ? run.textContent.length : 0;
    return Number(run.dataset.start) + offset;
  }

  function occurrenceOf(text, exact, start) {
    var n = 0, at = text.indexOf(exact);
    while (at !== -1 && at < start) { n += 1; at = text.indexOf(exact, at + 1); }
    return n + 1;
  }

  function init() {
    var form = document.getElementById("annotate-form");
    if (!form) return;
    var status = document.getElementById("selection-status");
    var field = function (name) { return form.elements.namedItem(name); };

    function capture() {
      var sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed) return;
      var range = sel.getRangeAt(0);
      var part = partOf(range.startContainer);
      if (!part || part !== partOf(range.endContainer)) return;
      var start = offsetOf(part, range.startContainer, range.startOffset);
      var end = offsetOf(part, range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      var text = part.textContent;
      var exact = text.slice(start, end);
      field("part").value = part.dataset.part;
      field("exact").value = exact;
      field("start").value = start;
      field("end").value = end;
      field("occurrence").value = occurrenceOf(text, exact, start);
      status.textContent = "Selected in the " + part.dataset.part + ": \u201c" + exact + "\u201d";
    }

    document.addEventListener("mouseup", capture);
    document.addEventListener("keyup", function (event) {
      if (event.shiftKey || event.key === "Shift") capture();
    });

    // Typed words are found by the server; stale offsets must not override them.
    ["exact", "part", "occurrence"].forEach(function (name) {
      field(name).addEventListener("input", function () {
        field("start").value = "";
        field("end").value = "";
      });
    });

    // Show only the fields for the kind of annotation chosen.
    function showKind() {
      var kind = form.querySelector("input[name=kind]:checked");
      form.querySelectorAll("[data-for-kind]").forEach(function (box) {
        box.hidden = kind && box.dataset.forKind !== kind.value;
      });
    }
    form.querySelectorAll("input[name=kind]").forEach(function (radio) {
      radio.addEventListener("change", showKind);
    });
    showKind();
  }

  // The admin's autocomplete boxes (select2) label their combobox but not the read-only box
  // showing the choice, nor a multiple choice's search field; name them after the field's
  // label whenever select2 (re)draws them.
  function nameAutocompleteBoxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var box = document.getElementById("select2-" + select.id + "-container");
      var name = label && label.textContent.replace(":", "").trim();
      if (box && name && box.getAttribute("aria-label") !== name) box.setAttribute("aria-label", name);
      // A multiple choice ("about") types into an inline search field of its own.
      var container = select.nextElementSibling;
      var search = container && container.querySelector(".select2-search__field");
      if (search && name && search.getAttribute("aria-label") !== name) search.setAttribute("aria-label", name);
    });
  }

  // "New person" / "New organization": the admin's add popup (RelatedObjectLookups.js), named
  // after the field so that saving selects the new record there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-add-entity-for]");
    if (!link || typeof window.showRelatedObjectPopup !== "function") return;
    event.preventDefault();
    var url = new URL(link.href);
    url.searchParams.set("_to_field", "id");
    url.searchParams.set("_popup", "1");
    window.showRelatedObjectPopup({ id: "add_" + link.dataset.addEntityFor, href: url.href });
  });

  document.addEventListener("DOMContentLoaded", function () {
    init();
    var form = document.getElementById("annotate-form");
    if (form) {
      new MutationObserver(nameAutocompleteBoxes).observe(form, { childList: true, subtree: true });
      nameAutocompleteBoxes();
    }
  });
})();
