//! A language's messages as the app formats them: text, variables and choices on a variable, with
//! every term and message reference put in place. Anything else is refused, named.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::file::{LocaleFile, Problem};

/// One piece of a compiled message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Variable(String),
    /// `{ $count -> [one] … *[other] … }`: the variants by key, and which one is the default.
    Select {
        variable: String,
        variants: Vec<(String, Vec<Piece>)>,
        default: usize,
    },
}

/// How deep references may nest before a message is taken to refer to itself.
const MAX_DEPTH: usize = 16;

/// Every message of `files` (one language's), compiled. The first message that cannot be is the error.
pub fn compile(files: &[LocaleFile]) -> Result<BTreeMap<String, Vec<Piece>>, Problem> {
    let mut messages: BTreeMap<&str, (&ast::Pattern<String>, At)> = BTreeMap::new();
    let mut terms: BTreeMap<&str, &ast::Pattern<String>> = BTreeMap::new();
    for file in files {
        for message in &file.messages {
            let at = At { file, line: message.line, id: &message.id };
            if !message.attributes.is_empty() {
                return Err(at.problem("has attributes, which the app does not use".into()));
            }
            if let Some(value) = &message.value {
                messages.insert(&message.id, (value, at));
            }
        }
        for term in &file.terms {
            terms.insert(&term.id, &term.value);
        }
    }
    let resolver = Resolver { messages: &messages, terms: &terms };
    messages
        .iter()
        .map(|(id, (pattern, at))| {
            let mut pieces = Vec::new();
            resolver.pattern(pattern, &mut pieces, at, 0)?;
            Ok(((*id).to_owned(), merge_text(pieces)))
        })
        .collect()
}

/// The message being compiled, for problems: `locales/es/errors.ftl:12: message error-x …`.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a LocaleFile,
    line: usize,
    id: &'a str,
}

impl At<'_> {
    fn problem(&self, what: String) -> Problem {
        Problem { file: self.file.path.clone(), line: self.line, text: format!("message {} {what}", self.id) }
    }
}

struct Resolver<'a> {
    messages: &'a BTreeMap<&'a str, (&'a ast::Pattern<String>, At<'a>)>,
    terms: &'a BTreeMap<&'a str, &'a ast::Pattern<String>>,
}

impl Resolver<'_> {
    fn pattern(
        &self,
        pattern: &ast::Pattern<String>,
        out: &mut Vec<Piece>,
        at: &At,
        depth: usize,
    ) -> Result<(), Problem> {
        if depth >= MAX_DEPTH {
            return Err(at.problem("refers to itself".into()));
        }
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push(Piece::Text(value.clone())),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, out, at, depth)?
                }
            }
        }
        Ok(())
    }

    fn expression(
        &self,
        expression: &ast::Expression<String>,
        out: &mut Vec<Piece>,
        at: &At,
        depth: usize,
    ) -> Result<(), Problem> {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, out, at, depth),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: variable } = selector else {
                    return Err(at.problem("selects on something other than a variable".into()));
                };
                let mut compiled = Vec::new();
                let mut default = 0;
                for (index, variant) in variants.iter().enumerate() {
                    let key = match &variant.key {
                        ast::VariantKey::Identifier { name } => name.clone(),
                        ast::VariantKey::NumberLiteral { value } => value.clone(),
                    };
                    if variant.default {
                        default = index;
                    }
                    // Only the first of two variants with one key could ever be chosen.
                    if compiled.iter().any(|(earlier, _)| *earlier == key) {
                        return Err(at.problem(format!("has the variant [{key}] twice")));
                    }
                    let mut pieces = Vec::new();
                    self.pattern(&variant.value, &mut pieces, at, depth + 1)?;
                    compiled.push((key, merge_text(pieces)));
                }
                out.push(Piece::Select { variable: variable.name.clone(), variants: compiled, default });
                Ok(())
            }
        }
    }

    fn inline(
        &self,
        inline: &ast::InlineExpression<String>,
        out: &mut Vec<Piece>,
        at: &At,
        depth: usize,
    ) -> Result<(), Problem> {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                out.push(Piece::Text(fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()))
            }
            ast::InlineExpression::NumberLiteral { value } => out.push(Piece::Text(value.clone())),
            ast::InlineExpression::VariableReference { id } => out.push(Piece::Variable(id.name.clone())),
            ast::InlineExpression::TermReference { id, attribute: None, arguments: None } => {
                let pattern = self
                    .terms
                    .get(id.name.as_str())
                    .ok_or_else(|| at.problem(format!("uses the term -{}, which is not defined", id.name)))?;
                self.pattern(pattern, out, at, depth + 1)?;
            }
            ast::InlineExpression::MessageReference { id, attribute: None } => {
                let (pattern, _) = self.messages.get(id.name.as_str()).ok_or_else(|| {
                    at.problem(format!("uses the message {}, which is not defined", id.name))
                })?;
                self.pattern(pattern, out, at, depth + 1)?;
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, out, at, depth)?,
            other => {
                return Err(at.problem(format!(
                    "uses {}, which the app cannot format (only text, variables, terms, message \
                     references and selectors on a variable)",
                    construct_name(other)
                )))
            }
        }
        Ok(())
    }
}

