// The review queue without reloads: each decision form is posted with fetch() asking for
// JSON; the suggestion is then marked decided in place and its outcome announced. Without
// JavaScript the same forms post normally and the queue comes back with a message.
(function () {
  "use strict";

  function decide(event) {
    var form = event.target.closest("form[data-review-decision]");
    if (!form) { return; }
    event.preventDefault();
    var item = form.closest("[data-suggestion]");
    var outcome = item.querySelector(".review-outcome");
    var buttons = form.querySelectorAll("button");
    var data = new FormData(form, event.submitter);
    buttons.forEach(function (button) { button.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, message: "The server answered " + response.status + "." };
        });
      })
      .then(function (answer) {
        outcome.textContent = answer.message;
        if (answer.ok) {
          item.classList.add("decided", "decided-" + answer.decided);
          form.remove();
        } else {
          outcome.classList.add("review-refused");
          buttons.forEach(function (button) { button.disabled = false; });
        }
      })
      .catch(function () {
        outcome.textContent = "Not saved: the connection failed. Try again.";
        buttons.forEach(function (button) { button.disabled = false; });
      });
  }

  document.addEventListener("submit", decide);
})();
