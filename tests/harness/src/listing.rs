//! Discovering listings and reading their `[package.metadata.listing]`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use regex::Regex;
use serde::Deserialize;

use crate::compare::{Order, Rules};
use crate::python::{PythonSpecifier, PythonVersion, admitted};
use crate::{book_root, target_dir};

/// A listing older than this many seconds is killed and fails by name,
/// unless its metadata says otherwise.
pub(crate) const DEFAULT_TIMEOUT_SECS: u64 = 20;

/// One listing crate under `listings/`.
#[derive(Debug)]
pub struct Listing {
    /// The package name, which is also the folder's name and the binary's.
    pub name: String,
    pub dir: PathBuf,
    /// The crates it depends on, by the name its `Cargo.toml` gives them.
    pub dependencies: Vec<String>,
    pub kind: Kind,
    /// Catalogue ids of the notes' programs it translates.
    pub translates: Vec<String>,
    /// The note's program it translates never ends (this listing does):
    /// the book marks its code so.
    pub note_never_ends: bool,
}

#[derive(Debug)]
pub enum Kind {
    /// Builds, runs, and must print its `output.txt` under these rules.
    Runnable {
        rules: Rules,
        timeout: Duration,
        /// A file in the listing's folder fed to it (and its twin) as
        /// standard input; without one, standard input is empty.
        stdin: Option<PathBuf>,
        /// Pinned PyPI packages (`name==version`) its twin imports.
        twin_requires: Vec<String>,
        /// The versions its twin prints `output.txt` on, where not all of
        /// the matrix.
        twin_python: Option<PythonSpecifier>,
        /// How its twin's standard streams buffer.
        twin_buffering: TwinBuffering,
    },
    /// Must fail to build with this error code.
    CompileFail { code: String },
}

/// How a twin is run: with Python's default buffering, as a reader runs
/// it, unless its listing's metadata says otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TwinBuffering {
    /// Block-buffered into the harness's pipe, as `python3 twin.py | cat`.
    #[default]
    Default,
    /// `PYTHONUNBUFFERED=1`, for a twin whose note's program prints
    /// differently into a pipe than in a terminal (a `fork` copying a
    /// buffered line), which its chapter shows and explains: each of its
    /// writes reaches the pipe at once, as a line reaches a terminal.
    Unbuffered,
}

impl Listing {
    pub fn output_path(&self) -> PathBuf {
        self.dir.join("output.txt")
    }

    pub fn twin_path(&self) -> PathBuf {
        self.dir.join("twin.py")
    }

    /// Runs the built listing as `cargo run -p NAME` does from the root.
    pub fn command(&self) -> Command {
        let mut command = Command::new(target_dir().join("debug").join(&self.name));
        command.current_dir(book_root());
        command
    }

    /// Runs the Python twin with `python` and Python's default buffering,
    /// as a reader's `python3 twin.py | cat` does (this machine's
    /// environment may say `PYTHONUNBUFFERED`): output a twin's processes
    /// hold in stdio buffers must reach the pipe, once, as in a terminal.
    /// Only a twin whose metadata says `twin-buffering = "unbuffered"` runs
    /// unbuffered.
    pub fn twin_command(&self, python: &Path) -> Command {
        let mut command = Command::new(python);
        command.arg(self.twin_path()).current_dir(&self.dir);
        match &self.kind {
            Kind::Runnable {
                twin_buffering: TwinBuffering::Unbuffered,
                ..
            } => command.env("PYTHONUNBUFFERED", "1"),
            _ => command.env_remove("PYTHONUNBUFFERED"),
        };
        command
    }

    /// The first line of `output.txt`: the command that produced it.
    pub fn command_line(&self) -> String {
        match self.kind {
            Kind::Runnable { .. } => format!("$ cargo run -p {}", self.name),
            Kind::CompileFail { .. } => "$ cargo build".to_string(),
        }
    }

    /// `output.txt` without its command line.
    pub fn expected_output(&self) -> Result<String, String> {
        read_output(&self.output_path(), &self.command_line(), &self.name)
    }

    /// The file fed to it as standard input, if any.
    pub fn stdin(&self) -> Option<&Path> {
        match &self.kind {
            Kind::Runnable { stdin, .. } => stdin.as_deref(),
            Kind::CompileFail { .. } => None,
        }
    }

