// Names autocomplete for every search box that has data-names-url: an ARIA combobox that
// fetches the names endpoint as one types. Picking a name opens that entity's page; the last
// option searches for the words typed. A filter field (data-names-fill, with the kinds it
// takes in data-names-kind) is filled with the picked name's address slug instead, and
// offers no search. Without JavaScript the boxes are plain forms.
(function () {
  "use strict";
  var counter = 0;

  function setup(input) {
    var list = document.createElement("ul");
    var id = "names-" + (++counter);
    var options = [];
    var active = -1;
    var timer = null;
    var latest = 0;
    var fill = input.hasAttribute("data-names-fill");
    list.id = id;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Names");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var option = options[index];
      close();
      if (fill) {
        if (option.slug) input.value = option.slug;
        return;
      }
      // Only the site's own paths are followed (the endpoint gives "/people/<slug>/").
      if (option.url && option.url.charAt(0) === "/" && option.url.charAt(1) !== "/") {
        input.value = option.name;
        window.location.assign(option.url);
        return;
      }
      input.form.submit();
    }

    function highlight(index) {
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function option(index) {
      var item = document.createElement("li");
      item.id = id + "-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(index);
      });
      list.appendChild(item);
      return item;
    }

    function render(results, typed) {
      options = results.slice();
      list.textContent = "";
      results.forEach(function (result, index) {
        var item = option(index);
        item.appendChild(document.createTextNode(result.name + " "));
        var kind = document.createElement("span");
        kind.className = "option-kind";
        kind.textContent = result.kind;
        item.appendChild(kind);
        if (result.matched) {
          var alias = document.createElement("span");
          alias.className = "option-alias";
          alias.textContent = " (" + result.matched + ")";
          item.appendChild(alias);
        }
        if (result.description) {
          var about = document.createElement("span");
          about.className = "option-description";
          about.textContent = " \u2014 " + result.description;
          item.appendChild(about);
        }
      });
      if (results.length && fill) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else if (results.length) {
        // Last: search the archive for the words as typed (the form's own submit).
        options.push({ name: typed, url: null });
        var search = option(results.length);
        search.className = "option-search";
        search.appendChild(document.createTextNode("Search for \u201c" + typed + "\u201d"));
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    function lookup() {
      var text = input.value.trim();
      var ticket = ++latest;
      if (text.length < 2) { render([], text); return; }
      var url = input.dataset.namesUrl + "?q=" + encodeURIComponent(text);
      if (input.dataset.namesKind) url += "&kind=" + encodeURIComponent(input.dataset.namesKind);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (ticket === latest) render(data.results || [], text); })
        .catch(function () { if (ticket === latest) render([], text); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(Math.min(active + 1, options.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(Math.max(active - 1, -1));
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-names-url]");
    for (var i = 0; i < inputs.length; i++) setup(inputs[i]);
    // The search page's facets start folded below the results (a phone shows the results
    // first); beside the results on a wide screen there is room to show them open.
    if (window.matchMedia("(min-width: 50rem)").matches) {
      var panels = document.querySelectorAll(".facets-panel");
      for (var j = 0; j < panels.length; j++) panels[j].open = true;
    }
  });
})();
