//! The wizard's screens in a real browser, without a server: what a person sees before anything is
//! sent, and the pieces that work on their own (field errors, the code field, password rules).
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use recupera::{
    api::ApiError,
    components::{ErrorSummary, PasswordRules},
    i18n::I18nProvider,
    server_config::ServerConfig,
    App,
};
use recupera_api::{config::PublicConfig, password::PasswordPolicy, ErrorBody, ErrorCode};
use support::{mount, settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn go_to(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).unwrap();
}

fn set_input(app: &support::Mounted, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = app.all(selector)[0].clone().unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn identify_step_renders_in_both_languages_with_the_seed_words() {
    go_to("/recuperar");
    let app = mount(App);
    app.by_text(".language-switch button", "Español").click();
    settle().await;
    assert_eq!(app.text("h1"), "¿Has olvidado la contraseña?");
    assert_eq!(app.text(".step-caption"), "Paso 1 de 4");
    assert_eq!(app.text("label[for=recovery-identifier]"), "Email o ID de usuario");
    assert_eq!(app.text(".bot-check-box span"), "No soy un robot");
    assert_eq!(app.text("button[type=submit]"), "Enviar");
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "Paso 1 de 4: ¿Has olvidado la contraseña? — Recupera"
    );

    app.by_text(".language-switch button", "English").click();
    settle().await;
    assert_eq!(app.text("h1"), "Forgot your password?");
    assert_eq!(app.text(".step-caption"), "Step 1 of 4");
    assert_eq!(app.text("label[for=recovery-identifier]"), "Email or user ID");
    go_to("/");
}

#[wasm_bindgen_test]
async fn an_invalid_identifier_shows_its_message_by_the_field_and_keeps_what_was_typed() {
    go_to("/recuperar");
    let app = mount(App);
    app.by_text(".language-switch button", "Español").click();
    settle().await;
    set_input(&app, "#recovery-identifier", "no es válido");
    app.by_text("button[type=submit]", "Enviar").click();
    settle().await;
    let message = "Escribe un email, un ID de usuario o un número de móvil en formato internacional (+34 …).";
    assert_eq!(app.text("#recovery-identifier-error"), message);
    assert_eq!(app.text(".error-summary a"), message);
    let input: web_sys::HtmlInputElement = app.all("#recovery-identifier")[0].clone().unchecked_into();
    assert_eq!(input.value(), "no es válido");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let focused = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert!(focused.class_list().contains("error-summary"), "the summary takes focus");

    // A valid identifier without the bot check asks for the check.
    set_input(&app, "#recovery-identifier", "demo@recupera.test");
    app.by_text("button[type=submit]", "Enviar").click();
    settle().await;
    assert_eq!(app.text("#bot-check-error"), "Marca «No soy un robot» y espera a que se compruebe.");
    go_to("/");
}

#[wasm_bindgen_test]
async fn the_password_rules_tick_as_the_person_types() {
    let password = RwSignal::new(String::new());
    let app = mount(move || {
        view! {
            <I18nProvider>
                <PasswordRules password=password identity=Signal::derive(|| vec!["ana".to_owned()]) />
            </I18nProvider>
        }
    });
    let unmet = || app.all(".rule-unmet").len();
    let met = || app.all(".rule-met").len();
    password.set("corta".into());
    settle().await;
    assert_eq!((met(), unmet()), (1, 1), "long enough: no; no identity: yes");
    password.set("una frase larga de ana 2026".into());
    settle().await;
    assert_eq!((met(), unmet()), (1, 1), "long enough: yes; no identity: no");
    password.set("una frase larga y tuya 2026".into());
    settle().await;
    assert_eq!((met(), unmet()), (2, 0));
}

#[wasm_bindgen_test]
async fn the_password_rules_are_the_servers_policy() {
    go_to("/?lang=es");
    let password = RwSignal::new("veinte letras no son".to_owned());
    let app = mount(move || {
        view! {
            <I18nProvider>
                {
                    ServerConfig::provide_as(PublicConfig {
                        password_policy: PasswordPolicy::with_min_length(21),
                        ..PublicConfig::assumed()
                    });
                    view! { <PasswordRules password=password identity=Signal::derive(Vec::new) /> }
                }
            </I18nProvider>
        }
    });
    settle().await;
    // 20 characters: enough for the recommended 15, not for this server's 21.
    let unmet = app.text(".rule-unmet");
    assert!(unmet.contains("Al menos 21 caracteres"), "{unmet}");
    password.set("veintiuna letras o más".into());
    settle().await;
    assert!(app.all(".rule-unmet").is_empty(), "{}", app.text(".password-rules"));
}