    /// The pinned packages its twin needs beyond the standard library.
    pub fn twin_requires(&self) -> &[String] {
        match &self.kind {
            Kind::Runnable { twin_requires, .. } => twin_requires,
            Kind::CompileFail { .. } => &[],
        }
    }

    /// The versions of the matrix its twin runs on (none for a
    /// compile-fail listing, which has no twin).
    pub fn twin_versions(&self) -> Vec<PythonVersion> {
        match &self.kind {
            Kind::Runnable { twin_python, .. } => admitted(twin_python.as_ref()),
            Kind::CompileFail { .. } => Vec::new(),
        }
    }

    pub fn is_compile_fail(&self) -> bool {
        matches!(self.kind, Kind::CompileFail { .. })
    }
}

/// The `output.txt` at `path` without its first line, which must be
/// `command`; `name` says whose it is in the error.
pub(crate) fn read_output(path: &Path, command: &str, name: &str) -> Result<String, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!(
            "{name}: cannot read {} ({e}); run `cargo xtask outputs`",
            path.display()
        )
    })?;
    match text.split_once('\n') {
        Some((first, rest)) if first == command => Ok(rest.to_string()),
        _ => Err(format!(
            "{name}: {} must start with `{command}`; regenerate it with `cargo xtask outputs`",
            path.file_name().unwrap_or_default().to_string_lossy()
        )),
    }
}

#[derive(Deserialize)]
struct Manifest {
    package: Package,
    #[serde(default)]
    dependencies: toml::Table,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    metadata: Option<PackageMetadata>,
}

#[derive(Deserialize)]
struct PackageMetadata {
    listing: Option<ListingMetadata>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ListingMetadata {
    translates: Vec<String>,
    order: Option<Order>,
    varies: Option<Vec<String>>,
    timeout_secs: Option<u64>,
    stdin: Option<String>,
    twin_requires: Option<Vec<String>>,
    twin_python: Option<String>,
    twin_buffering: Option<TwinBuffering>,
    compile_fail: Option<String>,
    note_never_ends: Option<bool>,
}

/// Every listing under `root/listings/*/*`, sorted by path, or every reason
/// the listings are malformed.
pub fn discover(root: &Path) -> Result<Vec<Listing>, Vec<String>> {
    let mut listings = Vec::new();
    let mut problems = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    let chapters =
        fs::read_dir(root.join("listings")).map_err(|e| vec![format!("listings/: {e}")])?;
    for chapter in chapters.flatten() {
        if let Ok(entries) = fs::read_dir(chapter.path()) {
            dirs.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.join("Cargo.toml").is_file()),
            );
        }
    }
    dirs.sort();
    for dir in dirs {
        match read_listing(&dir) {
            Ok(listing) => listings.push(listing),
            Err(problem) => problems.push(format!("{}: {problem}", dir.display())),
        }
    }
    if problems.is_empty() {
        Ok(listings)
    } else {
        Err(problems)
    }
}

