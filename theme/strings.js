// The words of the book's interface, one table per edition's language: the
// labels over code blocks, search, the PDF link and the language switch.
// The other scripts of theme/ take their words from here, and markers.css
// shows the labels through the custom properties set below. The table is
// JSON (quoted keys, no trailing commas) between `window.bookStrings = `
// and the `};` that ends its last line, so that the tests read it too:
// the browser test checks what a reader sees against it, and the book test
// puts the Chinese through the glossary and typography checks.
window.bookStrings = {
    "en": {
        "edition": "English",
        "readThisEdition": "Read the English edition",
        "does_not_compile": "This code does not compile",
        "panics": "This code panics",
        "never_ends": "The note's program never ends; this one stops by itself",
        "search": "Search (/ or s)",
        "searchNeedsServer": "Search needs the book served over HTTP (cargo xtask serve), indexed by cargo xtask build.",
        "pdf": "PDF",
        "pdfTitle": "Download this book as a PDF"
    },
    "zh-CN": {
        "edition": "中文",
        "readThisEdition": "阅读中文版",
        "does_not_compile": "这段代码无法编译",
        "panics": "这段代码会 panic",
        "never_ends": "笔记中的程序永不结束；这个版本会自行结束",
        "search": "搜索（按 / 或 s）",
        "searchNeedsServer": "搜索需要通过 HTTP 访问本书（cargo xtask serve），且需先运行 cargo xtask build 建立索引。",
        "pdf": "PDF",
        "pdfTitle": "下载本书的 PDF 版"
    }
};

// The labels over marked code blocks, in the page's language: each class
// that marks a block (the keys named as the classes) becomes the custom
// property `--label-<class>` that markers.css shows.
(function () {
    "use strict";
    const strings = window.bookStrings[document.documentElement.lang] || window.bookStrings.en;
    for (const marker of ["does_not_compile", "panics", "never_ends"]) {
        // A CSS string: JSON's quoting and escapes are CSS's for this text.
        document.documentElement.style.setProperty("--label-" + marker, JSON.stringify(strings[marker]));
    }
})();
