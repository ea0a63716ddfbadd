// Suggestions for comma-separated tag inputs: as the editor types the last name, the
// <datalist> offers existing tags that complete it (keeping the names already typed).
(function () {
  "use strict";

  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.dataset.tagSuggest;
    var pending = null;
    input.addEventListener("input", function () {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var head = cut === -1 ? "" : value.slice(0, cut + 1) + " ";
      var term = value.slice(cut + 1).trim();
      clearTimeout(pending);
      if (!term) { list.replaceChildren(); return; }
      pending = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(term), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.tags.map(function (name) {
              var option = document.createElement("option");
              option.value = head + (name.indexOf(",") === -1 ? name : '"' + name + '"');
              return option;
            }));
          });
      }, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-tag-suggest]").forEach(attach);
  });
})();
