//! Probes: small Python programs of ours, under `probes/<slug>/`, that prove
//! what the text says CPython or Linux does where no listing shows it. Each
//! is run on every CPython of the matrix it admits and checked against its
//! `output.txt` (or that version's `output-3.N.txt`) exactly as a listing is.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use crate::compare::{Order, Rules, compare};
use crate::listing::{DEFAULT_TIMEOUT_SECS, read_output};
use crate::python::{PythonSpecifier, PythonVersion, admitted};

/// One probe folder.
#[derive(Debug)]
pub struct Probe {
    /// The folder's name, which the book's anchor `#probe-<slug>` names too.
    pub slug: String,
    pub dir: PathBuf,
    /// The sentence of the book the probe's run proves.
    pub claim: String,
    pub rules: Rules,
    pub timeout: Duration,
    /// Programs besides `python3` that the probe runs (`node`), which a
    /// machine may lack.
    pub requires: Vec<String>,
    /// The versions its claim holds on, where not all of the matrix.
    pub python: Option<PythonSpecifier>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ProbeMetadata {
    claim: String,
    order: Order,
    varies: Vec<String>,
    timeout_secs: Option<u64>,
    requires: Option<Vec<String>>,
    python: Option<String>,
}

impl Probe {
    pub fn script_path(&self) -> PathBuf {
        self.dir.join("probe.py")
    }

    /// What it prints on every version it runs on, but one that has its
    /// own file.
    pub fn output_path(&self) -> PathBuf {
        self.dir.join("output.txt")
    }

    /// What it prints on `version`, where that differs from `output.txt`.
    pub fn version_output_path(&self, version: PythonVersion) -> PathBuf {
        self.dir.join(format!("output-{version}.txt"))
    }

