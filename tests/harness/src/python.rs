//! The Python that runs the twins: `python3` itself, or, for twins that
//! import packages from PyPI (greenlet, gevent), a virtual environment under
//! the target directory with exactly the pinned versions they name. The
//! site's search indexer, Pagefind, comes from PyPI the same way.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::target_dir;

/// The interpreter for twins that need no package.
pub const SYSTEM_PYTHON: &str = "python3";

/// The `python` of the virtual environment `target/<name>` holding
/// `requirements` (each `name==version`), made or remade only when the list
/// changed. The error says why it could not be made (no `venv` module, no
/// network).
pub fn python_with(name: &str, requirements: &BTreeSet<String>) -> Result<PathBuf, String> {
    let venv = target_dir().join(name);
    let python = venv.join("bin").join("python");
    let record = venv.join("requirements.txt");
    let wanted: String = requirements.iter().map(|r| format!("{r}\n")).collect();
    if python.is_file() && fs::read_to_string(&record).is_ok_and(|had| had == wanted) {
        return Ok(python);
    }
    let made = Command::new(SYSTEM_PYTHON)
        .args(["-m", "venv", "--clear"])
        .arg(&venv)
        .output()
        .map_err(|e| format!("cannot run {SYSTEM_PYTHON}: {e}"))?;
    if !made.status.success() {
        return Err(format!(
            "`{SYSTEM_PYTHON} -m venv` failed: {}",
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
