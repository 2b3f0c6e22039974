//! How an operator configures the server: command-line flags, each also readable from a
//! `RECUPERA_*` environment variable.

use std::{net::SocketAddr, path::PathBuf};

use clap::Args;

#[derive(Clone, Debug, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "RECUPERA_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Database URL; an SQLite file is created when missing.
    #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
    pub database_url: String,

    /// The built single-page app (trunk's `dist/`).
    #[arg(long, env = "RECUPERA_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// Development mode: dev mailbox, demo account, generated secrets, no `Secure` cookies.
    /// Never in production.
    #[arg(long, env = "RECUPERA_DEV", default_value_t = false)]
    pub dev: bool,

    /// Key for the verification codes' HMAC (64 hex digits). Required outside dev mode.
    #[arg(long, env = "RECUPERA_CODE_KEY", hide_env_values = true)]
    pub code_key: Option<String>,

    /// Key that signs bot-check challenges (64 hex digits). Required outside dev mode.
    #[arg(long, env = "RECUPERA_BOT_CHECK_KEY", hide_env_values = true)]
    pub bot_check_key: Option<String>,

    /// How many reverse proxies in front of this server append to `X-Forwarded-For`. 0: the
    /// connection's address is the client's. 1: the last address in the header is (one proxy).
    /// Never more than really exist: a client can write anything before them.
    #[arg(long, env = "RECUPERA_TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,

    /// Seconds between two cleanups of expired sessions, old flows and sent mail.
    #[arg(long, env = "RECUPERA_CLEANUP_INTERVAL_S", default_value_t = 600)]
    pub cleanup_interval_s: u64,

    #[command(flatten)]
    pub delivery: Delivery,

    #[command(flatten)]
    pub policy: Policy,
}

/// Where mail and SMS go. Without an SMTP host (or an SMS gateway), dev mode keeps the messages for
/// the dev mailbox; production refuses to start.
#[derive(Clone, Debug, Args)]
pub struct Delivery {
    /// SMTP server host name.
    #[arg(long, env = "RECUPERA_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// SMTP port (587 for STARTTLS, 465 for TLS, 25 without).
    #[arg(long, env = "RECUPERA_SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,

    /// SMTP security: `starttls`, `tls`, or `none` (only for a relay on the same machine).
    #[arg(long, env = "RECUPERA_SMTP_TLS", default_value = "starttls")]
    pub smtp_tls: SmtpTls,

    #[arg(long, env = "RECUPERA_SMTP_USERNAME")]
    pub smtp_username: Option<String>,

    #[arg(long, env = "RECUPERA_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,

    /// The From address of every mail.
    #[arg(long, env = "RECUPERA_MAIL_FROM", default_value = "Recupera <soporte@recupera.test>")]
    pub mail_from: String,

    /// SMS gateway base URL (Twilio's Messages API shape), e.g. https://api.twilio.com
    #[arg(long, env = "RECUPERA_SMS_BASE_URL")]
    pub sms_base_url: Option<String>,

    #[arg(long, env = "RECUPERA_SMS_ACCOUNT_SID")]
    pub sms_account_sid: Option<String>,

    #[arg(long, env = "RECUPERA_SMS_AUTH_TOKEN", hide_env_values = true)]
    pub sms_auth_token: Option<String>,

    /// The sender number (E.164) of every SMS.
    #[arg(long, env = "RECUPERA_SMS_FROM")]
    pub sms_from: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpTls {
    Starttls,
    Tls,
    None,
}

/// The numbers of the security policy. The defaults follow NIST SP 800-63B-4 and OWASP.
#[derive(Clone, Debug, Args)]
pub struct Policy {
    /// Minimum password length (never below 8).
    #[arg(long, env = "RECUPERA_PASSWORD_MIN_LENGTH", default_value_t = 15)]
    pub password_min_length: u32,

    /// Lifetime of a verification code, in seconds.
    #[arg(long, env = "RECUPERA_CODE_LIFETIME_S", default_value_t = 15 * 60)]
    pub code_lifetime_s: i64,

    /// Lifetime of a whole recovery flow, in seconds.
    #[arg(long, env = "RECUPERA_FLOW_LIFETIME_S", default_value_t = 60 * 60)]
    pub flow_lifetime_s: i64,

    /// Time after a verified code in which the new password must be set, in seconds.
    #[arg(long, env = "RECUPERA_PASSWORD_WINDOW_S", default_value_t = 15 * 60)]
    pub password_window_s: i64,

    /// First resend cool-down in seconds; it doubles with every resend.
    #[arg(long, env = "RECUPERA_RESEND_COOLDOWN_S", default_value_t = 60)]
    pub resend_cooldown_s: i64,

    /// Wrong codes a recovery flow accepts before it ends.
    #[arg(long, env = "RECUPERA_ATTEMPTS_PER_FLOW", default_value_t = 5)]
    pub attempts_per_flow: u32,

    /// Wrong codes an account accepts in 24 hours, across flows.
    #[arg(long, env = "RECUPERA_ATTEMPTS_PER_ACCOUNT_DAY", default_value_t = 20)]
    pub attempts_per_account_day: u32,

    /// Wrong codes one IP address may send in an hour.
    #[arg(long, env = "RECUPERA_ATTEMPTS_PER_IP_HOUR", default_value_t = 100)]
    pub attempts_per_ip_hour: u32,

    /// Failed sign-ins one identifier may have in 15 minutes before sign-in waits.
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_PER_IDENTIFIER", default_value_t = 10)]
    pub sign_in_failures_per_identifier: u32,

    /// Failed sign-ins one IP address may have in 15 minutes before sign-in waits.
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_PER_IP", default_value_t = 50)]
    pub sign_in_failures_per_ip: u32,

    /// Sign-in session lifetime, in seconds.
    #[arg(long, env = "RECUPERA_SESSION_LIFETIME_S", default_value_t = 7 * 24 * 3600)]
    pub session_lifetime_s: i64,

    /// Bot check: PBKDF2 iterations per try.
    #[arg(long, env = "RECUPERA_BOT_CHECK_COST", default_value_t = 500)]
    pub bot_check_cost: u32,

    /// Bot check: hex prefix the derived key must have (each digit multiplies the work by 16).
    #[arg(long, env = "RECUPERA_BOT_CHECK_PREFIX", default_value = "00")]
    pub bot_check_prefix: String,

    /// Bot check: seconds a challenge stays valid.
    #[arg(long, env = "RECUPERA_BOT_CHECK_LIFETIME_S", default_value_t = 10 * 60)]
    pub bot_check_lifetime_s: i64,

    /// Password hashes computed at once (argon2id takes 19 MiB each): bounds memory under a flood.
    #[arg(long, env = "RECUPERA_MAX_CONCURRENT_HASHES", default_value_t = 4)]
    pub max_concurrent_hashes: usize,
}

impl Config {
    /// A configuration for tests: a given database and app folder, dev mode on, an unused address,
    /// and a bot check cheap enough to solve in a test.
    pub fn for_tests(database_url: String, dist_dir: PathBuf) -> Self {
        use clap::Parser;
        #[derive(Parser)]
        struct Defaults {
            #[command(flatten)]
            config: Config,
        }
        let mut config = Defaults::parse_from(["recupera-server"]).config;
        config.bind = ([127, 0, 0, 1], 0).into();
        config.database_url = database_url;
        config.dist_dir = dist_dir;
        config.dev = true;
        config.policy.bot_check_cost = 1;
        config.policy.bot_check_prefix = "0".into();
        config
    }
}
