//! Real network peers on loopback for delivery tests: a minimal SMTP server that keeps what it
//! receives, and an HTTP server in the shape of Twilio's Messages API.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use axum::{extract::State, http::HeaderMap, routing::post, Form, Router};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

/// Mailboxes the SMTP sink does not have start with this.
pub const REFUSED_MAILBOX: &str = "no-such-mailbox";

/// One message as the SMTP server received it.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (after the DATA command, dot-unstuffed).
    pub data: String,
}

/// An SMTP server speaking just enough of RFC 5321 for a client to deliver plain mail. Like a real
/// one, it refuses for good a mailbox it does not have: any address starting with `REFUSED_MAILBOX`.
pub struct SmtpSink {
    pub address: SocketAddr,
    pub received: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink.test ESMTP\r\n").await;
                    let (mut from, mut to, mut data) = (String::new(), Vec::new(), None::<String>);
                    while let Ok(Some(line)) = lines.next_line().await {
                        if let Some(buffer) = data.as_mut() {
                            if line == "." {
                                store.lock().unwrap().push(ReceivedMail {
                                    from: from.clone(),
                                    to: to.clone(),
                                    data: buffer.clone(),
                                });
                                data = None;
                                let _ = write.write_all(b"250 2.0.0 queued\r\n").await;
                            } else {
                                buffer.push_str(line.strip_prefix('.').unwrap_or(&line));
                                buffer.push('\n');
                            }
                            continue;
                        }
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") {
                            b"250-sink.test\r\n250 8BITMIME\r\n"
                        } else if upper.starts_with("HELO")
                            || upper.starts_with("RSET")
                            || upper.starts_with("NOOP")
                        {
                            b"250 OK\r\n"
                        } else if upper.starts_with("MAIL FROM:") {
                            from = line[10..].trim().to_owned();
                            b"250 OK\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            let address = line[8..].trim().trim_matches(['<', '>']).to_owned();
                            if address.starts_with(REFUSED_MAILBOX) {
                                b"550 5.1.1 no such mailbox\r\n"
                            } else {
                                to.push(address);
                                b"250 OK\r\n"
                            }
                        } else if upper == "DATA" {
                            data = Some(String::new());
                            b"354 end with <CRLF>.<CRLF>\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"502 not implemented\r\n"
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        });
        SmtpSink { address, received }
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.received.lock().unwrap().clone()
    }
}

/// One SMS as the gateway received it.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ReceivedSms {
    #[serde(rename = "To")]
    pub to: String,
    #[serde(rename = "From")]
    pub from: String,
    #[serde(rename = "Body")]
    pub body: String,
}

pub struct SmsGateway {
    pub base_url: String,
    pub received: Arc<Mutex<Vec<(ReceivedSms, String)>>>,
}

impl SmsGateway {
    pub async fn start() -> SmsGateway {
        type Store = Arc<Mutex<Vec<(ReceivedSms, String)>>>;
        async fn messages(
            State(store): State<Store>,
            headers: HeaderMap,
            Form(sms): Form<ReceivedSms>,
        ) -> &'static str {
            let auth =
                headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
            store.lock().unwrap().push((sms, auth));
            "{}"
        }
        let received: Store = Arc::new(Mutex::new(Vec::new()));
        let router = Router::new()
            .route("/2010-04-01/Accounts/{account}/Messages.json", post(messages))
            .with_state(received.clone());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        SmsGateway { base_url, received }
    }

    pub fn messages(&self) -> Vec<ReceivedSms> {
        self.received.lock().unwrap().iter().map(|(sms, _)| sms.clone()).collect()
    }
}
