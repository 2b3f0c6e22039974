//! The app's calls of its messages (`tr!`, `move_tr!`, `around_tr!` in `src/`), each with the
//! variables it passes, so the check can hold them against the message's own variables.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

/// One call: where it is, the message it asks for, the variables it gives.
#[derive(Debug, PartialEq, Eq)]
pub struct CallSite {
    pub file: PathBuf,
    pub line: usize,
    pub id: String,
    pub passed: BTreeSet<String>,
}

/// Every call in the app's code (`src/`, but not `src/i18n/`, which defines the macros).
pub fn app_call_sites(root: &Path) -> anyhow::Result<Vec<CallSite>> {
    let mut sites = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if path != root.join("src/i18n") {
                stack.extend(std::fs::read_dir(&path)?.filter_map(|e| e.ok().map(|e| e.path())));
            }
        } else if path.extension().is_some_and(|x| x == "rs") {
            let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            for call in recupera_l10n::calls_in(&std::fs::read_to_string(&path)?) {
                sites.push(CallSite {
                    file: shown.clone(),
                    line: call.line,
                    id: call.id,
                    passed: call.passed,
                });
            }
        }
    }
    sites.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(sites)
}
