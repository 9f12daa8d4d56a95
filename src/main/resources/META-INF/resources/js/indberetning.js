// Shows, as you type, how far each amount is from the plan. The server checks everything again;
// without JavaScript the form works the same, only without this hint.
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
})();
