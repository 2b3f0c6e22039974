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

    /// On PostgreSQL, the connections this replica opens at most (readers and writers share them);
    /// SQLite always opens one writer and eight readers.
    #[arg(long, env = "RECUPERA_DATABASE_MAX_CONNECTIONS", default_value_t = crate::storage::postgres::DEFAULT_CONNECTIONS)]
    pub database_max_connections: u32,

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

    /// The reverse proxies in front of this server, as addresses or CIDR ranges separated by commas
    /// (`10.0.0.0/8,2001:db8::/32`). `X-Forwarded-For` is read only from a connection that comes from
    /// one of them; the client is then the last address in it that is not one of them. Empty: the
    /// connection's address is the client's, and the header is ignored (with one warning in the log).
    #[arg(long, env = "RECUPERA_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<crate::ip_range::IpRange>,

    /// Seconds an API request may take before it is answered 503 (a stuck database, say): nothing
    /// holds a connection and its memory for ever.
    #[arg(long, env = "RECUPERA_REQUEST_TIMEOUT_S", default_value_t = 30)]
    pub request_timeout_s: u64,

    /// Seconds a connection may take to send a request's headers, and may stay idle between two
    /// requests: a client that trickles its headers a byte at a time (slowloris) or keeps sockets
    /// open without asking anything is disconnected instead of holding them for ever.
    #[arg(long, env = "RECUPERA_HEADER_TIMEOUT_S", default_value_t = 10)]
    pub header_timeout_s: u64,

    /// Connections held open at once; further clients wait to be accepted (the kernel's backlog)
    /// instead of the server running out of file descriptors.
    #[arg(long, env = "RECUPERA_MAX_CONNECTIONS", default_value_t = 10_000)]
    pub max_connections: usize,

    /// API requests served at once; more are answered 503 with `Retry-After` at once instead of
    /// waiting in line. The app's files are not counted: they stay fast under a flood.
    #[arg(long, env = "RECUPERA_MAX_CONCURRENT_REQUESTS", default_value_t = 512)]
    pub max_concurrent_requests: usize,

    /// Seconds between two cleanups of expired sessions, old flows and sent mail.
    #[arg(long, env = "RECUPERA_CLEANUP_INTERVAL_S", default_value_t = 600)]
    pub cleanup_interval_s: u64,

    /// Delivery attempts of one message before it is given up (kept as failed for operators).
    /// Retries wait 30 s, then twice as long each time, up to an hour: 10 attempts take about 4 hours.
    #[arg(long, env = "RECUPERA_OUTBOX_MAX_ATTEMPTS", default_value_t = 10)]
    pub outbox_max_attempts: u32,

    /// How long a replica's worker holds a message it is sending before another replica may take
    /// it (the worker died mid-send, say). Longer than any SMTP or SMS gateway exchange takes.
    #[arg(long, env = "RECUPERA_OUTBOX_LEASE_S", default_value_t = 60)]
    pub outbox_lease_s: i64,

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

    /// Lifetime of a verification code, in seconds (ASVS 2.7.2: at most 10 minutes).
    #[arg(long, env = "RECUPERA_CODE_LIFETIME_S", default_value_t = 10 * 60)]
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

    /// Wrong codes one identifier (with an account or not) accepts in 24 hours, across flows.
    #[arg(long, env = "RECUPERA_ATTEMPTS_PER_IDENTIFIER_DAY", default_value_t = 20)]
    pub attempts_per_identifier_day: u32,

    /// Codes one identifier (email, user name or phone, with an account or not) may be sent in 24
    /// hours, across its recoveries; past it the person is told `send_limit_reached`.
    #[arg(long, env = "RECUPERA_SENDS_PER_IDENTIFIER_DAY", default_value_t = 5)]
    pub sends_per_identifier_day: u32,

    /// Recovery codes one address (a mailbox or a phone) may receive in 24 hours, whichever
    /// identifier asked; past it they are not sent (the answer stays the same, so nothing is revealed).
    #[arg(long, env = "RECUPERA_MESSAGES_PER_RECIPIENT_DAY", default_value_t = 5)]
    pub messages_per_recipient_day: u32,

    /// Recovery codes one account may be sent in 24 hours, by every channel.
    #[arg(long, env = "RECUPERA_MESSAGES_PER_ACCOUNT_DAY", default_value_t = 10)]
    pub messages_per_account_day: u32,

    /// "There is no account with this address" notices one address may receive in 24 hours.
    #[arg(long, env = "RECUPERA_NO_ACCOUNT_NOTICES_PER_DAY", default_value_t = 1)]
    pub no_account_notices_per_day: u32,

    /// Recoveries one client address (an IPv4 address) may start in an hour.
    #[arg(long, env = "RECUPERA_RECOVERIES_PER_IP_HOUR", default_value_t = 30)]
    pub recoveries_per_ip_hour: u32,

    /// Sign-ups one client network may start in an hour (each mails a code, or tells an owner).
    #[arg(long, env = "RECUPERA_SIGN_UPS_PER_IP_HOUR", default_value_t = 10)]
    pub sign_ups_per_ip_hour: u32,

    /// How long a sign-up waits for its email to be proven, in seconds; then nothing of it is kept.
    #[arg(long, env = "RECUPERA_SIGN_UP_LIFETIME_S", default_value_t = 24 * 3600)]
    pub sign_up_lifetime_s: i64,

    /// Wrong codes one IP address may send in an hour.
    #[arg(long, env = "RECUPERA_ATTEMPTS_PER_IP_HOUR", default_value_t = 100)]
    pub attempts_per_ip_hour: u32,

    /// Wrong passwords in a row for one account (all its identifiers together; an unknown identifier
    /// counts alike) after which each sign-in needs the "I am not a robot" check.
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_BEFORE_BOT_CHECK", default_value_t = 3)]
    pub sign_in_failures_before_bot_check: u32,

    /// Wrong passwords in a row after which each next try waits, 1 s, 2 s, 4 s … up to
    /// `sign_in_delay_max_s`.
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_BEFORE_DELAY", default_value_t = 5)]
    pub sign_in_failures_before_delay: u32,

    /// The longest wait between two tries, in seconds.
    #[arg(long, env = "RECUPERA_SIGN_IN_DELAY_MAX_S", default_value_t = 15 * 60)]
    pub sign_in_delay_max_s: i64,

    /// Wrong passwords in a row after which the owner is told by mail (at most once a day).
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_BEFORE_WARNING", default_value_t = 10)]
    pub sign_in_failures_before_warning: u32,

    /// Wrong passwords in a row after which sign-in is paused until the account is recovered
    /// (NIST SP 800-63B: at most 100). With the waits, reaching it takes about a day.
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_LIMIT", default_value_t = 100)]
    pub sign_in_failures_limit: u32,

    /// Failed sign-ins from one network in 15 minutes after which its sign-ins need the "I am not a
    /// robot" check (a right password is never refused for what others did from there).
    #[arg(long, env = "RECUPERA_SIGN_IN_FAILURES_PER_IP", default_value_t = 50)]
    pub sign_in_failures_per_ip: u32,

    /// Sign-in session lifetime, in seconds, however much it is used (README, "Sessions").
    #[arg(long, env = "RECUPERA_SESSION_LIFETIME_S", default_value_t = 7 * 24 * 3600)]
    pub session_lifetime_s: i64,

    /// A session unused this long, in seconds, ends before its lifetime (README, "Sessions").
    #[arg(long, env = "RECUPERA_SESSION_IDLE_TIMEOUT_S", default_value_t = 24 * 3600)]
    pub session_idle_timeout_s: i64,

    /// Bot check: PBKDF2 iterations per try.
    #[arg(long, env = "RECUPERA_BOT_CHECK_COST", default_value_t = recupera_api::bot_check::DEFAULT_COST)]
    pub bot_check_cost: u32,

    /// Bot check: hex prefix the derived key must have (each digit multiplies the work by 16).
    #[arg(long, env = "RECUPERA_BOT_CHECK_PREFIX", default_value = recupera_api::bot_check::DEFAULT_KEY_PREFIX)]
    pub bot_check_prefix: String,

    /// Bot check: seconds a challenge stays valid.
    #[arg(long, env = "RECUPERA_BOT_CHECK_LIFETIME_S", default_value_t = 10 * 60)]
    pub bot_check_lifetime_s: i64,

    /// Bot-check solutions checked at once (each derives one PBKDF2 key of `bot_check_cost`
    /// iterations, about 2 ms at the default). Anyone can fetch a challenge and send a wrong answer
    /// to it: this bounds the CPU such requests can take from everything else.
    #[arg(long, env = "RECUPERA_MAX_CONCURRENT_BOT_CHECKS", default_value_t = 2)]
    pub max_concurrent_bot_checks: usize,

    /// Bot-check solutions that may wait for a check; past that, starting a recovery answers 503 with
    /// `Retry-After` at once (64 × 2 ms / 2: about 60 ms of work waiting).
    #[arg(long, env = "RECUPERA_BOT_CHECKS_WAITING", default_value_t = 64)]
    pub bot_checks_waiting: usize,

    /// Password hashes computed at once (argon2id takes 19 MiB each): bounds memory under a flood.
    #[arg(long, env = "RECUPERA_MAX_CONCURRENT_HASHES", default_value_t = 4)]
    pub max_concurrent_hashes: usize,

    /// Password hashes that may wait for a free hashing thread; past that, sign-in, sign-up and a new
    /// password answer 503 with `Retry-After` at once (about 64 × 30 ms / 4 threads: half a second of work).
    #[arg(long, env = "RECUPERA_HASHES_WAITING", default_value_t = 64)]
    pub hashes_waiting: usize,
}

