//! The Pythons that run the twins and probes: every CPython of the book's
//! version matrix found on this machine (`python3` itself, and the others
//! from pyenv's versions folder), the version specifiers that limit a probe
//! or twin to some of them, and, for twins that import packages from PyPI
//! (greenlet, gevent), a virtual environment under the target directory with
//! exactly the pinned versions they name. The site's search indexer,
//! Pagefind, comes from PyPI the same way.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::sync::OnceLock;

use pep440_rs::{Version, VersionSpecifiers};

use crate::{book_root, target_dir};

/// The interpreter a reader types; its version is one of the matrix's.
pub const SYSTEM_PYTHON: &str = "python3";

/// The minor versions of CPython 3 that every probe and twin is proven on:
/// what readers run, as far as these machines have it.
pub const CPYTHON_MINORS: [u32; 3] = [11, 12, 13];

/// A CPython release line, `3.12`: probes and twins are matched on major and
/// minor only, since a patch release changes no behaviour the book shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PythonVersion {
    pub major: u32,
    pub minor: u32,
}

impl PythonVersion {
    pub const fn cpython3(minor: u32) -> PythonVersion {
        PythonVersion { major: 3, minor }
    }

    /// The matrix, oldest first.
    pub fn matrix() -> impl Iterator<Item = PythonVersion> {
        CPYTHON_MINORS.into_iter().map(PythonVersion::cpython3)
    }
}

impl fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for PythonVersion {
    type Err = String;

    /// `3.12`, as `python -c 'print(*sys.version_info[:2], sep=".")'`
    /// prints it.
    fn from_str(text: &str) -> Result<PythonVersion, String> {
        let parsed = text
            .trim()
            .split_once('.')
            .and_then(|(major, minor)| Some((major.parse().ok()?, minor.parse().ok()?)));
        match parsed {
            Some((major, minor)) => Ok(PythonVersion { major, minor }),
            None => Err(format!("`{text}` is not a version like 3.12")),
        }
    }
}

/// One CPython found on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    pub version: PythonVersion,
    /// `python3`, found on `PATH`, or an absolute path.
    pub path: PathBuf,
}

impl Interpreter {
    /// Whether this is the `python3` a reader types (and `output.txt`'s
    /// first line names).
    pub fn is_system(&self) -> bool {
        self.path == Path::new(SYSTEM_PYTHON)
    }
}

/// Every version of the matrix found on this machine, oldest first, each
/// with its interpreter: `python3` for its own version, the newest patch
/// release under `${PYENV_ROOT:-$HOME/.pyenv}/versions/3.N.P/bin/python3`
/// for the others. Looked for once per process.
pub fn interpreters() -> &'static [Interpreter] {
    static FOUND: OnceLock<Vec<Interpreter>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let pyenv_versions = pyenv_root().join("versions");
        let installed: Vec<String> = fs::read_dir(&pyenv_versions)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|name| pyenv_versions.join(name).join("bin/python3").is_file())
                    .collect()
            })
            .unwrap_or_default();
        choose_interpreters(system_python_version(), &pyenv_versions, &installed)
    })
}

/// One line for each version of the matrix this machine lacks, saying that
/// its runs are skipped.
pub fn missing_interpreters() -> Vec<String> {
    let found = interpreters();
    PythonVersion::matrix()
        .filter(|version| !found.iter().any(|i| i.version == *version))
        .map(|version| {
            format!(
                "SKIPPED CPython {version}: `{SYSTEM_PYTHON}` is not {version} and {} has no \
                 {version}.*/bin/python3, so nothing runs on it",
                pyenv_root().join("versions").display()
            )
        })
        .collect()
}

fn pyenv_root() -> PathBuf {
    match std::env::var_os("PYENV_ROOT") {
        Some(root) => PathBuf::from(root),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".pyenv"),
    }
}

/// The version `python3` reports, if it runs. Asked from the book's root,
/// where no `.python-version` file steers pyenv's shim.
fn system_python_version() -> Option<PythonVersion> {
    let out = Command::new(SYSTEM_PYTHON)
        .args(["-c", "import sys; print(*sys.version_info[:2], sep='.')"])
        .current_dir(book_root())
        .output()
        .ok()?;
    out.status.success().then_some(())?;
    String::from_utf8_lossy(&out.stdout).parse().ok()
}

