//! Mail and SMS really leave: through a real SMTP server and a real HTTP gateway on loopback. A
//! message survives a dead mail server and a worker killed mid-send, and arrives exactly once.

use crate::support::{
    peers::{SmsGateway, SmtpSink},
    TestApp, DEMO_PASSWORD,
};
use recupera_server::{config::SmtpTls, outbox, Config};
use serde_json::json;

fn deliver_to(config: &mut Config, smtp: &SmtpSink, sms: &SmsGateway) {
    let delivery = &mut config.delivery;
    delivery.smtp_host = Some(smtp.address.ip().to_string());
    delivery.smtp_port = smtp.address.port();
    delivery.smtp_tls = SmtpTls::None;
    delivery.sms_base_url = Some(sms.base_url.clone());
    delivery.sms_account_sid = Some("AC-test".into());
    delivery.sms_auth_token = Some("token".into());
    delivery.sms_from = Some("+34900000000".into());
}

fn transports(app: &TestApp) -> outbox::Transports {
    outbox::Transports::from_config(&app.state.config.delivery, app.state.config.dev).unwrap()
}

#[tokio::test]
async fn the_code_is_read_out_of_a_mail_received_by_a_real_smtp_server() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = crate::support::ana::app_with(|c| deliver_to(c, &smtp, &sms)).await;
    let (_, flow) = app.start_recovery("ana@correo.test").await;
    let flow_id = flow["flow_id"].as_str().unwrap();
    app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;

    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 1);
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["ana@correo.test"]);
    assert!(mails[0].from.contains("soporte@recupera.test"), "{}", mails[0].from);
    // The subject is encoded (RFC 2047) when it has accents; the body line with the code is plain.
    assert!(mails[0].data.contains("Subject: "), "{}", mails[0].data);
    let code = crate::support::code_in(&mails[0].data).expect("a code in the mail");
    let (status, body) = app.flow_action(flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, axum::http::StatusCode::OK, "{body}");
}

/// The mail as a person's mail program shows it: decoded from MIME (RFC 2047 subject, the body's
/// transfer encoding and charset) by `mail-parser`, in the language of the wizard that asked for it.
#[tokio::test]
async fn the_code_mail_reads_right_in_spanish_and_portuguese_once_decoded_as_a_mail_program_does() {
    let cases = [
        (
            "es",
            "Tu código de verificación de Recupera",
            "Hola:",
            "Tu código de verificación es: ",
            "— El equipo de Recupera",
        ),
        (
            "pt-BR",
            "Seu código de verificação da Recupera",
            "Olá,",
            "Seu código de verificação é: ",
            "— Equipe Recupera",
        ),
    ];
    for (language, subject, greeting, code_line, signature) in cases {
        let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
        let app = crate::support::ana::app_with(|c| deliver_to(c, &smtp, &sms)).await;
        let (_, flow) = app.start_recovery_in("ana@correo.test", language).await;
        let flow_id = flow["flow_id"].as_str().unwrap();
        app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
        assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 1);

        let raw = smtp.messages().remove(0).data;
        let mail = mail_parser::MessageParser::default().parse(raw.as_bytes()).expect("a MIME message");
        assert_eq!(mail.subject(), Some(subject), "{language}: {raw}");
        let body = mail.body_text(0).expect("a text body");
        assert!(body.starts_with(greeting), "{language}: {body}");
        assert!(body.trim_end().ends_with(signature), "{language}: {body}");
        let line = body.lines().find(|line| line.starts_with(code_line)).expect("the code's line");
        let code = &line[code_line.len()..];
        let digits: String = code.chars().filter(char::is_ascii_digit).collect();
        assert!(code.len() == 9 && code.as_bytes()[4] == b' ' && digits.len() == 8, "{language}: {line:?}");
        let (status, body) = app.flow_action(flow_id, "verify", json!({ "code": code })).await;
        assert_eq!(status, axum::http::StatusCode::OK, "{language}: {body}");
    }
}

