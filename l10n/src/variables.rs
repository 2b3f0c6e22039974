//! The variables a message uses (`{ $name }`, also as a selector and inside variants).

use std::collections::BTreeSet;

use fluent_syntax::ast;

/// Every variable `pattern` refers to, each once.
pub fn variables(pattern: &ast::Pattern<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    in_pattern(pattern, &mut found);
    found
}

fn in_pattern(pattern: &ast::Pattern<String>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            in_expression(expression, found);
        }
    }
}

fn in_expression(expression: &ast::Expression<String>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => in_inline(inline, found),
        ast::Expression::Select { selector, variants } => {
            in_inline(selector, found);
            for variant in variants {
                in_pattern(&variant.value, found);
            }
        }
    }
}

fn in_inline(inline: &ast::InlineExpression<String>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.clone());
        }
        ast::InlineExpression::Placeable { expression } => in_expression(expression, found),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_found_in_text_selectors_variants_and_nested_placeables() {
        let text = "m = { $a } and { { $b } } { $count ->\n    [one] one { $c }\n   *[other] { $count } { -term }\n}\n";
        let resource = fluent_syntax::parser::parse(text.to_owned()).unwrap();
        let ast::Entry::Message(message) = &resource.body[0] else { panic!("a message") };
        let found: Vec<String> = variables(message.value.as_ref().unwrap()).into_iter().collect();
        assert_eq!(found, ["a", "b", "c", "count"]);
    }
}
