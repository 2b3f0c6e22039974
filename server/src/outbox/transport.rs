//! The ways a message leaves: SMTP (lettre), an SMS gateway over HTTP (Twilio's Messages API shape),
//! or — in dev mode, when neither is configured — nowhere (the dev mailbox shows the outbox).

use std::time::Duration;

use anyhow::{bail, Context};
use lettre::{
    message::{header::ContentType, Mailbox},
    transport::smtp::authentication::Credentials,
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

use crate::config::{Delivery, SmtpTls};

/// Why a message did not leave, and whether trying again can help.
#[derive(Debug)]
pub struct DeliveryError {
    pub permanent: bool,
    pub reason: String,
}

impl DeliveryError {
    fn permanent(reason: String) -> Self {
        DeliveryError { permanent: true, reason }
    }

    fn transient(reason: String) -> Self {
        DeliveryError { permanent: false, reason }
    }
}

impl std::fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

#[derive(Clone)]
pub struct Transports {
    mail: Mail,
    sms: Sms,
}

#[derive(Clone)]
enum Mail {
    Dev,
    Smtp { transport: Box<AsyncSmtpTransport<Tokio1Executor>>, from: Mailbox },
}

#[derive(Clone)]
enum Sms {
    Dev,
    Gateway { client: reqwest::Client, url: String, account: String, token: String, from: String },
}

impl Transports {
    /// The transports `delivery` configures. Outside dev mode both must be configured.
    pub fn from_config(delivery: &Delivery, dev: bool) -> anyhow::Result<Transports> {
        let mail = match &delivery.smtp_host {
            Some(host) => {
                let builder = match delivery.smtp_tls {
                    SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                };
                let mut builder = builder.port(delivery.smtp_port).timeout(Some(Duration::from_secs(20)));
                if let (Some(user), Some(password)) = (&delivery.smtp_username, &delivery.smtp_password) {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                let from = delivery.mail_from.parse().context("RECUPERA_MAIL_FROM is not a mail address")?;
                Mail::Smtp { transport: Box::new(builder.build()), from }
            }
            None if dev => Mail::Dev,
            None => bail!("RECUPERA_SMTP_HOST is not set; outside dev mode mail must go somewhere"),
        };
        let sms = match (&delivery.sms_base_url, &delivery.sms_account_sid, &delivery.sms_auth_token, &delivery.sms_from) {
            (Some(base), Some(account), Some(token), Some(from)) => Sms::Gateway {
                client: reqwest::Client::builder().timeout(Duration::from_secs(20)).build()?,
                url: format!("{}/2010-04-01/Accounts/{account}/Messages.json", base.trim_end_matches('/')),
                account: account.clone(),
                token: token.clone(),
                from: from.clone(),
            },
            (None, None, None, None) if dev => Sms::Dev,
            _ => bail!(
                "the SMS gateway needs RECUPERA_SMS_BASE_URL, RECUPERA_SMS_ACCOUNT_SID, RECUPERA_SMS_AUTH_TOKEN and RECUPERA_SMS_FROM"
            ),
        };
        Ok(Transports { mail, sms })
    }

    /// Whether messages of `channel` go nowhere but the dev mailbox, which shows them from the outbox
    /// (so their arguments are kept there).
    pub fn is_dev_mailbox(&self, channel: &str) -> bool {
        match channel {
            "sms" => matches!(self.sms, Sms::Dev),
            _ => matches!(self.mail, Mail::Dev),
        }
    }

    /// Sends one message. `identity` names the queued message (stable across its retries): mail
    /// carries it in its `Message-ID`, so a message sent twice (a replica that died after the mail
    /// server took it, before it was marked sent) is one message to the mail programs that receive it.
    pub async fn send(
        &self,
        channel: &str,
        to: &str,
        (subject, body): (&str, &str),
        identity: &str,
    ) -> Result<(), DeliveryError> {
        match channel {
            "sms" => self.send_sms(to, body).await,
            _ => self.send_mail(to, subject, body, identity).await,
        }
    }

    async fn send_mail(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        identity: &str,
    ) -> Result<(), DeliveryError> {
        let Mail::Smtp { transport, from } = &self.mail else { return Ok(()) };
        let to = to.parse().map_err(|_| DeliveryError::permanent(format!("not a mail address: {to}")))?;
        let message = Message::builder()
            .message_id(Some(format!("<{identity}@{}>", from.email.domain())))
            .from(from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|err| DeliveryError::permanent(format!("cannot build the mail: {err}")))?;
        transport.send(message).await.map_err(|err| DeliveryError {
            // 5xx: the server refused this message for good (no such mailbox, say); anything else
            // (4xx, a closed port, a timeout) may pass later.
            permanent: err.is_permanent(),
            reason: format!("SMTP delivery failed: {err}"),
        })?;
        Ok(())
    }

    async fn send_sms(&self, to: &str, body: &str) -> Result<(), DeliveryError> {
        let Sms::Gateway { client, url, account, token, from } = &self.sms else { return Ok(()) };
        let form = [("To", to), ("From", from.as_str()), ("Body", body)];
        let response = client
            .post(url)
            .basic_auth(account, Some(token))
            .form(&form)
            .send()
            .await
            .map_err(|err| DeliveryError::transient(format!("the SMS gateway was not reached: {err}")))?;
        let status = response.status();
        if !status.is_success() {
            // A 4xx other than "slow down" refuses this message for good (an invalid number, say).
            let permanent = status.is_client_error() && status != reqwest::StatusCode::TOO_MANY_REQUESTS;
            return Err(DeliveryError { permanent, reason: format!("the SMS gateway answered {status}") });
        }
        Ok(())
    }
}
