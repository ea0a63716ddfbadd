// Names autocomplete for every search box that has data-names-url: an ARIA combobox that
// fetches the names endpoint as one types. Without JavaScript the boxes are plain forms.
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
      input.value = options[index].name;
      close();
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

    function render(results) {
      options = results;
      list.textContent = "";
      results.forEach(function (result, index) {
        var item = document.createElement("li");
        item.id = id + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
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
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(index);
        });
        list.appendChild(item);
      });
      if (results.length) {
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
      if (text.length < 2) { render([]); return; }
      var url = input.dataset.namesUrl + "?q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (ticket === latest) render(data.results || []); })
        .catch(function () { if (ticket === latest) render([]); });
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
  });
})();
