// Full-text search with Pagefind, in place of mdBook's own (which splits
// words on spaces only, so finds no Chinese). `cargo xtask build` indexes
// both editions into one `pagefind/` folder at the site's root, an index
// per language; the UI loads the one of the page's `<html lang>`. It opens
// where mdBook's search did, from the same button and the same keys, `s`
// and `/`. Pagefind loads its index over HTTP, so search needs the book
// served (`cargo xtask serve`), not opened from the disk.
(function () {
    "use strict";
    const english = document.documentElement.lang === "en";
    // A translation lives one folder below the site's root.
    const siteRoot = new URL(path_to_root + (english ? "" : "../"), window.location.href);
    const bundle = new URL("pagefind/", siteRoot);
    // The words, from theme/strings.js.
    const strings = window.bookStrings[document.documentElement.lang] || window.bookStrings.en;
    const label = strings.search;

    const buttons = document.querySelector("#mdbook-menu-bar .left-buttons");
    const menuBar = document.getElementById("mdbook-menu-bar");
    if (!buttons || !menuBar) {
        return;
    }
    const toggle = document.createElement("button");
    toggle.id = "search-toggle";
    toggle.className = "icon-button";
    toggle.type = "button";
    toggle.title = label;
    toggle.setAttribute("aria-label", label);
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-keyshortcuts", "/ s");
    toggle.setAttribute("aria-controls", "search-panel");
    toggle.innerHTML =
        '<svg viewBox="0 0 512 512" width="16" height="16" aria-hidden="true">' +
        '<circle cx="208" cy="208" r="152" fill="none" stroke="currentColor" stroke-width="56"/>' +
        '<path d="M320 320 480 480" stroke="currentColor" stroke-width="64" stroke-linecap="round"/></svg>';
    buttons.appendChild(toggle);

    const panel = document.createElement("div");
    panel.id = "search-panel";
    panel.hidden = true;
    menuBar.insertAdjacentElement("afterend", panel);

    let ui = null;
    function load(then) {
        if (ui) {
            then();
            return;
        }
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = new URL("pagefind-ui.css", bundle).href;
        document.head.appendChild(style);
        const script = document.createElement("script");
        script.src = new URL("pagefind-ui.js", bundle).href;
        script.onload = function () {
            ui = new PagefindUI({
                element: "#search-panel",
                bundlePath: bundle.pathname,
                baseUrl: siteRoot.pathname,
                showSubResults: true,
                resetStyles: false,
            });
            then();
        };
        script.onerror = function () {
            panel.textContent = strings.searchNeedsServer;
            then();
        };
        document.head.appendChild(script);
    }

    function open() {
        load(function () {
            panel.hidden = false;
            toggle.setAttribute("aria-expanded", "true");
            const input = panel.querySelector("input");
            if (input) {
                input.focus();
                input.select();
            }
        });
    }

    function close() {
        panel.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
    }

    toggle.addEventListener("click", function () {
        if (panel.hidden) {
            open();
        } else {
            close();
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
            return;
        }
        const typing = event.target.closest("input, textarea, select, [contenteditable]");
        if (event.key === "Escape" && !panel.hidden) {
            event.preventDefault();
            close();
        } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
            event.preventDefault();
            open();
        }
    });
})();