/// The matrix's interpreters, given what `python3` is and the names of the
/// folders in pyenv's `versions` that hold a `bin/python3`. Only final
/// releases named `3.N.P` count: not `3.13.0t` (free-threaded) nor
/// `3.13.0rc1`.
fn choose_interpreters(
    system: Option<PythonVersion>,
    pyenv_versions: &Path,
    installed: &[String],
) -> Vec<Interpreter> {
    PythonVersion::matrix()
        .filter_map(|version| {
            if system == Some(version) {
                return Some(Interpreter {
                    version,
                    path: PathBuf::from(SYSTEM_PYTHON),
                });
            }
            let newest = installed
                .iter()
                .filter_map(|name| {
                    let mut parts = name.split('.').map(|part| part.parse::<u32>().ok());
                    match (parts.next(), parts.next(), parts.next(), parts.next()) {
                        (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None)
                            if PythonVersion { major, minor } == version =>
                        {
                            Some((patch, name))
                        }
                        _ => None,
                    }
                })
                .max()?;
            Some(Interpreter {
                version,
                path: pyenv_versions.join(newest.1).join("bin/python3"),
            })
        })
        .collect()
}

/// The versions a probe or twin runs on, as a PEP 440 specifier over
/// major.minor (`>=3.11,<3.13`; a comma means "and").
#[derive(Debug, Clone)]
pub struct PythonSpecifier(VersionSpecifiers);

impl PythonSpecifier {
    /// Parses `text`, which may compare only with major.minor versions.
    pub fn parse(text: &str) -> Result<PythonSpecifier, String> {
        let specifiers = VersionSpecifiers::from_str(text)
            .map_err(|e| format!("`{text}` is not a PEP 440 specifier: {e}"))?;
        if let Some(exact) = specifiers
            .iter()
            .map(|s| s.version())
            .find(|version| version.release().len() != 2 || version.only_release() != **version)
        {
            return Err(format!(
                "`{text}`: compare with a major.minor version like 3.12, not `{exact}`"
            ));
        }
        let spec = PythonSpecifier(specifiers);
        if spec.versions().is_empty() {
            return Err(format!(
                "`{text}` admits none of CPython {}",
                sentence_list(PythonVersion::matrix())
            ));
        }
        Ok(spec)
    }

    pub fn admits(&self, version: PythonVersion) -> bool {
        let version = Version::new([u64::from(version.major), u64::from(version.minor)]);
        self.0.contains(&version)
    }

    /// The versions of the matrix it admits, oldest first.
    pub fn versions(&self) -> Vec<PythonVersion> {
        PythonVersion::matrix()
            .filter(|v| self.admits(*v))
            .collect()
    }
}

/// The versions of the matrix that `spec` admits (all, without one).
pub fn admitted(spec: Option<&PythonSpecifier>) -> Vec<PythonVersion> {
    match spec {
        Some(spec) => spec.versions(),
        None => PythonVersion::matrix().collect(),
    }
}

/// The line that Appendix C writes under a probe's heading:
/// `Runs on CPython 3.11, 3.12 and 3.13.`
pub fn runs_on_sentence(versions: &[PythonVersion]) -> String {
    format!("Runs on CPython {}.", sentence_list(versions.iter()))
}

