// Progressive enhancement of a stepped intake form: a question that applies only for some answers
// is shown or hidden at once when the answer on the same step changes. Without this file the
// server applies the same conditions between steps (forms_app/intake/steps.py).
(function () {
  "use strict";
  var form = document.querySelector("form.intake-form--step");
  if (!form) { return; }
  var conditional = form.querySelectorAll("[data-show-if]");
  if (!conditional.length) { return; }

  function chosen(name) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== name || el.disabled) { return; }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { return; }
      if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push(o.value); });
      } else {
        values.push(el.value);
      }
    });
    return values;
  }

  function onThisStep(name) {
    return Array.prototype.some.call(form.elements, function (el) { return el.name === name; });
  }

  function update() {
    Array.prototype.forEach.call(conditional, function (block) {
      var key = block.getAttribute("data-show-if");
      if (!onThisStep(key)) { return; }  // decided by the server from an earlier step
      var wanted = block.getAttribute("data-show-values").split(" ");
      var applies = chosen(key).some(function (value) { return wanted.indexOf(value) !== -1; });
      block.hidden = !applies;
      // A hidden question sends nothing; the server would drop its answer anyway.
      block.querySelectorAll("input, select, textarea").forEach(function (el) { el.disabled = !applies; });
    });
  }

  form.addEventListener("change", update);
  update();
})();
