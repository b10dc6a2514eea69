// A link in the menu bar to the same page in the other edition. English
// sits at the site's root and the Chinese edition in its `zh-CN/` folder,
// with the same file names, so the other page is one folder down or up.
(function () {
    "use strict";
    const editions = {
        "en": { label: "中文", title: "阅读中文版", path: "zh-CN/" },
        "zh-CN": { label: "English", title: "Read the English edition", path: "../" },
    };
    const edition = editions[document.documentElement.lang];
    const buttons = document.querySelector("#mdbook-menu-bar .right-buttons, .right-buttons");
    if (!edition || !buttons) {
        return;
    }
    const page = window.location.pathname.split("/").pop() || "index.html";
    const link = document.createElement("a");
    link.id = "language-switch";
    link.href = path_to_root + edition.path + page + window.location.hash;
    link.title = edition.title;
    link.setAttribute("aria-label", edition.title);
    link.setAttribute("lang", document.documentElement.lang === "en" ? "zh-CN" : "en");
    link.textContent = edition.label;
    buttons.prepend(link);
})();
