//! `cargo xtask l10n`: the translators' check. Reports, as `file:line: problem`, every file that is not
//! UTF-8 or does not parse, every message missing from a locale or found only in one, every message
//! whose variables differ between locales, every message without a comment (or whose comment does not
//! explain one of its variables), every message of the source locale (`en`) that no code uses, and
//! every SMS text (`sms-…`) that would be sent in more than one segment (`sms_length`), every
//! translation left identical to the source (unless its comment says "Same as the source: why"), every
//! message in another file than the source's, every plural choice that lacks one of the language's
//! CLDR categories or names one it does not have (`recupera_l10n::plural`), and (through `recupera_l10n::compile`) every construct
//! the app cannot format, such as a variant key given twice.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use anyhow::Context;

use crate::workspace_root;

mod call_sites;
pub mod scratch_language;
mod sms_length;

/// The locale translations are made from.
const SOURCE_LOCALE: &str = "en";

/// One message of one locale.
#[derive(Debug, Clone)]
struct Message {
    file: PathBuf,
    line: usize,
    variables: BTreeSet<String>,
    commented: bool,
    /// The value as parsed, to tell a translation left identical to the source.
    value: String,
    /// Its comment says the text is the same as the source's on purpose (`SAME_AS_SOURCE`).
    same_on_purpose: bool,
}

/// What a translation's comment says when its text is the source's on purpose ("Email" is Spanish too).
const SAME_AS_SOURCE: &str = "Same as the source";

pub fn run_command() -> anyhow::Result<()> {
    let problems = check(&workspace_root())?;
    for problem in &problems {
        println!("{problem}");
    }
    if problems.is_empty() {
        println!("l10n: every locale is complete and consistent");
        Ok(())
    } else {
        anyhow::bail!("l10n: {} problem(s)", problems.len())
    }
}

/// Every problem found, as printable lines; empty when all is well.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let locales_dir = root.join("locales");
    let mut problems = Vec::new();
    let mut locales: BTreeMap<String, BTreeMap<String, Message>> = BTreeMap::new();
    for entry in std::fs::read_dir(&locales_dir).context("cannot read locales/")? {
        let entry = entry?;
        if !entry.file_type()?.is_dir() {
            continue;
        }
        let locale = entry.file_name().to_string_lossy().into_owned();
        if recupera_api::pseudo_locale::is_pseudo_locale(&locale) {
            check_pseudo_locale(&entry.path(), &mut problems);
            continue;
        }
        let mut messages = BTreeMap::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(entry.path())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let parsed: Vec<_> =
            files.iter().filter_map(|file| read_file(root, file, &mut messages, &mut problems)).collect();
        sms_length::check(&parsed, &mut problems);
        problems.extend(recupera_l10n::plural::check(&locale, &parsed).iter().map(ToString::to_string));
        locales.insert(locale, messages);
    }
    let Some(source) = locales.get(SOURCE_LOCALE).cloned() else {
        problems.push(format!("locales/{SOURCE_LOCALE}: the source locale is missing"));
        return Ok(problems);
    };

    for (locale, messages) in &locales {
        for (id, message) in messages {
            let at = format!("{}:{}", message.file.display(), message.line);
            if !message.commented {
                problems.push(format!("{at}: message {id} has no comment saying where it appears"));
            }
            if locale == SOURCE_LOCALE {
                continue;
            }
            match source.get(id) {
                None => {
                    problems.push(format!("{at}: message {id} is not in the source locale {SOURCE_LOCALE}"))
                }
                Some(original) if original.variables != message.variables => problems.push(format!(
                    "{at}: message {id} uses variables {:?}, but {}:{} uses {:?}",
                    message.variables,
                    original.file.display(),
                    original.line,
                    original.variables
                )),
                Some(_) => {}
            }
            let Some(original) = source.get(id) else { continue };
            if original.value == message.value && !message.same_on_purpose {
                problems.push(format!(
                    "{at}: message {id} is the same as in {}:{} (not translated? if it is right as it is, \
                     say so in its comment: \"# {SAME_AS_SOURCE}: …\")",
                    original.file.display(),
                    original.line
                ));
            }
            if original.file.file_name() != message.file.file_name() {
                problems.push(format!(
                    "{at}: message {id} is in {}, but in {} in the source locale (a message stays in its file)",
                    message.file.file_name().unwrap_or_default().to_string_lossy(),
                    original.file.display()
                ));
            }
        }
        for (id, original) in &source {
            if !messages.contains_key(id) {
                problems.push(format!(
                    "locales/{locale}: message {id} is missing (source: {}:{})",
                    original.file.display(),
                    original.line
                ));
            }
        }
    }

    // The app passes each message exactly the variables it uses: one it ignores is a value the
    // translator never sees, one it lacks shows as `{$name}` on the screen.
    for site in call_sites::app_call_sites(root)? {
        let Some(message) = source.get(&site.id) else { continue };
        if site.passed != message.variables {
            problems.push(format!(
                "{}:{}: {} is given the variables {:?}, but {}:{} uses {:?}",
                site.file.display(),
                site.line,
                site.id,
                site.passed,
                message.file.display(),
                message.line,
                message.variables
            ));
        }
    }

    let code = source_code(root)?;
    for (id, message) in &source {
        if !code.contains(&format!("\"{id}\"")) {
            problems.push(format!(
                "{}:{}: message {id} is used nowhere in the code",
                message.file.display(),
                message.line
            ));
        }
    }
    Ok(problems)
}

