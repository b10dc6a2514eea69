// A link in the menu bar to the same page in the other edition. English
// sits at the site's root and the Chinese edition in its `zh-CN/` folder,
// with the same file names, so the other page is one folder down or up.
// The link's words are the other edition's, from theme/strings.js.
(function () {
    "use strict";
    const others = {
        "en": { language: "zh-CN", path: "zh-CN/" },
        "zh-CN": { language: "en", path: "../" },
    };
    const other = others[document.documentElement.lang];
    const buttons = document.querySelector("#mdbook-menu-bar .right-buttons, .right-buttons");
    if (!other || !buttons) {
        return;
    }
    const strings = window.bookStrings[other.language];
    const page = window.location.pathname.split("/").pop() || "index.html";
    const link = document.createElement("a");
    link.id = "language-switch";
    link.href = path_to_root + other.path + page + window.location.hash;
    link.title = strings.readThisEdition;
    link.setAttribute("aria-label", strings.readThisEdition);
    link.setAttribute("lang", other.language);
    link.textContent = strings.edition;
    buttons.prepend(link);
})();
