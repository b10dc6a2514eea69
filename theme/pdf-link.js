// A link in the menu bar to this edition's PDF (`cargo xtask pdf` prints it
// beside print.html; the published site has one per edition), shown only
// where the PDF exists, so a local build without one links nothing.
(function () {
    "use strict";
    const buttons = document.querySelector("#mdbook-menu-bar .right-buttons");
    if (!buttons || window.location.protocol === "file:") {
        return;
    }
    const pdf = path_to_root + "book.pdf";
    fetch(pdf, { method: "HEAD" }).then(function (response) {
        if (!response.ok) {
            return;
        }
        const strings = window.bookStrings[document.documentElement.lang] || window.bookStrings.en;
        const link = document.createElement("a");
        link.id = "pdf-link";
        link.href = pdf;
        link.textContent = strings.pdf;
        link.title = strings.pdfTitle;
        link.setAttribute("aria-label", link.title);
        buttons.prepend(link);
    }).catch(function () {});
})();