/// The pseudo-locale is made from the source locale as it is shown, so its folder holds one link to
/// the source locale's folder and nothing to translate.
fn check_pseudo_locale(folder: &Path, problems: &mut Vec<String>) {
    let link = folder.join(SOURCE_LOCALE);
    let points_at_source =
        std::fs::read_link(&link).is_ok_and(|target| target == Path::new("..").join(SOURCE_LOCALE));
    let only_the_link = std::fs::read_dir(folder).map(|entries| entries.count() == 1).unwrap_or(false);
    if !points_at_source || !only_the_link {
        problems.push(format!(
            "{}: the pseudo-locale folder must hold only the link `{SOURCE_LOCALE} -> ../{SOURCE_LOCALE}` (it is generated from English as it is shown)",
            folder.display()
        ));
    }
}

/// Reads one file's messages into `messages`; returns it parsed (`None` when it cannot be read).
fn read_file(
    root: &Path,
    file: &Path,
    messages: &mut BTreeMap<String, Message>,
    problems: &mut Vec<String>,
) -> Option<recupera_l10n::LocaleFile> {
    let shown = file.strip_prefix(root).unwrap_or(file).to_path_buf();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => {
            problems.push(format!("{}: cannot be read: {err}", shown.display()));
            return None;
        }
    };
    // The same parse as build.rs's (`recupera_l10n`): what one reads, the other reads.
    let (parsed, found) = recupera_l10n::parse_file(&shown, &bytes);
    problems.extend(found.iter().map(ToString::to_string));
    for message in &parsed.messages {
        let variables = message.value.as_ref().map(recupera_l10n::variables).unwrap_or_default();
        let line = message.line;
        // Translators are told what each variable holds (`#   $seconds (Number) - …`).
        if let Some(comment) = &message.comment {
            for variable in &variables {
                if !comment.contains(&format!("${variable}")) {
                    problems.push(format!(
                        "{}:{line}: message {} does not explain ${variable} in its comment (# Variables: …)",
                        shown.display(),
                        message.id
                    ));
                }
            }
        }
        let found = Message {
            file: shown.clone(),
            line,
            variables,
            commented: message.comment.is_some(),
            value: format!("{:?}", message.value),
            same_on_purpose: message.comment.as_ref().is_some_and(|c| c.contains(SAME_AS_SOURCE)),
        };
        if let Some(earlier) = messages.insert(message.id.clone(), found) {
            problems.push(format!(
                "{}:{line}: message {} is also defined at {}:{}",
                shown.display(),
                message.id,
                earlier.file.display(),
                earlier.line
            ));
        }
    }
    Some(parsed)
}

