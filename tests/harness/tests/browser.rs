//! What a reader sees, tested where a reader sees it: the built site in
//! headless Chromium, driven through its own UI by WebDriver. Search finds
//! Chinese and English words in their editions, the language switch lands
//! on the same page, Run buttons stand exactly where the rules put them,
//! and the labels over marked code are shown in both editions. Every word
//! of the interface checked is the one `theme/strings.js` gives for the
//! page's language (`site::interface_strings`), as the theme shows it.
//!
//! It needs Chromium and chromedriver (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` installs) and Pagefind from PyPI;
//! without them it says SKIPPED and why.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use harness::html::{DOES_NOT_COMPILE, NEVER_ENDS, PANICS, chapters, check_code_blocks};
use harness::{SYSTEM_PYTHON, book_root, site, target_dir};

/// How long a page, the search index or a result may take to appear.
const PATIENCE: Duration = Duration::from_secs(20);

/// How many of the first pages found a search must place its section among.
const FIRST_RESULTS: usize = 5;

/// A process that ends when the test does.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port on 127.0.0.1")
}

/// Waits until something accepts connections on `port`.
fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + PATIENCE;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start listening on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The browser and its driver, or why the test cannot run here.
fn browser() -> Result<(PathBuf, PathBuf), String> {
    let chromium = site::chromium()?;
    let driver = site::on_path(&["chromedriver"])
        .ok_or("no chromedriver on PATH (apt-get install chromium-driver)")?;
    Ok((chromium, driver))
}