#[wasm_bindgen_test]
async fn waits_are_said_in_minutes_once_they_are_a_minute_or_more() {
    go_to("/?lang=es");
    let error = RwSignal::new(None::<ApiError>);
    let app = mount(move || view! { <I18nProvider><ErrorSummary error=error /></I18nProvider> });
    let wait = |code: ErrorCode, seconds: u32| {
        error.set(Some(ApiError::Refused(ErrorBody {
            retry_after_s: Some(seconds),
            ..ErrorBody::from(code)
        })));
    };
    for (code, seconds, said) in [
        (ErrorCode::TooManyRequests, 900, "Demasiados intentos. Espera 15 minutos y vuelve a intentarlo."),
        (ErrorCode::TooManyRequests, 30, "Demasiados intentos. Espera 30 segundos y vuelve a intentarlo."),
        (ErrorCode::ResendTooSoon, 61, "Espera 2 minutos antes de pedir otro código."),
        (ErrorCode::ResendTooSoon, 60, "Espera 1 minuto antes de pedir otro código."),
        (ErrorCode::ResendTooSoon, 1, "Espera 1 segundo antes de pedir otro código."),
    ] {
        wait(code, seconds);
        settle().await;
        assert_eq!(app.text(".error-summary p"), said);
    }
}

/// Every text node under `node` that has a letter, with the attribute texts a person hears or sees.
fn texts(node: &web_sys::Node, out: &mut Vec<String>) {
    if let Some(element) = node.dyn_ref::<web_sys::Element>() {
        // Language names are written in their own language on purpose, in every locale.
        if element.class_list().contains("language-switch") {
            return;
        }
        for attribute in ["aria-label", "placeholder", "title", "alt"] {
            if let Some(text) = element.get_attribute(attribute) {
                out.push(text);
            }
        }
    }
    if node.node_type() == web_sys::Node::TEXT_NODE {
        let text = node.text_content().unwrap_or_default();
        if text.chars().any(char::is_alphabetic) {
            out.push(text);
        }
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        texts(&children.item(i).unwrap(), out);
    }
}

#[wasm_bindgen_test]
async fn in_the_pseudo_locale_every_text_of_every_screen_is_pseudo_localized() {
    for path in ["/", "/recuperar", "/identificate", "/registro", "/ruta-que-no-existe"] {
        go_to(&format!("{path}?lang=en-XA"));
        let app = mount(App);
        settle().await;
        assert_eq!(support::html_lang(), "en-XA", "{path}");
        let mut found = Vec::new();
        texts(&app.container.clone().into(), &mut found);
        assert!(found.len() > 5, "{path}: {found:?}");
        // A text straight from `locales/` is accented and bracketed: a plain ASCII letter betrays one
        // that is not.
        let plain: Vec<&String> = found
            .iter()
            .filter(|text| !text.contains('[') || text.chars().any(|c| c.is_ascii_alphabetic()))
            .collect();
        assert!(plain.is_empty(), "{path}: not localized: {plain:?}");
        let title = web_sys::window().unwrap().document().unwrap().title();
        assert!(!title.chars().any(|c| c.is_ascii_alphabetic()), "{path}: title not localized: {title}");
        drop(app);
    }
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("lang").unwrap();
    go_to("/");
}

#[wasm_bindgen_test]
async fn in_the_right_to_left_pseudo_locale_the_page_runs_right_to_left_and_every_word_is_mirrored() {
    for path in ["/", "/recuperar", "/identificate", "/registro"] {
        go_to(&format!("{path}?lang=en-XB"));
        let app = mount(App);
        settle().await;
        assert_eq!(support::html_lang(), "en-XB", "{path}");
        let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
        assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"), "{path}");
        let mut found = Vec::new();
        texts(&app.container.clone().into(), &mut found);
        assert!(found.len() > 5, "{path}: {found:?}");
        // Every word straight from `locales/` sits inside a right-to-left override (U+202E … U+202C).
        let unmirrored: Vec<&String> = found
            .iter()
            .filter(|text| {
                text.split_whitespace()
                    .any(|word| word.chars().any(char::is_alphabetic) && !word.contains('\u{202E}'))
            })
            .collect();
        assert!(unmirrored.is_empty(), "{path}: not from locales/: {unmirrored:?}");
        drop(app);
    }
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("lang").unwrap();
    go_to("/");
}
