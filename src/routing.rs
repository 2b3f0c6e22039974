//! The app's pages and their addresses. A small router on the History API: the address bar is the
//! truth, so reload, back and forward land on the right page (and the recovery's step, which the
//! server knows from the flow id).

use leptos::{ev, prelude::*};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// *Mi cuenta*: the account when signed in, else *Identifícate / Regístrate*.
    MyAccount,
    /// The full-screen sign-in (phones, and anyone who follows the link).
    SignIn,
    /// `/registro` is the form; `/registro/<id>` the sign-up waiting for its code.
    SignUp(Option<String>),
    /// `/recuperar` starts a recovery; `/recuperar/<flow>` continues one.
    Recovery(Option<String>),
    /// `/dev/buzon`: dev mode's mailbox.
    DevMailbox,
    NotFound,
}

impl Route {
    pub fn from_path(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["mi-cuenta"] => Route::MyAccount,
            ["identificate"] => Route::SignIn,
            ["registro"] => Route::SignUp(None),
            ["registro", id] => Route::SignUp(Some((*id).to_owned())),
            ["recuperar"] => Route::Recovery(None),
            ["recuperar", flow] => Route::Recovery(Some((*flow).to_owned())),
            ["dev", "buzon"] => Route::DevMailbox,
            _ => Route::NotFound,
        }
    }

    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::MyAccount => "/mi-cuenta".into(),
            Route::SignIn => "/identificate".into(),
            Route::SignUp(None) => "/registro".into(),
            Route::SignUp(Some(id)) => format!("/registro/{id}"),
            Route::Recovery(None) => "/recuperar".into(),
            Route::Recovery(Some(flow)) => format!("/recuperar/{flow}"),
            Route::DevMailbox => "/dev/buzon".into(),
            Route::NotFound => "/".into(),
        }
    }
}

/// The current page, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    /// Reads the address bar and follows back/forward.
    pub fn provide() -> Router {
        let router = Router { route: RwSignal::new(Route::from_path(&current_path())) };
        let handle =
            window_event_listener(ev::popstate, move |_| router.route.set(Route::from_path(&current_path())));
        on_cleanup(move || handle.remove());
        provide_context(router);
        router
    }

    /// Goes to `route`, adding a history entry (or replacing the current one).
    pub fn go(&self, route: Route, replace: bool) {
        if let Ok(history) = window().history() {
            let path = route.path();
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
            };
        }
        self.route.set(route);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

fn current_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "/".into())
}

/// A link to a page of the app: a real `<a href>` (open in a new tab works), handled in place on a
/// plain click.
#[component]
pub fn Link(
    /// Where it goes.
    to: Route,
    /// Extra classes.
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = to.path();
    let on_click = move |event: ev::MouseEvent| {
        let modified = event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
            || event.button() != 0;
        if !modified {
            event.prevent_default();
            router.go(to.clone(), false);
        }
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_routes_round_trip() {
        for route in [
            Route::Home,
            Route::MyAccount,
            Route::SignIn,
            Route::SignUp(None),
            Route::SignUp(Some("abc_DEF-123".into())),
            Route::Recovery(None),
            Route::Recovery(Some("abc_DEF-123".into())),
            Route::DevMailbox,
        ] {
            assert_eq!(Route::from_path(&route.path()), route);
        }
        assert_eq!(Route::from_path("/recuperar/abc/"), Route::Recovery(Some("abc".into())));
        assert_eq!(Route::from_path("/nope"), Route::NotFound);
    }
}