/// The app's and the server's Rust code, where message ids appear as string literals (`build.rs`
/// reads `language-name` for the language switch).
fn source_code(root: &Path) -> anyhow::Result<String> {
    let mut code = std::fs::read_to_string(root.join("build.rs")).unwrap_or_default();
    for dir in ["src", "server/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path)?.filter_map(|e| e.ok().map(|e| e.path())));
            } else if path.extension().is_some_and(|x| x == "rs") {
                code.push_str(&std::fs::read_to_string(&path)?);
            }
        }
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, file: &str, text: &str) {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_complete_project_has_no_problems_and_each_kind_of_problem_is_reported_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "src/lib.rs", r#"tr!("greeting", {"name" => x}); tr!("unused-in-es");"#);
        write(root, "locales/en/main.ftl", "# Shown on top.\n# Variables:\n#   $name (String) - who\ngreeting = Hello { $name }\n# Extra.\nunused-in-es = Hi\n");
        write(
            root,
            "locales/es/main.ftl",
            "# Shown on top.\n# Variables:\n#   $name (String) - who\ngreeting = Hola { $name }\n# Extra.\nunused-in-es = Hola\n",
        );
        assert_eq!(check(root).unwrap(), Vec::<String>::new());

        write(root, "locales/es/main.ftl", "greeting = Hola { $nombre }\nonly-here = x\n");
        write(root, "locales/en/extra.ftl", "# Nobody uses it.\norphan = x\n");
        write(root, "locales/en/broken.ftl", "# Comment\nbroken = { $\n");
        let problems = check(root).unwrap();
        let expect = |needle: &str| {
            assert!(problems.iter().any(|p| p.contains(needle)), "{needle} not in {problems:#?}")
        };
        expect("locales/es/main.ftl:1: message greeting has no comment");
        expect("locales/es/main.ftl:1: message greeting uses variables {\"nombre\"}, but locales/en/main.ftl:4 uses {\"name\"}");
        expect("locales/es/main.ftl:2: message only-here is not in the source locale en");
        expect("locales/es: message unused-in-es is missing (source: locales/en/main.ftl:6)");
        expect("locales/en/extra.ftl:2: message orphan is used nowhere in the code");
        expect("locales/en/broken.ftl:2: does not parse");

        // A translation left as the source, unless its comment says it is right so; a message moved.
        write(
            root,
            "locales/es/main.ftl",
            "# Shown on top.\n# Variables:\n#   $name (String) - who\ngreeting = Hello { $name }\n",
        );
        write(root, "locales/es/other.ftl", "# Extra.\n# Same as the source: a name.\nunused-in-es = Hi\n");
        let problems = check(root).unwrap();
        let expect = |needle: &str| {
            assert!(problems.iter().any(|p| p.contains(needle)), "{needle} not in {problems:#?}")
        };
        expect("locales/es/main.ftl:4: message greeting is the same as in locales/en/main.ftl:4 (not translated?");
        expect("locales/es/other.ftl:3: message unused-in-es is in other.ftl, but in locales/en/main.ftl in the source locale");
        assert!(!problems.iter().any(|p| p.contains("unused-in-es is the same")), "{problems:#?}");
    }

    #[test]
    fn plural_choices_must_name_the_categories_cldr_gives_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "src/lib.rs", r#"tr!("left", {"n" => n});"#);
        let message = |variants: &str| {
            format!(
                "# Tries left.\n# Variables:\n#   $n (Number) - how many\nleft = {{ $n ->\n{variants}}}\n"
            )
        };
        write(root, "locales/en/a.ftl", &message("    [one] { $n } try\n   *[other] { $n } tries\n"));
        write(
            root,
            "locales/pl/a.ftl",
            &message("    [one] { $n } próba\n    [few] { $n } próby\n   *[other] { $n } prób\n"),
        );
        let problems = check(root).unwrap();
        assert_eq!(
            problems,
            ["locales/pl/a.ftl:4: message left has no variant for the plural category [many] of `pl` (it has [one] [few] [many] [other])"]
        );
    }

    #[test]
    fn a_variable_the_comment_does_not_explain_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "src/lib.rs", r#"tr!("wait", {"seconds" => s});"#);
        write(dir.path(), "locales/en/a.ftl", "# Under the button.\nwait = Wait { $seconds } s\n");
        let problems = check(dir.path()).unwrap();
        assert!(
            problems.iter().any(|p| p == "locales/en/a.ftl:2: message wait does not explain $seconds in its comment (# Variables: …)"),
            "{problems:#?}"
        );
    }

    #[test]
    fn non_utf8_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "src/lib.rs", "");
        write(dir.path(), "locales/en/a.ftl", "");
        std::fs::write(dir.path().join("locales/en/bad.ftl"), b"# ok\nx = caf\xe9\n").unwrap();
        let problems = check(dir.path()).unwrap();
        assert!(problems.iter().any(|p| p == "locales/en/bad.ftl:2: not UTF-8"), "{problems:#?}");
    }

    #[test]
    fn the_pseudo_locale_must_be_only_a_link_to_the_source_locale() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "src/lib.rs", r#"tr!("greeting");"#);
        write(root, "locales/en/main.ftl", "# Shown on top.\ngreeting = Hello\n");
        std::fs::create_dir_all(root.join("locales/en-XA")).unwrap();
        std::os::unix::fs::symlink("../en", root.join("locales/en-XA/en")).unwrap();
        assert_eq!(check(root).unwrap(), Vec::<String>::new());

        write(root, "locales/en-XA/main.ftl", "# Translated by hand.\ngreeting = Ĥéĺĺó\n");
        let problems = check(root).unwrap();
        assert!(
            problems.iter().any(|p| p.contains("en-XA: the pseudo-locale folder must hold only the link")),
            "{problems:#?}"
        );
    }

    #[test]
    fn the_projects_own_locales_pass() {
        assert_eq!(check(&workspace_root()).unwrap(), Vec::<String>::new());
    }
}
