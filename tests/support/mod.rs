//! Helpers for in-browser tests: mount a piece of the app in a fresh container, find elements the way
//! a person does (by their visible text), click, and let Leptos update the DOM.

#![allow(dead_code)]

use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A mounted view; unmounted (and its container removed) when dropped.
pub struct Mounted {
    pub container: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts `view` in a new `<div>` at the end of `<body>`.
pub fn mount<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = mount_to(container.clone(), view);
    Mounted { container, _handle: Box::new(handle) }
}

impl Mounted {
    /// Every element matching `selector` inside the mounted view.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    /// The one element matching `selector` whose visible text is `text`; panics, listing what there is, if none.
    pub fn by_text(&self, selector: &str, text: &str) -> HtmlElement {
        let candidates = self.all(selector);
        candidates
            .iter()
            .find(|el| el.text_content().unwrap_or_default().trim() == text)
            .map(|el| el.clone().unchecked_into())
            .unwrap_or_else(|| {
                let texts: Vec<String> =
                    candidates.iter().map(|el| el.text_content().unwrap_or_default()).collect();
                panic!("no {selector} with text {text:?}; found {texts:?}")
            })
    }

    /// The visible text of the one element matching `selector`.
    pub fn text(&self, selector: &str) -> String {
        self.container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

/// `<html lang>`, which the language context keeps in step with the active language.
pub fn html_lang() -> String {
    document().document_element().unwrap().get_attribute("lang").unwrap_or_default()
}

/// Lets Leptos run its effects and update the DOM.
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}
