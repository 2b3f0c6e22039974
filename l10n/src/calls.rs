//! The app's calls of its messages in source code (`tr!("id")`, `move_tr!("id", { "name" => … })`,
//! `tr!(i18n, "id", …)`, `around_tr!("id", "variable")`): which message each asks for, where, and the
//! variables it passes. build.rs checks every id exists in every language; the translators' check
//! holds the variables against the message's.

use std::collections::BTreeSet;

/// One call, in the code it was found in.
#[derive(Debug, PartialEq, Eq)]
pub struct Call {
    /// 1-based.
    pub line: usize,
    pub id: String,
    pub passed: BTreeSet<String>,
}

/// Every call in `code`.
pub fn calls_in(code: &str) -> Vec<Call> {
    let mut calls = Vec::new();
    for (start, _) in code.match_indices("tr!(") {
        let rest = &code[start + 4..];
        let Some(quote) = rest.find('"') else { continue };
        // Only a context variable and a comma may stand between the parenthesis and the id.
        if !rest[..quote].chars().all(|c| c.is_alphanumeric() || c == '_' || c == ',' || c.is_whitespace()) {
            continue;
        }
        let after_id = &rest[quote + 1..];
        let Some(end) = after_id.find('"') else { continue };
        let id = after_id[..end].to_owned();
        let tail = after_id[end + 1..].trim_start();
        let mut passed = BTreeSet::new();
        if code[..start].ends_with("around_") {
            // `around_tr!("id", "variable")`: the markup takes the variable's place.
            if let Some(name) = tail.strip_prefix(',').and_then(first_string) {
                passed.insert(name);
            }
        } else if let Some(block) =
            tail.strip_prefix(',').map(str::trim_start).and_then(|t| t.strip_prefix('{'))
        {
            // `{ "name" => value, … }`, up to its closing brace.
            let mut depth = 1;
            let close = block
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(block.len(), |(i, _)| i);
            let mut inside = &block[..close];
            while let Some(open) = inside.find('"') {
                let Some(len) = inside[open + 1..].find('"') else { break };
                let name = &inside[open + 1..open + 1 + len];
                inside = &inside[open + len + 2..];
                if inside.trim_start().starts_with("=>") {
                    passed.insert(name.to_owned());
                }
            }
        }
        calls.push(Call { line: code[..start].matches('\n').count() + 1, id, passed });
    }
    calls
}

fn first_string(text: &str) -> Option<String> {
    let text = text.trim_start().strip_prefix('"')?;
    Some(text[..text.find('"')?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_macro_form_gives_its_id_and_the_variables_it_passes() {
        let code = r#"let a = tr!("plain");
let b = move_tr!("step", { "step" => n, "total" => WizardStep::COUNTED });
let c = tr!(i18n, "resent", { "seconds" => wait.min(60) });
let d = around_tr!("signed-in-as", "username");
let e = tr!("nested", { "title" => format!("{x}"), "n" => { 1 } });"#;
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            calls_in(code).into_iter().map(|c| (c.line, c.id, c.passed)).collect::<Vec<_>>(),
            [
                (1, "plain".to_owned(), names(&[])),
                (2, "step".to_owned(), names(&["step", "total"])),
                (3, "resent".to_owned(), names(&["seconds"])),
                (4, "signed-in-as".to_owned(), names(&["username"])),
                (5, "nested".to_owned(), names(&["n", "title"])),
            ]
        );
    }
}
