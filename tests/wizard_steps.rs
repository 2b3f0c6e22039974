//! The wizard's later steps and the account screens in a real browser, each mounted on its own with
//! the flow the server would have answered: what a person sees in both languages, and what the
//! screen does with their input before anything is sent.
#![cfg(target_arch = "wasm32")]

mod support;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use recupera::{
    i18n::I18nProvider,
    pages::{
        recovery::{
            remember_identifier, ChooseMethodStep, DoneStep, EnterCodeStep, FlowContext, NewPasswordStep,
        },
        MyAccountPage, SignInPage, SignUpDraft, SignUpPage,
    },
    routing::Router,
    session::Session,
};
use recupera_api::{
    account::AccountView,
    recovery::{Channel, RecoveryFlow, RecoveryStep},
};
use support::{mount, settle, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A flow as the server describes it at `step`.
fn flow(step: RecoveryStep, resend_after_s: u32) -> RecoveryFlow {
    RecoveryFlow {
        flow_id: "flow-under-test".into(),
        step,
        methods: vec![Channel::Email, Channel::Sms],
        channel: (step != RecoveryStep::ChooseMethod).then_some(Channel::Email),
        resend_after_s,
        attempts_left: 5,
        expires_in_s: 3600,
    }
}

/// Mounts `screen` in `lang` with what the app around it provides: language, router, session and
/// (for a wizard step) the flow.
fn mount_screen<V: IntoView + 'static>(lang: &str, flow: Option<RecoveryFlow>, screen: fn() -> V) -> Mounted {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("/?lang={lang}")))
        .unwrap();
    mount(move || {
        view! {
            <I18nProvider>
                {
                    Router::provide();
                    Session::provide();
                    SignUpDraft::provide();
                    provide_context(FlowContext {
                        flow: RwSignal::new(flow.clone()),
                        choosing_method: RwSignal::new(false),
                    });
                    screen()
                }
            </I18nProvider>
        }
    })
}

fn input(app: &Mounted, selector: &str) -> web_sys::HtmlInputElement {
    app.all(selector)[0].clone().unchecked_into()
}

