//! The page header in a real browser: its texts in both languages and the language switch.
#![cfg(target_arch = "wasm32")]

mod support;

use recupera::App;
use support::{html_lang, mount, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_header_renders_in_english() {
    let app = mount(App);
    app.by_text(".language-switch button", "English").click();
    settle().await;

    assert_eq!(app.text(".brand"), "Recupera");
    assert_eq!(app.text(".header-sign-in"), "Sign in");
    assert_eq!(app.text(".header-my-account"), "My account");
    assert_eq!(app.text("h1"), "Get back into your account");
    assert_eq!(html_lang(), "en");
}

#[wasm_bindgen_test]
async fn the_header_renders_in_spanish() {
    let app = mount(App);
    app.by_text(".language-switch button", "Español").click();
    settle().await;

    assert_eq!(app.text(".header-sign-in"), "Iniciar sesión");
    assert_eq!(app.text(".header-my-account"), "Mi cuenta");
    assert_eq!(app.text("h1"), "Recupera el acceso a tu cuenta");
    assert_eq!(html_lang(), "es");
    let html = support::document().document_element().unwrap();
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"), "the direction follows the language");
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_texts_and_html_lang_and_is_remembered() {
    let app = mount(App);
    let english = app.by_text(".language-switch button", "English");
    let spanish = app.by_text(".language-switch button", "Español");
    english.click();
    settle().await;
    assert_eq!(app.text(".header-sign-in"), "Sign in");
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(spanish.get_attribute("aria-pressed").as_deref(), Some("false"));

    spanish.click();
    settle().await;
    assert_eq!(app.text(".header-sign-in"), "Iniciar sesión");
    assert_eq!(html_lang(), "es");
    assert_eq!(spanish.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(english.get_attribute("aria-pressed").as_deref(), Some("false"));
    let saved = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("lang").unwrap();
    assert_eq!(saved.as_deref(), Some("es"));

    english.click();
    settle().await;
    assert_eq!(app.text(".header-sign-in"), "Sign in");
    assert_eq!(html_lang(), "en");
}

#[wasm_bindgen_test]
async fn each_language_button_is_named_in_its_own_language() {
    let app = mount(App);
    let spanish = app.by_text(".language-switch button", "Español");
    assert_eq!(spanish.get_attribute("lang").as_deref(), Some("es"));
    let english = app.by_text(".language-switch button", "English");
    assert_eq!(english.get_attribute("lang").as_deref(), Some("en"));
}