#[tokio::test]
async fn the_sms_is_posted_to_the_gateway_with_credentials() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = crate::support::ana::app_with(|c| deliver_to(c, &smtp, &sms)).await;
    let (_, flow) = app.start_recovery("+34 600 000 002").await;
    let flow_id = flow["flow_id"].as_str().unwrap();
    app.flow_action(flow_id, "code", json!({ "channel": "sms" })).await;

    outbox::deliver_due(&app.state, &transports(&app)).await.unwrap();
    let texts = sms.messages();
    assert_eq!(texts.len(), 1);
    assert_eq!((texts[0].to.as_str(), texts[0].from.as_str()), ("+34600000002", "+34900000000"));
    // The account was created in Spanish; the wizard that asked for the code is in English (the
    // test's `start_recovery`): the code comes in the wizard's language.
    assert!(texts[0].body.starts_with("Recupera: your code is "), "{}", texts[0].body);
    assert!(texts[0].body.contains("only on the page where you asked for it"), "{}", texts[0].body);
    let auth = sms.received.lock().unwrap()[0].1.clone();
    assert!(auth.starts_with("Basic "), "{auth}");
    let code = crate::support::code_in(&texts[0].body).unwrap();
    let (status, _) = app.flow_action(flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, axum::http::StatusCode::OK);
}

#[tokio::test]
async fn a_message_waits_while_the_mail_server_is_down_and_goes_out_when_it_is_back() {
    // A port where nothing listens yet.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let sms = SmsGateway::start().await;
    let app = TestApp::with_config(|c| {
        c.delivery.smtp_host = Some("127.0.0.1".into());
        c.delivery.smtp_port = closed.port();
        c.delivery.smtp_tls = SmtpTls::None;
        c.delivery.sms_base_url = Some(sms.base_url.clone());
        c.delivery.sms_account_sid = Some("AC".into());
        c.delivery.sms_auth_token = Some("t".into());
        c.delivery.sms_from = Some("+34900000000".into());
    })
    .await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let (_, flow) = app.start_recovery("ana").await;
    app.flow_action(flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0, "the server is down");
    assert_eq!(
        outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(),
        0,
        "not retried before its backoff"
    );

    // The mail server comes back; after the backoff the message goes out, once.
    let smtp = SmtpSink::start().await;
    let mut config = (*app.state.config).clone();
    config.delivery.smtp_port = smtp.address.port();
    let back = outbox::Transports::from_config(&config.delivery, true).unwrap();
    app.state.clock.advance(30);
    assert_eq!(outbox::deliver_due(&app.state, &back).await.unwrap(), 1);
    assert_eq!(outbox::deliver_due(&app.state, &back).await.unwrap(), 0);
    assert_eq!(smtp.messages().len(), 1);
}

#[tokio::test]
async fn a_worker_killed_mid_send_leaves_the_message_to_arrive_exactly_once() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = TestApp::with_config(|c| deliver_to(c, &smtp, &sms)).await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let (_, flow) = app.start_recovery("ana").await;
    app.flow_action(flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;

    // A worker takes the message and dies before sending it (the process is killed).
    let now = app.state.clock.now();
    let taken = app.state.db.claim_due_message(now, now + 60).await.unwrap();
    assert!(taken.is_some());

    // The restarted worker does not send it while the dead one's lease holds …
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    // … and sends it once the lease has run out, and never again.
    app.state.clock.advance(60);
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 1);
    app.state.clock.advance(3600);
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    assert_eq!(smtp.messages().len(), 1);
}

#[tokio::test]
async fn production_needs_a_mail_server() {
    let config = Config::for_tests(String::new(), Default::default());
    let error = outbox::Transports::from_config(&config.delivery, false).err().expect("must refuse");
    assert!(error.to_string().contains("RECUPERA_SMTP_HOST"), "{error}");
}

