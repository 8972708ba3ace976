// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Print button on the receipt (hidden when scripts do not run).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // List the files chosen in an evidence field, so claimants see what they are sending.
  document.querySelectorAll("input[type=file][multiple]").forEach(function (input) {
    var list = document.createElement("ul");
    list.className = "chosen-files";
    list.setAttribute("aria-live", "polite");
    list.setAttribute("lang", "");  // file names are in no particular language
    input.insertAdjacentElement("afterend", list);
    input.addEventListener("change", function () {
      list.textContent = "";
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement("li");
        item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
        list.appendChild(item);
      });
    });
  });
  // Move focus to the error summary so screen reader users hear what went wrong.
  var summary = document.getElementById("form-errors");
  if (summary) { summary.focus(); }
})();
