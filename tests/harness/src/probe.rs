//! Probes: small Python programs of ours, under `probes/<slug>/`, that prove
//! what the text says CPython or Linux does where no listing shows it. Each
//! is run and checked against its `output.txt` exactly as a listing is.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use crate::compare::{Order, Rules};
use crate::listing::{DEFAULT_TIMEOUT_SECS, read_output};

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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ProbeMetadata {
    claim: String,
    order: Order,
    varies: Vec<String>,
    timeout_secs: Option<u64>,
    requires: Option<Vec<String>>,
}

impl Probe {
    pub fn script_path(&self) -> PathBuf {
        self.dir.join("probe.py")
    }

    pub fn output_path(&self) -> PathBuf {
        self.dir.join("output.txt")
    }

    /// The anchor that Appendix C gives the probe and the chapters link to.
    pub fn anchor(&self) -> String {
        format!("probe-{}", self.slug)
    }

    /// The first line of `output.txt`, as a reader at the root would type it.
    pub fn command_line(&self) -> String {
        format!("$ python3 probes/{}/probe.py", self.slug)
    }

    /// Runs the probe with `python`, from its own folder and unbuffered, as
    /// the twins are run.
    pub fn command(&self, python: &Path) -> Command {
        let mut command = Command::new(python);
        command
            .arg("probe.py")
            .env("PYTHONUNBUFFERED", "1")
            .current_dir(&self.dir);
        command
    }

    /// `output.txt` without its command line.
    pub fn expected_output(&self) -> Result<String, String> {
        read_output(&self.output_path(), &self.command_line(), &self.slug)
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
}