impl Config {
    /// Dev mode has a mailbox anyone can read, a clock anyone can move and generated keys: it must
    /// never serve real people. It refuses to listen beyond this machine, and to hand mail or SMS to
    /// anything but a server on this machine (a local test sink is fine; a real relay is not).
    pub fn refuse_unsafe_dev_mode(&self) -> anyhow::Result<()> {
        if !self.dev {
            return Ok(());
        }
        if !self.bind.ip().is_loopback() {
            anyhow::bail!(
                "dev mode only listens on a loopback address (127.0.0.1 or ::1), not {}: its mailbox and clock are open to anyone",
                self.bind
            );
        }
        let local = |host: &str| {
            let host = host.trim_start_matches('[').trim_end_matches(']');
            host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
        };
        if let Some(host) = self.delivery.smtp_host.as_deref().filter(|host| !local(host)) {
            anyhow::bail!(
                "dev mode does not send real mail: RECUPERA_SMTP_HOST is {host:?}, not this machine"
            );
        }
        if let Some(url) = &self.delivery.sms_base_url {
            let host = url.split("://").nth(1).unwrap_or(url).split(['/', '?']).next().unwrap_or_default();
            let host = host
                .rsplit_once(':')
                .filter(|(_, port)| port.parse::<u16>().is_ok())
                .map_or(host, |(h, _)| h);
            if !local(host) {
                anyhow::bail!(
                    "dev mode does not send real SMS: RECUPERA_SMS_BASE_URL is {url:?}, not this machine"
                );
            }
        }
        Ok(())
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dev_mode_refuses_to_listen_beyond_loopback_or_to_use_a_real_transport() {
        let mut config = Config::for_tests(String::new(), PathBuf::new());
        assert!(config.refuse_unsafe_dev_mode().is_ok());
        config.bind = "0.0.0.0:8080".parse().unwrap();
        assert!(config.refuse_unsafe_dev_mode().unwrap_err().to_string().contains("loopback"));
        config.bind = "[::1]:8080".parse().unwrap();
        config.delivery.smtp_host = Some("127.0.0.1".into());
        config.delivery.sms_base_url = Some("http://127.0.0.1:9999/".into());
        assert!(config.refuse_unsafe_dev_mode().is_ok(), "local sinks are fine");
        config.delivery.smtp_host = Some("smtp.example.com".into());
        assert!(config.refuse_unsafe_dev_mode().unwrap_err().to_string().contains("RECUPERA_SMTP_HOST"));
        config.delivery.smtp_host = None;
        config.delivery.sms_base_url = Some("https://api.twilio.com".into());
        assert!(config.refuse_unsafe_dev_mode().unwrap_err().to_string().contains("RECUPERA_SMS_BASE_URL"));
        config.dev = false;
        config.bind = "0.0.0.0:8080".parse().unwrap();
        assert!(config.refuse_unsafe_dev_mode().is_ok(), "production may listen anywhere");
    }
}