fn read_listing(dir: &Path) -> Result<Listing, String> {
    let text = fs::read_to_string(dir.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| format!("Cargo.toml: {e}"))?;
    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let name = manifest.package.name;
    if name != folder {
        return Err(format!(
            "the package is named `{name}` but its folder `{folder}`"
        ));
    }
    let meta = manifest
        .package
        .metadata
        .and_then(|m| m.listing)
        .ok_or("Cargo.toml has no [package.metadata.listing] table")?;
    let catalogue_id = Regex::new(r"^\d{3}_\d{2}_[a-z0-9_]+$").expect("valid pattern");
    if let Some(bad) = meta.translates.iter().find(|id| !catalogue_id.is_match(id)) {
        return Err(format!(
            "`{bad}` is not a catalogue id like 000_01_asyncio_shared_vars"
        ));
    }
    let kind = match meta.compile_fail {
        Some(code) => {
            if meta.order.is_some()
                || meta.varies.is_some()
                || meta.timeout_secs.is_some()
                || meta.stdin.is_some()
                || meta.twin_requires.is_some()
                || meta.twin_python.is_some()
                || meta.twin_buffering.is_some()
            {
                return Err("a compile-fail listing has no output rules".into());
            }
            if !Regex::new(r"^E\d{4}$")
                .expect("valid pattern")
                .is_match(&code)
            {
                return Err(format!(
                    "compile-fail = `{code}` is not an error code like E0277"
                ));
            }
            Kind::CompileFail { code }
        }
        None => {
            let order = meta
                .order
                .ok_or("say how its output is checked: order = \"exact\" or \"any\"")?;
            let varies = meta
                .varies
                .ok_or("list the spans that may differ between runs: varies = [] when none")?;
            let rules = Rules::new(order, &varies)?;
            let timeout = Duration::from_secs(meta.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS));
            let stdin = match meta.stdin {
                Some(file) if dir.join(&file).is_file() => Some(dir.join(file)),
                Some(file) => return Err(format!("stdin = `{file}` is not a file in its folder")),
                None => None,
            };
            let twin_requires = meta.twin_requires.unwrap_or_default();
            let pinned =
                Regex::new(r"^[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*$").expect("valid pattern");
            if let Some(loose) = twin_requires.iter().find(|r| !pinned.is_match(r)) {
                return Err(format!(
                    "twin-requires `{loose}` must pin a version: name==1.2.3"
                ));
            }
            let twin_python = meta
                .twin_python
                .map(|text| PythonSpecifier::parse(&text).map_err(|e| format!("twin-python = {e}")))
                .transpose()?;
            Kind::Runnable {
                rules,
                timeout,
                stdin,
                twin_requires,
                twin_python,
                twin_buffering: meta.twin_buffering.unwrap_or_default(),
            }
        }
    };
    Ok(Listing {
        name,
        dir: dir.to_path_buf(),
        dependencies: manifest.dependencies.keys().cloned().collect(),
        kind,
        note_never_ends: meta.note_never_ends.unwrap_or(false),
        translates: meta.translates,
    })
}

/// The paths the root `Cargo.toml` keeps out of the workspace, as written.
pub fn excluded_from_workspace(root: &Path) -> Result<Vec<String>, String> {
    #[derive(Deserialize)]
    struct Root {
        workspace: Workspace,
    }
    #[derive(Deserialize)]
    struct Workspace {
        #[serde(default)]
        exclude: Vec<String>,
    }
    let text = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    let manifest: Root = toml::from_str(&text).map_err(|e| e.to_string())?;
    Ok(manifest.workspace.exclude)
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    fn listing_with(name: &str, metadata: &str) -> Result<Listing, String> {
        let dir = std::env::temp_dir()
            .join(format!("harness-listing-test-{}", std::process::id()))
            .join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\n\n[package.metadata.listing]\n\
                 translates = []\norder = \"exact\"\nvaries = []\n{metadata}"
            ),
        )
        .unwrap();
        read_listing(&dir)
    }

    /// What the twin's command does to `PYTHONUNBUFFERED`: `Some(None)`
    /// removes it.
    fn unbuffered(listing: &Listing) -> Option<Option<String>> {
        let command = listing.twin_command(Path::new("python3"));
        command
            .get_envs()
            .find(|(key, _)| *key == OsStr::new("PYTHONUNBUFFERED"))
            .map(|(_, value)| value.map(|v| v.to_string_lossy().into_owned()))
    }

    #[test]
    fn a_twin_runs_with_default_buffering_on_every_version_unless_its_metadata_says() {
        let plain = listing_with("listing-09-01-plain", "").unwrap();
        assert_eq!(unbuffered(&plain), Some(None));
        assert_eq!(
            plain.twin_versions(),
            PythonVersion::matrix().collect::<Vec<_>>()
        );

        let special = listing_with(
            "listing-09-02-special",
            "twin-buffering = \"unbuffered\"\ntwin-python = \">=3.12\"\n",
        )
        .unwrap();
        assert_eq!(unbuffered(&special), Some(Some("1".into())));
        assert_eq!(
            special.twin_versions(),
            [PythonVersion::cpython3(12), PythonVersion::cpython3(13)]
        );

        let bad = listing_with("listing-09-03-bad", "twin-python = \">=3.12.1\"\n");
        assert!(bad.unwrap_err().contains("twin-python"));
    }
}
