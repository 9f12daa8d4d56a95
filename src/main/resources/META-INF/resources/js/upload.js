// Sends the upload form with XMLHttpRequest to show the upload's progress (bytes sent and per cent), then that
// the check is running, and shows the answer page when it arrives. Without JavaScript the plain form works the same.
(function () {
  "use strict";
  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toLocaleString("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " MB";
  }
  function show(answer) {
    var page = new DOMParser().parseFromString(answer, "text/html");
    document.title = page.title;
    document.body.replaceWith(document.adoptNode(page.body));
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.upload") || !window.FormData || !window.XMLHttpRequest) return;
    var file = form.querySelector("input[type=file]");
    if (!file || !file.files || file.files.length === 0) return;
    event.preventDefault();
    var box = form.querySelector(".upload-progress");
    var bar = form.querySelector("progress");
    var text = form.querySelector(".upload-progress span");
    var button = form.querySelector("button[type=submit]");
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    box.hidden = false;
    button.disabled = true;
    text.textContent = "Sender filen …";
    var events = 0;
    xhr.upload.addEventListener("progress", function (e) {
      box.setAttribute("data-progress-events", String(++events));
      box.setAttribute("data-sent", String(e.loaded));
      if (!e.lengthComputable) {
        text.textContent = "Sendt " + megabytes(e.loaded) + " …";
        return;
      }
      var percent = Math.floor(e.loaded / e.total * 100);
      bar.value = percent;
      text.textContent = "Sendt " + megabytes(e.loaded) + " af " + megabytes(e.total) + " (" + percent + " %)";
    });
    xhr.upload.addEventListener("load", function () {
      bar.value = 100;
      bar.removeAttribute("value"); // an indeterminate bar: the server is working
      box.classList.add("checking");
      text.textContent = "Filen er sendt. Kontrollen kører – det kan tage et øjeblik for en stor fil …";
    });
    xhr.addEventListener("load", function () {
      if ((xhr.getResponseHeader("Content-Type") || "").indexOf("text/html") === 0) {
        show(xhr.responseText);
        return;
      }
      button.disabled = false;
      box.classList.remove("checking");
      text.textContent = xhr.status === 413 ? "Filen er for stor. Del den op, eller indberet et udvalg ad gangen."
        : "Filen kunne ikke kontrolleres (" + xhr.status + "). Prøv igen.";
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      text.textContent = "Filen kunne ikke sendes. Prøv igen.";
    });
    xhr.open("POST", form.action);
    xhr.send(data);
  });
})();