#[tokio::test]
async fn a_mailbox_the_mail_server_refuses_for_good_is_given_up_at_once_and_kept_for_operators() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = TestApp::with_config(|c| deliver_to(c, &smtp, &sms)).await;
    let refused = format!("{}@correo.test", crate::support::peers::REFUSED_MAILBOX);
    app.create_account("ana", &refused, None, DEMO_PASSWORD).await;
    // Someone signs up with that address again: its owner is to be told.
    app.start_sign_up("otra", &refused, None, DEMO_PASSWORD).await;

    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    let failed = app.state.db.failed_messages(10).await.unwrap();
    assert_eq!(failed.len(), 1, "given up after one attempt: a 5xx will not change");
    assert_eq!((failed[0].recipient.as_str(), failed[0].attempts), (refused.as_str(), 1));
    assert!(failed[0].last_error.contains("550"), "{}", failed[0].last_error);
    app.state.clock.advance(3600);
    assert_eq!(
        outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(),
        0,
        "never retried on its own"
    );
    assert!(smtp.messages().is_empty());
    // Kept a week for operators, then cleaned up. (A given-up code goes as soon as it expires.)
    app.state.clock.advance(6 * 24 * 3600);
    app.state.db.clean_up(app.state.clock.now()).await.unwrap().expect("no other replica cleans up");
    assert_eq!(app.state.db.failed_messages(10).await.unwrap().len(), 1);
    app.state.clock.advance(24 * 3600);
    app.state.db.clean_up(app.state.clock.now()).await.unwrap().expect("no other replica cleans up");
    assert!(app.state.db.failed_messages(10).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_message_is_given_up_after_its_last_attempt_and_an_operator_can_queue_it_again() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let sms = SmsGateway::start().await;
    let app = TestApp::with_config(|c| {
        let smtp = SmtpSink { address: closed, received: Default::default() };
        deliver_to(c, &smtp, &sms);
        c.outbox_max_attempts = 2;
    })
    .await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    // A notice: no deadline, so only the attempts limit it.
    app.start_sign_up("ana2", "ana@correo.test", None, DEMO_PASSWORD).await;
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    assert!(app.state.db.failed_messages(10).await.unwrap().is_empty(), "one failure is worth a retry");
    app.state.clock.advance(30);
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    let failed = app.state.db.failed_messages(10).await.unwrap();
    assert_eq!(failed.len(), 1, "the second and last attempt failed too");
    assert_eq!(failed[0].attempts, 2);

    // The mail server is fixed; the operator queues the message again (`outbox retry ID`).
    let smtp = SmtpSink::start().await;
    let mut config = (*app.state.config).clone();
    config.delivery.smtp_port = smtp.address.port();
    let back = outbox::Transports::from_config(&config.delivery, true).unwrap();
    assert!(app.state.db.retry_message(failed[0].id, app.state.clock.now()).await.unwrap());
    assert!(!app.state.db.retry_message(failed[0].id, app.state.clock.now()).await.unwrap(), "queued once");
    assert_eq!(outbox::deliver_due(&app.state, &back).await.unwrap(), 1);
    assert_eq!(smtp.messages().len(), 1);
    assert!(app.state.db.failed_messages(10).await.unwrap().is_empty());
}

#[tokio::test]
async fn codes_go_out_before_notices_and_a_code_that_expired_waiting_is_never_delivered() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = TestApp::with_config(|c| deliver_to(c, &smtp, &sms)).await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    // A notice is queued first (someone signed up with ana's address), then a code.
    app.start_sign_up("otra", "ana@correo.test", None, DEMO_PASSWORD).await;
    let (_, flow) = app.start_recovery("ana").await;
    app.flow_action(flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 2);
    let mails = smtp.messages();
    assert!(crate::support::code_in(&mails[0].data).is_some(), "the code first: {}", mails[0].data);
    assert!(crate::support::code_in(&mails[1].data).is_none());

    // A code whose delivery waited past its lifetime (the mail server was down) is dropped.
    app.state.clock.advance(60);
    app.flow_action(flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    app.state.clock.advance(app.state.config.policy.code_lifetime_s);
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 0);
    assert_eq!(smtp.messages().len(), 2, "no dead code arrives");
}

#[tokio::test]
async fn a_sent_message_keeps_nothing_of_its_code_at_rest() {
    let (smtp, sms) = (SmtpSink::start().await, SmsGateway::start().await);
    let app = TestApp::with_config(|c| deliver_to(c, &smtp, &sms)).await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let (_, flow) = app.start_recovery("ana").await;
    app.flow_action(flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    let mut db = app.database().await;
    let sealed: String = sqlx::query_scalar("SELECT args FROM outbox").fetch_one(&mut db).await.unwrap();
    assert!(!sealed.is_empty(), "sealed while it waits");
    assert_eq!(outbox::deliver_due(&app.state, &transports(&app)).await.unwrap(), 1);
    let args: String = sqlx::query_scalar("SELECT args FROM outbox").fetch_one(&mut db).await.unwrap();
    assert_eq!(args, "", "scrubbed once sent");
}
