//! What the server says of itself (`GET /api/v1/config`), asked once when the app starts: its
//! password policy, so the rules on screen are the ones it enforces, and whether dev mode is on. Until
//! it answers (and in a component test, where no app provides it) the app assumes the recommended
//! policy and no dev mode.

use leptos::{prelude::*, task::spawn_local};
use recupera_api::{config::PublicConfig, password::PasswordPolicy};

use crate::api;

#[derive(Clone, Copy)]
pub struct ServerConfig(Option<RwSignal<PublicConfig>>);

impl ServerConfig {
    /// Provides the config to the app and asks the server for it.
    pub fn provide() {
        let config = RwSignal::new(PublicConfig::assumed());
        provide_context(ServerConfig(Some(config)));
        spawn_local(async move {
            // Unanswered, the assumed config stays: the server's answers still decide, and say why.
            if let Ok(answer) = api::config().await {
                let _ = config.try_set(answer);
            }
        });
    }

    /// Provides `config` as the server's, without asking it (for component tests).
    pub fn provide_as(config: PublicConfig) {
        provide_context(ServerConfig(Some(RwSignal::new(config))));
    }

    /// The app's config; take it while the component is created (an event handler has no context).
    pub fn current() -> ServerConfig {
        use_context::<ServerConfig>().unwrap_or(ServerConfig(None))
    }

    /// The policy new passwords are checked against. Reactive: read in a closure, it follows the answer.
    pub fn password_policy(self) -> PasswordPolicy {
        self.0.map(|config| config.with(|c| c.password_policy)).unwrap_or_else(PasswordPolicy::recommended)
    }

    pub fn dev_mode(self) -> bool {
        self.0.is_some_and(|config| config.with(|c| c.dev_mode))
    }
}
