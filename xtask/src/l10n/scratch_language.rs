//! A language joins by copying a folder, proven on every test run: a copy of the project gets
//! `locales/pl`, made from `en/` the way a translator starts (every file copied, the language's name
//! written, and the plural choices given the categories Polish has beyond English's, `[few]` and
//! `[many]`) and nothing else. The app (its language list, plural rules and every plural variant)
//! and the server (its mail and SMS in every language) then pass their language tests in the copy
//! with Polish among them.

use std::path::{Path, PathBuf};

use anyhow::{ensure, Context};

use crate::{
    process::{output_of, run_counting_libtest, Tally},
    tools::Toolchain,
    workspace_root,
};

/// The scratch language: four plural categories (`one`, `few`, `many`, `other`), unlike en or es.
const SCRATCH_LANGUAGE: &str = "pl";

pub fn run_step(tools: &Toolchain) -> anyhow::Result<Tally> {
    let root = workspace_root();
    let copy = root.join("target/scratch-language");
    if copy.exists() {
        std::fs::remove_dir_all(&copy).with_context(|| format!("cannot empty {}", copy.display()))?;
    }
    copy_project(&root, &copy)?;
    add_language_from_source(&copy.join("locales"))?;

    // The same target folder as the project's: dependencies are built once for both.
    let mut cargo = tools.command("cargo");
    cargo
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .args(["test", "--locked", "-p", "recupera", "-p", "recupera-server", "--lib"])
        .args(["--", "i18n::", "messages::"]);
    let tally = run_counting_libtest(&mut cargo)?;
    ensure!(tally.passed >= 10 || tally.failed > 0, "the language tests did not run in the copy ({tally:?})");
    Ok(tally)
}

/// The project's files as git sees them (tracked, and new ones not ignored), links kept as links.
fn copy_project(root: &Path, copy: &Path) -> anyhow::Result<()> {
    let listed = output_of(std::process::Command::new("git").current_dir(root).args([
        "ls-files",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))
    .context("cannot list the project's files with git")?;
    for file in listed.lines().map(PathBuf::from) {
        let (from, to) = (root.join(&file), copy.join(&file));
        let Ok(metadata) = std::fs::symlink_metadata(&from) else { continue }; // deleted, not committed
        std::fs::create_dir_all(to.parent().expect("a file in a folder"))?;
        if metadata.file_type().is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&from)?, &to)?;
        } else {
            std::fs::copy(&from, &to).with_context(|| format!("cannot copy {}", from.display()))?;
        }
    }
    Ok(())
}

/// `locales/pl`, as a translator's first step makes it from `en/`.
fn add_language_from_source(locales: &Path) -> anyhow::Result<()> {
    let folder = locales.join(SCRATCH_LANGUAGE);
    std::fs::create_dir_all(&folder)?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(locales.join("en"))? {
        let path = entry?.path();
        let text = std::fs::read_to_string(&path)?;
        let text = with_polish_plurals(&text).replace("language-name = English", "language-name = Polski");
        let name = path.file_name().expect("a file name");
        std::fs::write(folder.join(name), &text)?;
        let shown = Path::new("locales").join(SCRATCH_LANGUAGE).join(name);
        files.push(recupera_l10n::parse_file(&shown, text.as_bytes()).0);
    }
    // What the build will check: the copy is a Polish a translator could hand in.
    let problems = recupera_l10n::plural::check(SCRATCH_LANGUAGE, &files);
    ensure!(problems.is_empty(), "the scratch locale is not valid Polish: {problems:?}");
    Ok(())
}

/// Every `*[other] …` variant preceded by `[few] …` and `[many] …` with the same text.
fn with_polish_plurals(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        if let Some((indent, rest)) = line.split_once("*[other]") {
            if indent.trim().is_empty() {
                for category in ["few", "many"] {
                    out.push_str(&format!("{indent} [{category}]{rest}\n"));
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_variant_gets_few_and_many_beside_it_at_its_indentation() {
        let english = "m = { $n ->\n    [one] { $n } try\n   *[other] { $n } tries\n}\n";
        assert_eq!(
            with_polish_plurals(english),
            "m = { $n ->\n    [one] { $n } try\n    [few] { $n } tries\n    [many] { $n } tries\n   *[other] { $n } tries\n}\n"
        );
    }
}
