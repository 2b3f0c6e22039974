//! One Fluent file of `locales/`: its messages and terms, as both readers need them.

use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// Something wrong in a file, at a line: printed `locales/es/errors.ftl:12: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub text: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.text)
    }
}

/// A message: `id = value`, with the comment above it.
#[derive(Debug)]
pub struct Message {
    pub id: String,
    /// Where `id =` stands (1-based).
    pub line: usize,
    /// The comment's lines joined by newlines, without the `#`.
    pub comment: Option<String>,
    /// `None` for a message made only of attributes.
    pub value: Option<ast::Pattern<String>>,
    /// The names of its attributes (`.label = …`), which neither the app nor the mail uses.
    pub attributes: Vec<String>,
}

/// A term: `-brand-name = Recupera`, used by messages as `{ -brand-name }`.
#[derive(Debug)]
pub struct Term {
    pub id: String,
    pub value: ast::Pattern<String>,
}

/// What a file holds, in the order it holds it.
#[derive(Debug, Default)]
pub struct LocaleFile {
    /// The file as problems name it (`locales/es/errors.ftl`).
    pub path: PathBuf,
    pub messages: Vec<Message>,
    pub terms: Vec<Term>,
}

/// Parses `bytes`, the file `shown`. What parses is kept even when some entries do not; each problem
/// (not UTF-8, an entry that does not parse) is returned with its line.
pub fn parse_file(shown: &Path, bytes: &[u8]) -> (LocaleFile, Vec<Problem>) {
    let problem = |line: usize, text: String| Problem { file: shown.to_path_buf(), line, text };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let line = line_of(&String::from_utf8_lossy(bytes), err.valid_up_to());
            let empty = LocaleFile { path: shown.to_path_buf(), ..LocaleFile::default() };
            return (empty, vec![problem(line, "not UTF-8".into())]);
        }
    };
    let (resource, problems) = match fluent_syntax::parser::parse(text.to_owned()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => {
            let problems = errors
                .into_iter()
                .map(|error| {
                    problem(line_of(text, error.pos.start), format!("does not parse: {:?}", error.kind))
                })
                .collect();
            (resource, problems)
        }
    };
    let mut file = LocaleFile { path: shown.to_path_buf(), ..LocaleFile::default() };
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => file.messages.push(Message {
                line: line_of_definition(text, &message.id.name),
                id: message.id.name,
                comment: message.comment.map(|comment| comment.content.join("\n")),
                value: message.value,
                attributes: message.attributes.into_iter().map(|attribute| attribute.id.name).collect(),
            }),
            ast::Entry::Term(term) => file.terms.push(Term { id: term.id.name, value: term.value }),
            _ => {}
        }
    }
    (file, problems)
}

/// The line (1-based) of byte `byte` of `text`.
fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// The line where `id =` starts a message (0 when not found, which a parsed message cannot be).
fn line_of_definition(text: &str, id: &str) -> usize {
    text.lines()
        .position(|line| {
            line.split_once('=').is_some_and(|(name, _)| name.trim() == id) && !line.starts_with(' ')
        })
        .map_or(0, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (LocaleFile, Vec<Problem>) {
        parse_file(Path::new("locales/es/a.ftl"), text.as_bytes())
    }

    #[test]
    fn messages_come_with_their_line_comment_and_attributes_and_terms_apart() {
        let (file, problems) = parsed(
            "-brand = Recupera\n\n# Shown on top.\n# Variables:\n#   $name (String) - who\ngreeting = Hola { $name }\n\
             bare = x\n    .label = y\nonly-attributes =\n    .title = z\n",
        );
        assert_eq!(problems, []);
        assert_eq!(file.terms.len(), 1);
        assert_eq!(file.terms[0].id, "brand");
        let summary: Vec<_> = file
            .messages
            .iter()
            .map(|m| (m.id.as_str(), m.line, m.comment.as_deref(), m.value.is_some(), m.attributes.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("greeting", 6, Some("Shown on top.\nVariables:\n  $name (String) - who"), true, vec![]),
                ("bare", 7, None, true, vec!["label".to_owned()]),
                ("only-attributes", 9, None, false, vec!["title".to_owned()]),
            ]
        );
    }

    #[test]
    fn an_entry_that_does_not_parse_is_named_by_line_and_the_rest_is_kept() {
        let (file, problems) = parsed("# ok\nfine = yes\nbroken = { $\nalso-fine = yes\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0].to_string().starts_with("locales/es/a.ftl:3: does not parse: "),
            "{}",
            problems[0]
        );
        let ids: Vec<_> = file.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["fine", "also-fine"]);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_named_by_the_line_of_its_first_bad_byte() {
        let (file, problems) = parse_file(Path::new("locales/es/bad.ftl"), b"# ok\nx = caf\xe9\n");
        assert!(file.messages.is_empty());
        assert_eq!(
            problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["locales/es/bad.ftl:2: not UTF-8"]
        );
    }
}