    /// `output.txt` and every `output-*.txt` beside it, sorted.
    pub fn output_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|path| {
                        path.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("output-") && n.ends_with(".txt"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files.insert(0, self.output_path());
        files
    }

    /// The versions of the matrix it runs on, oldest first.
    pub fn versions(&self) -> Vec<PythonVersion> {
        admitted(self.python.as_ref())
    }

    pub fn runs_on(&self, version: PythonVersion) -> bool {
        self.versions().contains(&version)
    }

    /// The anchor that Appendix C gives the probe and the chapters link to.
    pub fn anchor(&self) -> String {
        format!("probe-{}", self.slug)
    }

    /// The first line of `output.txt`, as a reader at the root would type it.
    pub fn command_line(&self) -> String {
        format!("$ python3 probes/{}/probe.py", self.slug)
    }

    /// The first line of `output-3.N.txt`.
    pub fn version_command_line(&self, version: PythonVersion) -> String {
        format!("$ python{version} probes/{}/probe.py", self.slug)
    }

    /// Runs the probe with `python`, from its own folder, with Python's
    /// default buffering, as a reader's `python3 probe.py | cat` would
    /// (this machine's environment may say `PYTHONUNBUFFERED`).
    pub fn command(&self, python: &Path) -> Command {
        let mut command = Command::new(python);
        command
            .arg("probe.py")
            .env_remove("PYTHONUNBUFFERED")
            .current_dir(&self.dir);
        command
    }

    /// `output.txt` without its command line.
    pub fn expected_output(&self) -> Result<String, String> {
        read_output(&self.output_path(), &self.command_line(), &self.slug)
    }

    /// What it must print on `version`: `output-3.N.txt` where there is
    /// one, else `output.txt`, without the command line.
    pub fn expected_output_on(&self, version: PythonVersion) -> Result<String, String> {
        let own = self.version_output_path(version);
        if own.is_file() {
            read_output(&own, &self.version_command_line(version), &self.slug)
        } else {
            self.expected_output()
        }
    }

    /// What is wrong with its output files: one that cannot be read or has
    /// the wrong first line, an `output-*.txt` for no version it runs on or
    /// that says what `output.txt` says, or a `varies` pattern that matches
    /// no line of any of them (slack the probe never needs).
    pub fn output_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let base = match self.expected_output() {
            Ok(text) => text,
            Err(e) => return vec![e],
        };
        let mut texts = vec![base.clone()];
        for path in self.output_files().into_iter().skip(1) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let version = self
                .versions()
                .into_iter()
                .find(|v| self.version_output_path(*v) == path);
            let Some(version) = version else {
                problems.push(format!(
                    "probe {}: {name} names no version it runs on ({}); remove it",
                    self.slug,
                    self.versions()
                        .iter()
                        .map(|v| format!("output-{v}.txt"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                continue;
            };
            match read_output(&path, &self.version_command_line(version), &self.slug) {
                Ok(text) if compare(&base, &text, &self.rules).is_ok() => problems.push(format!(
                    "probe {}: {name} says what output.txt says under its rules; remove it \
                     (`cargo xtask outputs {}` does)",
                    self.slug, self.slug
                )),
                Ok(text) => texts.push(text),
                Err(e) => problems.push(e),
            }
        }
        let unused = texts
            .iter()
            .map(|text| self.rules.unused_patterns(text))
            .reduce(|a, b| a.into_iter().filter(|p| b.contains(p)).collect())
            .unwrap_or_default();
        problems.extend(unused.into_iter().map(|p| {
            format!(
                "probe {}: varies pattern `{p}` matches no line of its output files",
                self.slug
            )
        }));
        problems
    }

    /// The programs it needs that are not on this machine's `PATH`.
    pub fn missing_programs(&self) -> Vec<&str> {
        self.requires
            .iter()
            .map(String::as_str)
            .filter(|program| crate::site::on_path(&[program]).is_none())
            .collect()
    }
}

/// Every probe under `root/probes`, sorted by slug, or every reason the
/// probes are malformed.
pub fn discover_probes(root: &Path) -> Result<Vec<Probe>, Vec<String>> {
    let mut dirs: Vec<PathBuf> = match fs::read_dir(root.join("probes")) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(_) => Vec::new(),
    };
    dirs.sort();
    let mut probes = Vec::new();
    let mut problems = Vec::new();
    for dir in dirs {
        match read_probe(&dir) {
            Ok(probe) => probes.push(probe),
            Err(problem) => problems.push(format!("{}: {problem}", dir.display())),
        }
    }
    if problems.is_empty() {
        Ok(probes)
    } else {
        Err(problems)
    }
}

fn read_probe(dir: &Path) -> Result<Probe, String> {
    let slug = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let well_formed = !slug.is_empty()
        && slug.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !well_formed {
        return Err("a probe's folder is named with lowercase words joined by `-`".into());
    }
    if !dir.join("probe.py").is_file() {
        return Err("no probe.py".into());
    }
    let text =
        fs::read_to_string(dir.join("probe.toml")).map_err(|e| format!("probe.toml: {e}"))?;
    let meta: ProbeMetadata = toml::from_str(&text).map_err(|e| format!("probe.toml: {e}"))?;
    if meta.claim.trim().is_empty() {
        return Err("probe.toml: say what it proves: claim = \"...\"".into());
    }
    Ok(Probe {
        slug,
        dir: dir.to_path_buf(),
        claim: meta.claim,
        rules: Rules::new(meta.order, &meta.varies)?,
        timeout: Duration::from_secs(meta.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS)),
        requires: meta.requires.unwrap_or_default(),
        python: meta
            .python
            .map(|text| {
                PythonSpecifier::parse(&text).map_err(|e| format!("probe.toml: python = {e}"))
            })
            .transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe_dir(name: &str, toml: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("harness-probe-test-{}", std::process::id()))
            .join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("probe.py"), "print('hi')\n").unwrap();
        fs::write(dir.join("probe.toml"), toml).unwrap();
        dir
    }

    #[test]
    fn a_probe_is_read_with_its_claim_and_rules() {
        let dir = probe_dir(
            "pool-reuses-workers",
            "claim = \"Pool starts its workers once\"\norder = \"any\"\nvaries = ['pid (\\d+)']\n",
        );
        let probe = read_probe(&dir).unwrap();
        assert_eq!(probe.slug, "pool-reuses-workers");
        assert_eq!(probe.anchor(), "probe-pool-reuses-workers");
        assert_eq!(
            probe.command_line(),
            "$ python3 probes/pool-reuses-workers/probe.py"
        );
        assert_eq!(probe.timeout, Duration::from_secs(DEFAULT_TIMEOUT_SECS));
    }

    #[test]
    fn a_probe_without_a_claim_or_with_a_bad_name_is_refused() {
        let no_claim = probe_dir(
            "no-claim",
            "claim = \" \"\norder = \"exact\"\nvaries = []\n",
        );
        assert!(read_probe(&no_claim).unwrap_err().contains("claim"));
        let bad_name = probe_dir(
            "Bad_Name",
            "claim = \"x\"\norder = \"exact\"\nvaries = []\n",
        );
        assert!(read_probe(&bad_name).unwrap_err().contains("lowercase"));
    }

    fn v(minor: u32) -> PythonVersion {
        PythonVersion::cpython3(minor)
    }

    #[test]
    fn a_version_s_own_output_file_is_expected_on_it_and_output_txt_elsewhere() {
        let dir = probe_dir(
            "thread-start",
            "claim = \"x\"\norder = \"exact\"\nvaries = ['took (\\d+)']\n",
        );
        fs::write(
            dir.join("output.txt"),
            "$ python3 probes/thread-start/probe.py\nstart_new_thread took 1\n",
        )
        .unwrap();
        fs::write(
            dir.join("output-3.13.txt"),
            "$ python3.13 probes/thread-start/probe.py\nstart_joinable_thread took 2\n",
        )
        .unwrap();
        let probe = read_probe(&dir).unwrap();
        assert_eq!(probe.versions(), [v(11), v(12), v(13)]);
        assert_eq!(
            probe.expected_output_on(v(12)).unwrap(),
            "start_new_thread took 1\n"
        );
        assert_eq!(
            probe.expected_output_on(v(13)).unwrap(),
            "start_joinable_thread took 2\n"
        );
        assert_eq!(
            probe.output_files(),
            [dir.join("output.txt"), dir.join("output-3.13.txt")]
        );
        assert!(
            probe.output_problems().is_empty(),
            "{:?}",
            probe.output_problems()
        );
    }

    #[test]
    fn a_probe_limited_to_some_versions_runs_only_on_them() {
        let dir = probe_dir(
            "old-versions-only",
            "claim = \"x\"\norder = \"exact\"\nvaries = []\npython = \">=3.11,<3.13\"\n",
        );
        let probe = read_probe(&dir).unwrap();
        assert_eq!(probe.versions(), [v(11), v(12)]);
        assert!(probe.runs_on(v(12)) && !probe.runs_on(v(13)));
        let bad = probe_dir(
            "bad-specifier",
            "claim = \"x\"\norder = \"exact\"\nvaries = []\npython = \">=3.12.1\"\n",
        );
        assert!(read_probe(&bad).unwrap_err().contains("major.minor"));
    }

    #[test]
    fn stray_needless_and_misheaded_output_files_are_problems() {
        let dir = probe_dir(
            "output-checks",
            "claim = \"x\"\norder = \"exact\"\nvaries = ['pid (\\d+)', 'tid (\\d+)']\npython = \"<3.13\"\n",
        );
        let command = "$ python3 probes/output-checks/probe.py";
        fs::write(dir.join("output.txt"), format!("{command}\npid 1\n")).unwrap();
        // Says what output.txt says: not needed.
        fs::write(
            dir.join("output-3.12.txt"),
            "$ python3.12 probes/output-checks/probe.py\npid 2\n",
        )
        .unwrap();
        // A version the probe does not run on.
        fs::write(dir.join("output-3.13.txt"), "whatever\n").unwrap();
        let probe = read_probe(&dir).unwrap();
        let problems = probe.output_problems().join("\n");
        assert!(
            problems.contains("output-3.12.txt says what output.txt says"),
            "{problems}"
        );
        assert!(
            problems.contains("output-3.13.txt names no version"),
            "{problems}"
        );
        assert!(
            problems.contains("`tid (\\d+)` matches no line"),
            "{problems}"
        );
        assert!(!problems.contains("`pid"), "{problems}");

        // A pattern used by one version's file only is used.
        fs::write(
            dir.join("output-3.12.txt"),
            "$ python3.12 probes/output-checks/probe.py\ntid 2\n",
        )
        .unwrap();
        fs::remove_file(dir.join("output-3.13.txt")).unwrap();
        assert!(
            probe.output_problems().is_empty(),
            "{:?}",
            probe.output_problems()
        );
        fs::write(
            dir.join("output-3.12.txt"),
            "$ python3 probes/output-checks/probe.py\ntid 2\n",
        )
        .unwrap();
        assert!(
            probe
                .output_problems()
                .join("")
                .contains("must start with `$ python3.12 ")
        );
    }
}