/// What a translator calls the construct.
fn construct_name(inline: &ast::InlineExpression<String>) -> &'static str {
    match inline {
        ast::InlineExpression::FunctionReference { .. } => "a function",
        ast::InlineExpression::TermReference { .. } => "a term with arguments",
        ast::InlineExpression::MessageReference { .. } => "a message's attribute",
        _ => "an expression",
    }
}

/// Joins neighbouring text pieces, so a message with a term in it is one piece of text.
fn merge_text(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::new();
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Text(previous)), Piece::Text(next)) => previous.push_str(&next),
            (_, piece) => merged.push(piece),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::file::parse_file;

    fn compiled(texts: &[&str]) -> Result<BTreeMap<String, Vec<Piece>>, String> {
        let files: Vec<LocaleFile> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let (file, problems) = parse_file(Path::new(&format!("locales/xx/{i}.ftl")), text.as_bytes());
                assert_eq!(problems, [], "{text}");
                file
            })
            .collect();
        compile(&files).map_err(|problem| problem.to_string())
    }

    fn text(value: &str) -> Piece {
        Piece::Text(value.into())
    }

    #[test]
    fn every_construct_the_app_formats_is_compiled() {
        let messages = compiled(&[
            "-brand = Recupera\nplain = Hola\nwith-variable = Hola, { $name }.\nwith-term = { -brand } te ayuda\n",
            "with-reference = { plain } y adiós\nliterals = { \"\\u00BF\" }Qué{ \" \" }{ 42 }?\nnested = { { $name } }\n\
             choice = { $count ->\n    [0] ninguno\n    [one] { $count } código\n   *[other] { $count } códigos\n}\n",
        ])
        .unwrap();
        assert_eq!(messages["plain"], [text("Hola")]);
        assert_eq!(messages["with-variable"], [text("Hola, "), Piece::Variable("name".into()), text(".")]);
        assert_eq!(messages["with-term"], [text("Recupera te ayuda")], "a term from another file, merged");
        assert_eq!(messages["with-reference"], [text("Hola y adiós")]);
        assert_eq!(messages["literals"], [text("¿Qué 42?")], "string literals unescaped, numbers as text");
        assert_eq!(messages["nested"], [Piece::Variable("name".into())]);
        assert_eq!(
            messages["choice"],
            [Piece::Select {
                variable: "count".into(),
                variants: vec![
                    ("0".into(), vec![text("ninguno")]),
                    ("one".into(), vec![Piece::Variable("count".into()), text(" código")]),
                    ("other".into(), vec![Piece::Variable("count".into()), text(" códigos")]),
                ],
                default: 2,
            }]
        );
    }

    #[test]
    fn each_construct_the_app_cannot_format_is_refused_with_its_file_line_and_message() {
        let refused = |text: &str| compiled(&["# first\nfine = x\n", text]).unwrap_err();
        assert_eq!(
            refused("a = { NUMBER($n) }\n"),
            "locales/xx/1.ftl:1: message a uses a function, which the app cannot format (only text, \
             variables, terms, message references and selectors on a variable)"
        );
        // A term's attribute is refused by the parser itself as a placeable; as a selector, here.
        assert_eq!(
            refused("-t = T\n    .gender = f\nb = { -t.gender ->\n   *[f] x\n}\n"),
            "locales/xx/1.ftl:3: message b selects on something other than a variable"
        );
        assert!(refused("-t = T\nc = { -t(case: \"x\") }\n")
            .starts_with("locales/xx/1.ftl:2: message c uses a term with arguments"));
        assert!(refused("d = { fine.title }\n")
            .starts_with("locales/xx/1.ftl:1: message d uses a message's attribute"));
        assert_eq!(
            refused("e = { -missing }\n"),
            "locales/xx/1.ftl:1: message e uses the term -missing, which is not defined"
        );
        assert_eq!(
            refused("f = { nowhere }\n"),
            "locales/xx/1.ftl:1: message f uses the message nowhere, which is not defined"
        );
        assert_eq!(refused("g = { g }\n"), "locales/xx/1.ftl:1: message g refers to itself");
        assert_eq!(
            refused("h = { \"x\" ->\n   *[other] y\n}\n"),
            "locales/xx/1.ftl:1: message h selects on something other than a variable"
        );
        assert_eq!(
            refused("j = { $n ->\n    [one] a\n    [one] b\n   *[other] c\n}\n"),
            "locales/xx/1.ftl:1: message j has the variant [one] twice"
        );
        assert_eq!(
            refused("i = x\n    .label = y\n"),
            "locales/xx/1.ftl:1: message i has attributes, which the app does not use"
        );
    }
}
