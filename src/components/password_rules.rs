use leptos::{prelude::*, task::spawn_local};
use recupera_api::password::{PasswordCheckRequest, PasswordRule};

use crate::{api, move_tr, server_config::ServerConfig, tr};

/// The password rules, ticking as the person types (checked in the browser with the server's policy,
/// `ServerConfig`), and the server's strength score as a meter with words. The blocklist rule comes from the
/// server, which alone holds the list.
#[component]
pub fn PasswordRules(
    password: RwSignal<String>,
    /// Names the password may not contain, as far as the browser knows them: user name, email, phone,
    /// in this order.
    #[prop(into)]
    identity: Signal<Vec<String>>,
    /// The recovery the password is for: the server adds the account's names once verified.
    #[prop(optional)]
    flow_id: Option<String>,
) -> impl IntoView {
    let config = ServerConfig::current();
    // Computed once per change of the password or the names: both the list and the meter read it.
    let rules = Memo::new(move |_| {
        let identity = identity.get();
        let identity: Vec<&str> = identity.iter().map(String::as_str).collect();
        config.password_policy().rules(&password.get(), &identity)
    });
    // The server's verdict for the text typed, fetched after a pause in typing.
    let server = RwSignal::new(None::<(String, recupera_api::password::PasswordCheckResponse)>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let typed = password.get();
        let identity = identity.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if typed.is_empty() {
            server.set(None);
            return;
        }
        let flow_id = flow_id.clone();
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(300).await;
            // Typed on (or the screen is gone, and with it `generation`): this answer is not wanted.
            if generation.try_get_value() != Some(mine) {
                return;
            }
            let request = PasswordCheckRequest {
                password: typed.clone(),
                flow_id,
                username: identity.first().cloned(),
                email: identity.get(1).cloned(),
                phone: identity.get(2).cloned(),
            };
            if let Ok(answer) = api::check_password(&request).await {
                if generation.try_get_value() == Some(mine) {
                    let _ = server.try_set(Some((typed, answer)));
                }
            }
        });
    });
    let not_common = move || {
        server.get().and_then(|(typed, answer)| {
            (typed == password.get())
                .then(|| answer.rules.iter().find(|r| r.rule == PasswordRule::NotCommon).map(|r| r.met))?
        })
    };
    // A password the policy refuses is never shown as better than weak, however random it looks
    // (`Xk9#mQ2$` is strong by its entropy, and still too short).
    let all_rules_met =
        move || rules.with(|rules| rules.iter().all(|status| status.met)) && not_common() != Some(false);
    let score = move || {
        server.get().filter(|(typed, _)| *typed == password.get()).map(|(_, answer)| {
            if all_rules_met() {
                answer.score
            } else {
                answer.score.min(1)
            }
        })
    };
    view! {
        <ul class="password-rules" id="password-rules">
            {move || rules.get().into_iter().filter(|r| r.rule != PasswordRule::MaxLength || !r.met).map(|status| {
                let text = match status.rule {
                    PasswordRule::MinLength => tr!("password-rule-min-length", { "min" => config.password_policy().min_length }),
                    PasswordRule::MaxLength => tr!("password-rule-max-length"),
                    PasswordRule::NoIdentity => tr!("password-rule-no-identity"),
                    PasswordRule::NotCommon => tr!("password-rule-not-common"),
                };
                view! { <RuleLine met=Some(status.met) text=text /> }
            }).collect_view()}
            {move || view! { <RuleLine met=not_common() text=tr!("password-rule-not-common") /> }}
        </ul>
        <div class="strength">
            <span id="strength-label">{move_tr!("password-strength")}</span>
            <meter min="0" max="4" low="2" high="3" optimum="4" aria-labelledby="strength-label strength-words"
                prop:value=move || f64::from(score().unwrap_or(0))></meter>
            <span id="strength-words" class="strength-words">{move || match score() {
                None => String::new(),
                Some(0) => tr!("password-strength-0"),
                Some(1) => tr!("password-strength-1"),
                Some(2) => tr!("password-strength-2"),
                Some(3) => tr!("password-strength-3"),
                Some(_) => tr!("password-strength-4"),
            }}</span>
        </div>
    }
}

/// One rule: met (✓), not met (✗) or not known yet (…), in words for screen readers too.
#[component]
fn RuleLine(met: Option<bool>, text: String) -> impl IntoView {
    let (class, mark) = match met {
        Some(true) => ("rule rule-met", "✓"),
        Some(false) => ("rule rule-unmet", "✗"),
        None => ("rule rule-pending", "…"),
    };
    // Screen readers hear the rule and its state as one sentence of the translator's, in its order
    // and with its punctuation; the mark and the rule as shown are for the eyes.
    let said = {
        let rule = text.clone();
        move || match met {
            Some(true) => tr!("password-rule-met", { "rule" => rule.clone() }),
            Some(false) => tr!("password-rule-unmet", { "rule" => rule.clone() }),
            None => tr!("password-rule-pending", { "rule" => rule.clone() }),
        }
    };
    view! {
        <li class=class>
            <span aria-hidden="true" class="rule-mark">{mark}</span>
            <span aria-hidden="true">{text}</span>
            <span class="visually-hidden">{said}</span>
        </li>
    }
}
