// The figures form's helpers. The server checks everything again; without JavaScript the form works the same,
// only without these: (1) how far each amount is from the plan, as you type; (2) the error summary (GOV.UK / Det
// Fælles Designsystem pattern) gets the focus when the page opens, and its links move the focus to their field;
// (3) a warning before leaving a form with changes that are not saved (not when it is submitted).
(function () {
  function parse(text) {
    var s = (text || "").replace(/[\s\u00a0]/g, "").replace(/\u2212/g, "-");
    if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s)) return null;
    return parseFloat(s.replace(/\./g, "").replace(",", "."));
  }
  function show(input) {
    var out = document.querySelector('output[data-deviation-of="' + input.id + '"]');
    if (!out) return;
    var plan = parse(input.getAttribute("data-plan")) || 0;
    var actual = input.value.trim() === "" ? 0 : parse(input.value);
    if (actual === null) { out.textContent = "ikke et beløb"; return; }
    var diff = actual - plan;
    if (plan === 0) { out.textContent = diff === 0 ? "" : "ikke i planen"; return; }
    var pct = Math.round(diff / Math.abs(plan) * 1000) / 10;
    out.textContent = (pct > 0 ? "+" : "") + pct.toString().replace(".", ",") + " %" + (Math.abs(pct) > 5 ? " – forklaring påkrævet" : "");
  }
  document.querySelectorAll("input[data-plan]").forEach(function (input) {
    input.addEventListener("input", function () { show(input); });
    show(input);
  });

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(decodeURIComponent(link.getAttribute("href").substring(1)));
        if (!field) return;
        event.preventDefault();
        var label = document.querySelector("label[for='" + field.id + "']");
        (label || field).scrollIntoView();
        field.focus({ preventScroll: true });
      });
    });
  }

  var form = document.querySelector("form.entry");
  if (form) {
    var changed = form.getAttribute("data-unsaved") === "true";
    var submitting = false;
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (changed && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
})();