/// `a`, `a and b`, `a, b and c`.
fn sentence_list<T: fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `python` of the virtual environment `target/<name>`, made with
/// `base`, holding `requirements` (each `name==version`), made or remade
/// only when the list changed or its interpreter is gone. The error says
/// why it could not be made (no `venv` module, no network, no wheel).
pub fn python_with(
    base: &Path,
    name: &str,
    requirements: &BTreeSet<String>,
) -> Result<PathBuf, String> {
    let venv = target_dir().join(name);
    let python = venv.join("bin").join("python");
    let record = venv.join("requirements.txt");
    let wanted: String = requirements.iter().map(|r| format!("{r}\n")).collect();
    if python.is_file() && fs::read_to_string(&record).is_ok_and(|had| had == wanted) {
        return Ok(python);
    }
    let made = Command::new(base)
        .args(["-m", "venv", "--clear"])
        .arg(&venv)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", base.display()))?;
    if !made.status.success() {
        return Err(format!(
            "`{} -m venv` failed: {}",
            base.display(),
            String::from_utf8_lossy(&made.stderr).trim()
        ));
    }
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(requirements)
        .output()
        .map_err(|e| format!("cannot run pip: {e}"))?;
    if !installed.status.success() {
        return Err(format!(
            "pip could not install {}: {}",
            requirements.iter().cloned().collect::<Vec<_>>().join(" "),
            String::from_utf8_lossy(&installed.stderr).trim()
        ));
    }
    // Written last, so an interrupted install is redone next time.
    fs::write(&record, wanted).map_err(|e| e.to_string())?;
    Ok(python)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(minor: u32) -> PythonVersion {
        PythonVersion::cpython3(minor)
    }

    #[test]
    fn python3_serves_its_own_version_and_pyenv_the_newest_patch_of_the_others() {
        let root = Path::new("/pyenv/versions");
        let installed: Vec<String> = [
            "3.11.7",
            "3.12.1",
            "3.12.10",
            "3.12.9",
            "3.13.0",
            "3.13.1t",
            "3.13.2rc1",
            "2.7.18",
            "system",
        ]
        .map(String::from)
        .to_vec();
        let found = choose_interpreters(Some(v(11)), root, &installed);
        assert_eq!(
            found,
            vec![
                Interpreter {
                    version: v(11),
                    path: PathBuf::from("python3")
                },
                Interpreter {
                    version: v(12),
                    path: root.join("3.12.10/bin/python3")
                },
                Interpreter {
                    version: v(13),
                    path: root.join("3.13.0/bin/python3")
                },
            ]
        );
        assert!(found[0].is_system() && !found[1].is_system());
    }

    #[test]
    fn a_version_neither_python3_nor_pyenv_has_is_left_out() {
        let root = Path::new("/pyenv/versions");
        let found = choose_interpreters(Some(v(12)), root, &["3.13.0t".to_string()]);
        assert_eq!(found.iter().map(|i| i.version).collect::<Vec<_>>(), [v(12)]);
        assert!(choose_interpreters(None, root, &[]).is_empty());
    }

    #[test]
    fn a_version_is_read_as_python_prints_it() {
        assert_eq!("3.13\n".parse(), Ok(v(13)));
        assert!("3".parse::<PythonVersion>().is_err());
        assert!("3.x".parse::<PythonVersion>().is_err());
    }

    #[test]
    fn specifiers_compare_major_and_minor_and_a_comma_means_and() {
        let admitted = |text: &str| PythonSpecifier::parse(text).unwrap().versions();
        assert_eq!(admitted(">=3.11,<3.13"), [v(11), v(12)]);
        assert_eq!(admitted(">=3.13"), [v(13)]);
        assert_eq!(admitted(">3.11"), [v(12), v(13)]);
        assert_eq!(admitted("<=3.12"), [v(11), v(12)]);
        assert_eq!(admitted("==3.12"), [v(12)]);
        assert_eq!(admitted("!=3.12"), [v(11), v(13)]);
        assert_eq!(admitted(" >= 3.12 , != 3.13 "), [v(12)]);
    }

    #[test]
    fn a_specifier_with_a_patch_release_or_admitting_nothing_is_refused() {
        let refused = |text: &str| PythonSpecifier::parse(text).unwrap_err();
        assert!(
            refused(">=3.12.1").contains("major.minor"),
            "{}",
            refused(">=3.12.1")
        );
        assert!(refused(">=3.13rc1").contains("major.minor"));
        assert!(refused("3.12").contains("PEP 440"));
        assert!(refused(">=3.14").contains("admits none of CPython 3.11, 3.12 and 3.13"));
    }

    #[test]
    fn the_versions_are_written_as_a_sentence() {
        assert_eq!(
            runs_on_sentence(&admitted(None)),
            "Runs on CPython 3.11, 3.12 and 3.13."
        );
        assert_eq!(
            runs_on_sentence(&[v(11), v(12)]),
            "Runs on CPython 3.11 and 3.12."
        );
        assert_eq!(runs_on_sentence(&[v(13)]), "Runs on CPython 3.13.");
    }
}
