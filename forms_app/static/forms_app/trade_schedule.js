// The trade schedule's "Add a transaction" and "Remove this transaction" without reloading the page.
// Progressive enhancement: without this file the same buttons send the form, which comes back with
// the answers and a row more or less (forms_app/intake/trade_schedule.py).
(function () {
  "use strict";
  function clear(row) {
    row.querySelectorAll("[data-part]").forEach(function (input) { input.value = ""; });
  }
  function renumber(schedule) {
    var name = schedule.getAttribute("data-name");
    var rows = schedule.querySelectorAll("[data-trade-row]");
    rows.forEach(function (row, index) {
      var prefix = name + "__" + index + "__";
      row.id = "id_" + prefix + "row";
      row.querySelector("[data-row-number]").textContent = String(index + 1);
      row.querySelectorAll("[data-part]").forEach(function (input) {
        input.name = prefix + input.getAttribute("data-part");
        input.id = "id_" + input.name;
      });
      row.querySelectorAll("[data-for-part]").forEach(function (label) {
        label.htmlFor = "id_" + prefix + label.getAttribute("data-for-part");
      });
      row.querySelector("[data-remove-row]").value = String(index);
    });
    schedule.querySelector("[data-rows-count]").value = String(rows.length);
  }
  document.querySelectorAll("[data-trade-schedule]:not([data-enhanced])").forEach(function (schedule) {
    schedule.setAttribute("data-enhanced", "");
    // Handled here, so they must not send the form (cloned rows keep the type).
    schedule.querySelectorAll("[data-add-row], [data-remove-row]").forEach(function (button) { button.type = "button"; });
    var list = schedule.querySelector("[data-trade-rows]");
    var status = schedule.querySelector("[data-trade-status]");
    schedule.addEventListener("click", function (event) {
      var add = event.target.closest("[data-add-row]");
      var remove = event.target.closest("[data-remove-row]");
      var rows = list.querySelectorAll("[data-trade-row]");
      if (add) {
        event.preventDefault();
        if (rows.length >= Number(schedule.getAttribute("data-max-rows"))) { return; }  // as the server keeps
        var copy = rows[rows.length - 1].cloneNode(true);
        clear(copy);
        list.appendChild(copy);
        renumber(schedule);
        copy.querySelector("[data-part]").focus();
        status.textContent = status.getAttribute("data-added");
      } else if (remove) {
        event.preventDefault();
        var row = remove.closest("[data-trade-row]");
        if (rows.length > 1) { row.remove(); } else { clear(row); }
        renumber(schedule);
        schedule.querySelector("[data-add-row]").focus();
        status.textContent = status.getAttribute("data-removed");
      }
    });
  });
})();
