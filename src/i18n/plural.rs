//! Which CLDR plural category a number falls in for a language, so `[one]`, `[few]`, `[many]` choose
//! right in any language a folder of `locales/` brings, without a rule written here.
//!
//! In the browser the browser knows (`Intl.PluralRules`: no plural data in the bundle); on the host,
//! where the app's unit tests run, `recupera_l10n::plural` reads CLDR's rules, the same ones the build
//! checks every message's choices against.

/// The plural category (`one`, `few`, `many`, `other` …) of `number` in language `tag`.
#[cfg(target_arch = "wasm32")]
pub fn category(tag: &'static str, number: i64) -> String {
    use std::cell::RefCell;

    use js_sys::{Array, Intl::PluralRules, Object};

    thread_local! {
        /// One `Intl.PluralRules` per language, made the first time it is needed.
        static RULES: RefCell<Vec<(&'static str, PluralRules)>> = const { RefCell::new(Vec::new()) };
    }
    RULES.with_borrow_mut(|rules| {
        let index = match rules.iter().position(|(of, _)| *of == tag) {
            Some(index) => index,
            None => {
                let locales = Array::of1(&tag.into());
                rules.push((tag, PluralRules::new(&locales, &Object::new())));
                rules.len() - 1
            }
        };
        // Counts the app shows are small; a number beyond 2^53 would only lose digits, not its sign.
        rules[index].1.select(number as f64).into()
    })
}

/// The plural category (`one`, `few`, `many`, `other` …) of `number` in language `tag`.
#[cfg(not(target_arch = "wasm32"))]
pub fn category(tag: &'static str, number: i64) -> String {
    recupera_l10n::plural::category(tag, number).to_owned()
}