#[test]
fn a_reader_searches_switches_language_and_sees_run_buttons_and_markers() {
    let (chromium, driver) = match browser() {
        Ok(found) => found,
        Err(why) => {
            eprintln!("SKIPPED the browser test: {why}");
            return;
        }
    };
    let python = match site::pagefind() {
        Ok(python) => python,
        Err(why) => {
            eprintln!("SKIPPED the browser test: Pagefind cannot be installed: {why}");
            return;
        }
    };
    let started = Instant::now();
    let root = book_root();
    let site_dir = target_dir().join("browser-site");
    site::build_editions(&root, &site_dir).unwrap_or_else(|e| panic!("{e}"));
    let indexed = site::index(&site_dir, &python).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "site built and indexed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    eprintln!("{}", index_sizes(&site_dir, &indexed));

    let web_port = free_port();
    let _server = Running(
        Command::new(SYSTEM_PYTHON)
            .args([
                "-m",
                "http.server",
                &web_port.to_string(),
                "--bind",
                "127.0.0.1",
                "--directory",
            ])
            .arg(&site_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m http.server starts"),
    );
    let driver_port = free_port();
    let _driver = Running(
        Command::new(&driver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    wait_for_port(web_port, "the HTTP server");
    wait_for_port(driver_port, "chromedriver");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let problems = runtime.block_on(async {
        let client = connect(driver_port, &chromium).await;
        let site = format!("http://127.0.0.1:{web_port}/");
        let problems = visit(&client, &site, &root).await;
        let _ = client.close().await;
        problems
    });
    eprintln!(
        "browser test took {:.1} s in all",
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

async fn connect(port: u16, chromium: &Path) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            // Root in a container has no sandbox to drop into.
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900"],
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("chromedriver opens a Chromium session")
}

/// The interface's words: language, then key.
type Words = BTreeMap<String, BTreeMap<String, String>>;

/// Every check, each failure as a line.
async fn visit(client: &Client, site: &str, root: &Path) -> Vec<String> {
    let words = site::interface_strings(root).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    let searches = [
        (
            "zh-CN/introduction.html",
            "死锁",
            "ch02-04-locks-and-deadlock.html",
        ),
        (
            "zh-CN/introduction.html",
            "互斥锁",
            "ch02-04-locks-and-deadlock.html",
        ),
        (
            "introduction.html",
            "deadlock",
            "ch02-04-locks-and-deadlock.html",
        ),
        (
            "introduction.html",
            "Mutex",
            "ch02-04-locks-and-deadlock.html",
        ),
        // A line a listing prints, in the English edition.
        ("introduction.html", "正在唱歌", "ch02-03-threads.html"),
    ];
    for (page, query, expected) in searches {
        let language = if page.starts_with("zh-CN/") {
            "zh-CN"
        } else {
            "en"
        };
        let label = &words[language]["search"];
        match search(client, &format!("{site}{page}"), query, label).await {
            Ok(pages) if pages.iter().take(FIRST_RESULTS).any(|page| page.ends_with(expected)) => {}
            Ok(pages) => problems.push(format!(
                "searching {query} on {page} found {pages:?}, without {expected} among the first {FIRST_RESULTS}"
            )),
            Err(e) => problems.push(format!("searching {query} on {page}: {e}")),
        }
    }
    for (from, to, other) in [
        (
            "ch02-04-locks-and-deadlock.html",
            "zh-CN/ch02-04-locks-and-deadlock.html",
            "zh-CN",
        ),
        (
            "zh-CN/ch03-choosing-a-model.html",
            "ch03-choosing-a-model.html",
            "en",
        ),
    ] {
        let label = &words[other]["edition"];
        if let Err(e) = switch_language(
            client,
            &format!("{site}{from}"),
            &format!("{site}{to}"),
            label,
        )
        .await
        {
            problems.push(format!("the language switch on {from}: {e}"));
        }
    }
    problems.extend(run_buttons_and_markers(client, site, root, &words).await);
    problems
}

/// Opens `page`, checks that the search button says `label`, opens search
/// with the `/` key, types `query`, and returns the pages found, best first
/// (a page's sections, which Pagefind lists under it, count as the page).
async fn search(
    client: &Client,
    page: &str,
    query: &str,
    label: &str,
) -> Result<Vec<String>, String> {
    client.goto(page).await.map_err(|e| e.to_string())?;
    let toggle = appears(client, Locator::Id("search-toggle"), "the search button").await?;
    let title = toggle.attr("title").await.map_err(|e| e.to_string())?;
    if title.as_deref() != Some(label) {
        return Err(format!("the search button says {title:?}, not {label:?}"));
    }
    let key = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: '/' })
        .then(KeyAction::Up { value: '/' });
    client
        .perform_actions(key)
        .await
        .map_err(|e| e.to_string())?;
    let input = appears(client, Locator::Css("#search-panel input"), "a search box").await?;
    input.send_keys(query).await.map_err(|e| e.to_string())?;
    appears(
        client,
        Locator::Css(".pagefind-ui__result-link"),
        "a result",
    )
    .await?;
    let mut pages: Vec<String> = Vec::new();
    for link in client
        .find_all(Locator::Css(".pagefind-ui__result-link"))
        .await
        .map_err(|e| e.to_string())?
    {
        let href = link
            .attr("href")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let page = href.split('#').next().unwrap_or_default().to_string();
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    Ok(pages)
}

/// The element `locator` finds once it appears, within `PATIENCE`.
async fn appears(client: &Client, locator: Locator<'_>, what: &str) -> Result<Element, String> {
    client
        .wait()
        .at_most(PATIENCE)
        .for_element(locator)
        .await
        .map_err(|e| format!("{what} did not appear: {e}"))
}

/// Opens `from`, checks that the switch says `label`, clicks it, and waits
/// to land on `to`.
async fn switch_language(client: &Client, from: &str, to: &str, label: &str) -> Result<(), String> {
    client.goto(from).await.map_err(|e| e.to_string())?;
    let switch = appears(client, Locator::Id("language-switch"), "the switch").await?;
    let text = switch.text().await.map_err(|e| e.to_string())?;
    if text != label {
        return Err(format!("it says {text:?}, not {label:?}"));
    }
    switch.click().await.map_err(|e| e.to_string())?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        let now = client.current_url().await.map_err(|e| e.to_string())?;
        if now.as_str() == to {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("it led to {now}, not {to}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// On every chapter, in both editions: the page shows exactly as many Run
/// buttons as the rules give its Rust blocks, and every marked block shows
/// its label in the page's language.
async fn run_buttons_and_markers(
    client: &Client,
    site: &str,
    root: &Path,
    words: &Words,
) -> Vec<String> {
    let chapters = chapters(&root.join("src"));
    let listings = harness::discover(root).expect("the listings are well formed");
    let (_, buttons) = check_code_blocks(&chapters, &listings);
    let mut expected: BTreeMap<String, usize> = chapters
        .iter()
        .filter_map(|(path, _)| Some((html_name(path)?, 0)))
        .collect();
    for button in &buttons {
        let chapter = button.at.split(':').next().unwrap_or_default();
        if let Some(name) = html_name(Path::new(chapter)) {
            *expected.entry(name).or_default() += 1;
        }
    }
    let mut problems = Vec::new();
    let mut markers_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (edition, language) in [("", "en"), ("zh-CN/", "zh-CN")] {
        for (page, wanted) in &expected {
            let url = format!("{site}{edition}{page}");
            if let Err(e) = client.goto(&url).await {
                problems.push(format!("{url}: {e}"));
                continue;
            }
            let shown = client
                .find_all(Locator::Css("pre.playground .play-button"))
                .await
                .map(|found| found.len())
                .unwrap_or(0);
            if shown != *wanted {
                problems.push(format!(
                    "{edition}{page} shows {shown} Run buttons; the rules give {wanted}"
                ));
            }
            for marker in [DOES_NOT_COMPILE, PANICS, NEVER_ENDS] {
                let label = &words[language][marker];
                let labels = client
                    .execute(
                        "return Array.from(document.querySelectorAll(`pre:has(> code.${arguments[0]})`))\
                         .map(pre => getComputedStyle(pre, '::before').content);",
                        vec![serde_json::json!(marker)],
                    )
                    .await
                    .map(|json| json.as_array().cloned().unwrap_or_default())
                    .unwrap_or_default();
                for content in labels {
                    *markers_seen.entry(marker).or_default() += 1;
                    // A computed `content` is the CSS string, quoted.
                    if content != serde_json::json!(format!("\"{label}\"")) {
                        problems.push(format!(
                            "{edition}{page}: a block marked {marker} is labelled {content}, \
                             not {label:?}"
                        ));
                    }
                }
            }
        }
    }
    if !markers_seen.contains_key(DOES_NOT_COMPILE) {
        problems.push("no block that does not compile was found to carry its label".into());
    }
    eprintln!(
        "{} Run buttons per edition; labels seen: {markers_seen:?}",
        buttons.len()
    );
    problems
}

/// `src/ch01.md` as the page `ch01.html`; None for SUMMARY.md.
fn html_name(chapter: &Path) -> Option<String> {
    let stem = chapter.file_stem()?.to_str()?;
    (stem != "SUMMARY" && chapter.parent()?.ends_with("src")).then(|| format!("{stem}.html"))
}

/// Each language's share of the search index, in KiB.
fn index_sizes(site: &Path, said: &str) -> String {
    let pagefind = site.join("pagefind");
    let mut sizes: BTreeMap<String, u64> = BTreeMap::new();
    for folder in ["index", "fragment"] {
        for entry in std::fs::read_dir(pagefind.join(folder))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let language = name.split('_').next().unwrap_or_default().to_string();
            *sizes.entry(language).or_default() += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    let pages = said
        .lines()
        .find(|line| line.contains("Indexed") && line.contains("pages"))
        .unwrap_or("")
        .trim();
    let sizes: Vec<String> = sizes
        .iter()
        .map(|(lang, bytes)| format!("{lang} {} KiB", bytes / 1024))
        .collect();
    format!("search index: {pages}; {}", sizes.join(", "))
}