fn type_into(app: &Mounted, selector: &str, value: &str) {
    let field = input(app, selector);
    field.set_value(value);
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// Waits (up to `limit_ms`) until `condition` holds, looking every 50 ms; says whether it did.
async fn until(limit_ms: u32, condition: impl Fn() -> bool) -> bool {
    for _ in 0..limit_ms / 50 {
        if condition() {
            return true;
        }
        TimeoutFuture::new(50).await;
    }
    condition()
}

fn title() -> String {
    web_sys::window().unwrap().document().unwrap().title()
}

#[wasm_bindgen_test]
async fn the_method_step_offers_email_and_sms_in_both_languages() {
    let app = mount_screen("es", Some(flow(RecoveryStep::ChooseMethod, 0)), ChooseMethodStep);
    settle().await;
    assert_eq!(app.text("h1"), "Elige cómo verificar");
    assert_eq!(app.text(".step-caption"), "Paso 2 de 4");
    assert_eq!(title(), "Paso 2 de 4: Elige cómo verificar — Recupera");
    let names: Vec<String> = app.all(".method-name").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(names, ["Verificación de Email", "Verificación por SMS"]);
    drop(app);

    let app = mount_screen("en", Some(flow(RecoveryStep::ChooseMethod, 0)), ChooseMethodStep);
    settle().await;
    assert_eq!(app.text("h1"), "Choose how to verify");
    let names: Vec<String> = app.all(".method-name").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(names, ["Email verification", "SMS verification"]);
}

#[wasm_bindgen_test]
async fn the_code_field_is_a_one_time_code_field_and_takes_the_pasted_forms() {
    let app = mount_screen("es", Some(flow(RecoveryStep::EnterCode, 60)), EnterCodeStep);
    settle().await;
    assert_eq!(app.text("h1"), "Escribe el código");
    assert_eq!(app.text("label[for=recovery-code]"), "Código de verificación");
    let code = input(&app, "#recovery-code");
    assert_eq!(code.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(code.get_attribute("autocomplete").as_deref(), Some("one-time-code"));

    drop(app);
    // Eight digits as they arrive — with a space or a dash, in any script's digits — pass the screen's own check and go to the
    // server. None answers here, so the answer each gets is the network message, and never the field's.
    for pasted in ["1234 5678", "1234-5678", " 12345678 ", "١٢٣٤ ٥٦٧٨"] {
        let app = mount_screen("es", Some(flow(RecoveryStep::EnterCode, 60)), EnterCodeStep);
        settle().await;
        type_into(&app, "#recovery-code", pasted);
        app.by_text("button[type=submit]", "Verificar").click();
        let mut waited = 0;
        while app.all(".error-summary").is_empty() && waited < 5000 {
            TimeoutFuture::new(50).await;
            waited += 50;
        }
        settle().await;
        assert_eq!(
            app.text(".error-summary p"),
            "No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.",
            "{pasted:?} was sent"
        );
        assert!(app.all("#recovery-code-error").is_empty(), "{pasted:?} was refused by the field");
        assert_eq!(input(&app, "#recovery-code").value(), pasted, "what was pasted is kept");
    }
    let app = mount_screen("es", Some(flow(RecoveryStep::EnterCode, 60)), EnterCodeStep);
    settle().await;
    // Anything else is refused on the spot, by the field.
    type_into(&app, "#recovery-code", "1234 567");
    app.by_text("button[type=submit]", "Verificar").click();
    settle().await;
    assert_eq!(app.text("#recovery-code-error"), "El código tiene 8 cifras.");
}

#[wasm_bindgen_test]
async fn the_resend_countdown_runs_and_then_resend_works() {
    let app = mount_screen("es", Some(flow(RecoveryStep::EnterCode, 2)), EnterCodeStep);
    settle().await;
    let resend = app.by_text("button", "Reenviar código");
    assert_eq!(resend.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(app.text("#resend-wait"), "Podrás pedir otro código dentro de 0:02.");
    let shown = until(3_000, || app.text("#resend-wait") == "Podrás pedir otro código dentro de 0:01.").await;
    assert!(shown, "the countdown reached 0:01");
    let done = until(3_000, || resend.get_attribute("aria-disabled").as_deref() == Some("false")).await;
    assert!(done, "resend works once the countdown is over");
    assert_eq!(app.text("#resend-wait"), "");
}

#[wasm_bindgen_test]
async fn the_new_password_step_offers_the_identifier_to_password_managers_and_checks_the_repeat() {
    remember_identifier("flow-under-test", "ana@example.com");
    let app = mount_screen("es", Some(flow(RecoveryStep::NewPassword, 0)), NewPasswordStep);
    settle().await;
    assert_eq!(app.text("h1"), "Crea una contraseña nueva");
    assert_eq!(title(), "Paso 4 de 4: Crea una contraseña nueva — Recupera");
    let username = input(&app, "input[autocomplete=username]");
    assert_eq!(username.value(), "ana@example.com");
    let password = input(&app, "#new-password");
    assert_eq!(password.get_attribute("autocomplete").as_deref(), Some("new-password"));
    assert_eq!(password.type_(), "password");

    // Show / hide.
    app.all(".field")[0]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(input(&app, "#new-password").type_(), "text");

    type_into(&app, "#new-password", "Él vio siete cebras ñoñas en Cádiz");
    type_into(&app, "#new-password-confirmation", "El vio siete cebras ñoñas en Cádiz");
    app.by_text("button[type=submit]", "Cambiar la contraseña").click();
    settle().await;
    assert_eq!(app.text("#new-password-confirmation-error"), "Las dos contraseñas no coinciden.");

    type_into(&app, "#new-password", "corta");
    app.by_text("button[type=submit]", "Cambiar la contraseña").click();
    settle().await;
    assert_eq!(app.text("#new-password-error"), "La contraseña debe tener al menos 15 caracteres.");
}

#[wasm_bindgen_test]
async fn the_done_step_says_so_and_offers_to_sign_in_in_both_languages() {
    let app = mount_screen("es", Some(flow(RecoveryStep::Done, 0)), DoneStep);
    settle().await;
    assert_eq!(app.text("h1"), "Se ha cambiado tu contraseña");
    assert_eq!(title(), "Se ha cambiado tu contraseña — Recupera");
    app.by_text("button", "Iniciar sesión");
    drop(app);
    let app = mount_screen("en", Some(flow(RecoveryStep::Done, 0)), DoneStep);
    settle().await;
    assert_eq!(app.text("h1"), "Your password was changed");
    app.by_text("button", "Sign in");
}

#[wasm_bindgen_test]
async fn the_sign_in_page_has_its_labels_the_blue_forgot_link_and_asks_for_the_identifier() {
    let app = mount_screen("es", None, SignInPage);
    settle().await;
    assert_eq!(app.text("h1"), "Iniciar sesión");
    assert_eq!(app.text("label[for=sign-in-identifier]"), "Email o ID de usuario");
    assert_eq!(app.text("label[for=sign-in-password]"), "Contraseña");
    assert_eq!(input(&app, "#sign-in-identifier").get_attribute("autocomplete").as_deref(), Some("username"));
    assert_eq!(
        input(&app, "#sign-in-password").get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    app.by_text("a", "¿Has olvidado tu contraseña?");
    // The sign-up link sits where the sentence's translation puts it.
    assert_eq!(app.text(".sign-up-link"), "¿Aún no tienes cuenta? Regístrate");
    app.by_text(".sign-up-link a", "Regístrate");
    app.by_text("button[type=submit]", "Iniciar sesión").click();
    settle().await;
    assert_eq!(
        app.text("#sign-in-identifier-error"),
        "Escribe un email, un ID de usuario o un número de móvil en formato internacional (+34 …)."
    );
}

#[wasm_bindgen_test]
async fn my_account_names_the_signed_in_account_in_bold_inside_the_translated_sentence() {
    fn signed_in_as_ana() -> impl IntoView {
        use_context::<Session>().unwrap().account.set(Some(AccountView {
            username: "ana".into(),
            email: "ana@correo.test".into(),
            phone: None,
            language: "es".into(),
            pending_email: None,
            pending_phone: None,
        }));
        view! { <MyAccountPage/> }
    }
    for (lang, sentence) in [("es", "Has iniciado sesión como ana"), ("en", "You are signed in as ana")] {
        let app = mount_screen(lang, None, signed_in_as_ana);
        settle().await;
        assert_eq!(app.text(".lead"), sentence, "{lang}");
        assert_eq!(app.text(".lead strong"), "ana", "{lang}");
    }
}

/// Lucía just signed up with a phone, which no code has proven yet.
fn signed_in_with_an_unproven_phone() -> impl IntoView {
    use_context::<Session>().unwrap().account.set(Some(AccountView {
        username: "lucia".into(),
        email: "lucia@ejemplo.com".into(),
        phone: None,
        language: "es".into(),
        pending_email: None,
        pending_phone: Some(recupera_api::account::PendingAddress {
            kind: recupera_api::account::AddressKind::Phone,
            address: "+34611000001".into(),
            code_sent: false,
            resend_after_s: 0,
            attempts_left: 5,
        }),
    }));
    view! { <MyAccountPage/> }
}

#[wasm_bindgen_test]
async fn my_account_says_a_phone_is_unproven_and_offers_the_new_email_form_in_both_languages() {
    for (lang, unproven, send, change_email, new_email) in [
        (
            "es",
            "+34611000001 aún no está confirmado",
            "Enviar código por SMS",
            "Cambiar el email",
            "Nuevo email",
        ),
        ("en", "+34611000001 is not confirmed yet", "Send code by SMS", "Change the email", "New email"),
    ] {
        let app = mount_screen(lang, None, signed_in_with_an_unproven_phone);
        settle().await;
        assert!(app.text("#account-phone-heading + .address-current").contains('—'), "{lang}");
        assert!(app.text(".address-unconfirmed").starts_with(unproven), "{lang}");
        app.by_text("button", send);
        // A new email: the form, with what browsers need to fill it; a malformed one is refused here.
        app.by_text("button", change_email).click();
        settle().await;
        assert_eq!(app.text("label[for=new-email]"), new_email, "{lang}");
        let field = input(&app, "#new-email");
        assert_eq!(
            (field.type_(), field.get_attribute("autocomplete").as_deref()),
            ("email".into(), Some("email"))
        );
        assert!(app.all("#email-code").is_empty(), "{lang}: no code field before a code went out");
    }
}

#[wasm_bindgen_test]
async fn my_account_asks_for_the_current_password_before_a_new_one_in_both_languages() {
    for (lang, open, current, new) in [
        ("es", "Cambiar la contraseña", "Contraseña actual", "Nueva contraseña"),
        ("en", "Change the password", "Current password", "New password"),
    ] {
        let app = mount_screen(lang, None, signed_in_with_an_unproven_phone);
        settle().await;
        app.by_text("button", open).click();
        settle().await;
        assert_eq!(app.text("label[for=current-password]"), current, "{lang}");
        assert_eq!(app.text("label[for=account-new-password]"), new, "{lang}");
        let autocomplete = |id: &str| input(&app, id).get_attribute("autocomplete");
        assert_eq!(autocomplete("#current-password").as_deref(), Some("current-password"));
        assert_eq!(autocomplete("#account-new-password").as_deref(), Some("new-password"));
        assert_eq!(input(&app, "#current-password").type_(), "password");
    }
}

fn sign_up_form() -> impl IntoView {
    view! { <SignUpPage flow_id=None/> }
}

/// The code screen of a sign-up the form just started (as the form leaves it for the page).
fn sign_up_waiting_for_its_code() -> impl IntoView {
    let flow = recupera_api::sign_up::SignUpFlow {
        flow_id: "sign-up-under-test".into(),
        step: recupera_api::sign_up::SignUpStep::EnterCode,
        email: "lucia@ejemplo.com".into(),
        resend_after_s: 60,
        attempts_left: 5,
        expires_in_s: 86_400,
    };
    expect_context::<SignUpDraft>().started.set(Some(flow));
    view! { <SignUpPage flow_id=Some("sign-up-under-test".into())/> }
}

#[wasm_bindgen_test]
async fn sign_up_checks_each_field_before_sending_in_both_languages() {
    let app = mount_screen("es", None, sign_up_form);
    settle().await;
    assert_eq!(app.text("h1"), "Crea tu cuenta");
    assert_eq!(app.text("label[for=sign-up-phone]"), "Teléfono móvil (opcional)");
    assert_eq!(
        input(&app, "#sign-up-password").get_attribute("autocomplete").as_deref(),
        Some("new-password")
    );
    type_into(&app, "#sign-up-username", "a");
    app.by_text("button[type=submit]", "Crear cuenta").click();
    settle().await;
    assert_eq!(
        app.text("#sign-up-username-error"),
        "Un ID de usuario tiene de 3 a 32 letras, cifras, puntos, guiones o guiones bajos, y no solo cifras."
    );
    type_into(&app, "#sign-up-username", "ana");
    type_into(&app, "#sign-up-email", "ana-en-ejemplo.com");
    app.by_text("button[type=submit]", "Crear cuenta").click();
    settle().await;
    assert_eq!(app.text("#sign-up-email-error"), "Escribe una dirección de email como nombre@ejemplo.com.");
    type_into(&app, "#sign-up-email", "ana@ejemplo.com");
    type_into(&app, "#sign-up-phone", "600 000");
    app.by_text("button[type=submit]", "Crear cuenta").click();
    settle().await;
    assert_eq!(
        app.text("#sign-up-phone-error"),
        "Escribe el teléfono en formato internacional, como +34 600 000 001."
    );
    drop(app);

    let app = mount_screen("en", None, sign_up_form);
    settle().await;
    assert_eq!(app.text("h1"), "Create your account");
    assert_eq!(app.text("label[for=sign-up-phone]"), "Mobile phone (optional)");
}

#[wasm_bindgen_test]
async fn sign_up_asks_for_the_code_mailed_to_the_address_typed_in_both_languages() {
    let app = mount_screen("es", None, sign_up_waiting_for_its_code);
    settle().await;
    assert_eq!(app.text("h1"), "Confirma tu email");
    assert!(app.text("[role=status]").contains("lucia@ejemplo.com"), "{}", app.text("[role=status]"));
    assert_eq!(app.text("label[for=sign-up-code]"), "Código de verificación");
    assert_eq!(input(&app, "#sign-up-code").get_attribute("autocomplete").as_deref(), Some("one-time-code"));
    assert!(app.text(".resend-wait").contains("1:00"), "{}", app.text(".resend-wait"));
    assert_eq!(app.text(".back-link"), "Corregir mis datos");
    // A code that cannot be one is refused here, before anything is sent.
    type_into(&app, "#sign-up-code", "1234");
    app.by_text("button[type=submit]", "Confirmar").click();
    settle().await;
    assert!(!app.text("#sign-up-code-error").is_empty());
    drop(app);

    let app = mount_screen("en", None, sign_up_waiting_for_its_code);
    settle().await;
    assert_eq!(app.text("h1"), "Confirm your email");
    assert_eq!(app.text("label[for=sign-up-code]"), "Verification code");
}
