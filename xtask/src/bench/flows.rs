//! Recoveries started the way a browser starts them (a solved bot check, the flow cookie kept),
//! taken as far as a load needs.

use anyhow::Context;
use base64::Engine;
use serde_json::{json, Value};

use super::database::BenchDatabase;

/// Bot-check solutions, one per request to come (solved before the clock starts).
pub(super) async fn solved_challenges(
    client: &reqwest::Client,
    base: &str,
    count: usize,
) -> anyhow::Result<Vec<String>> {
    let mut solved = Vec::with_capacity(count);
    for _ in 0..count {
        let challenge: altcha::Challenge =
            client.get(format!("{base}api/v1/bot-check/challenge")).send().await?.json().await?;
        let solution = altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge))
            .map_err(|e| anyhow::anyhow!("{e:?}"))?
            .context("no solution")?;
        let payload = serde_json::to_vec(&altcha::Payload { challenge, solution })?;
        solved.push(base64::engine::general_purpose::STANDARD.encode(payload));
    }
    Ok(solved)
}

/// A started recovery, as its browser holds it: the id, and the flow cookie (`name=value`) every
/// later step needs.
#[derive(Clone)]
pub(super) struct Flow {
    pub(super) id: String,
    pub(super) cookie: String,
}

/// The `name=value` of the cookie an answer sets.
pub(super) fn cookie_set_by(answer: &reqwest::Response) -> anyhow::Result<String> {
    let header = answer.headers().get("set-cookie").context("no flow cookie in the answer")?;
    Ok(header.to_str()?.split(';').next().unwrap_or_default().to_owned())
}

/// Starts a recovery of `identifier` with a solved `bot_check`.
pub(super) async fn start_flow(
    client: &reqwest::Client,
    base: &str,
    identifier: &str,
    bot_check: &str,
    language: &str,
) -> anyhow::Result<Flow> {
    let body = json!({ "identifier": identifier, "bot_check": bot_check, "language": language });
    let answer = client.post(format!("{base}api/v1/recovery")).json(&body).send().await?;
    anyhow::ensure!(answer.status().is_success(), "starting a recovery: {}", answer.status());
    let cookie = cookie_set_by(&answer)?;
    let flow: Value = answer.json().await?;
    Ok(Flow { id: flow["flow_id"].as_str().context("no flow id")?.to_owned(), cookie })
}

/// How many accounts the loads' known identifiers are spread over (`known_identifier`).
pub(super) const KNOWN_ACCOUNTS: usize = 5_000;

/// The next of the known accounts, in turn. The budgets and caps the server counts per identifier
/// and per recipient (raised for the benchmark) then each count a few requests, as a real load of
/// many people's recoveries does; one account taking half of all the load's requests would make each
/// count walk thousands of that one account's rows.
pub(super) fn known_identifier() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % KNOWN_ACCOUNTS + 1;
    format!("known{n}@recupera.test")
}

/// `count` new flows, for known (`known_identifier`) and unknown identifiers alternating, not yet sent
/// a code.
pub(super) async fn new_flows(
    client: &reqwest::Client,
    base: &str,
    count: usize,
) -> anyhow::Result<Vec<Flow>> {
    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::with_capacity(count);
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let identifier = if i % 2 == 0 { known_identifier() } else { format!("fresh{i}@recupera.test") };
        flows.push(start_flow(client, base, &identifier, &bot_check, "es").await?);
    }
    Ok(flows)
}

/// Flows waiting for a code sent by SMS, for known accounts and unknown identifiers alternating (even:
/// known).
pub(super) async fn flows_with_codes(
    client: &reqwest::Client,
    base: &str,
    count: usize,
) -> anyhow::Result<Vec<Flow>> {
    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::new();
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let identifier = if i % 2 == 0 { known_identifier() } else { format!("load{i}@recupera.test") };
        let flow = start_flow(client, base, &identifier, &bot_check, "en").await?;
        client
            .post(format!("{base}api/v1/recovery/{}/code", flow.id))
            .header("cookie", &flow.cookie)
            .json(&json!({ "channel": "sms" }))
            .send()
            .await?;
        flows.push(flow);
    }
    Ok(flows)
}

/// `count` recoveries of accounts of their own (a password change ends every other flow of its
/// account), each taken as a person would up to the new-password step: start, a code by email read
/// from the dev mailbox, verified. Returns the flows' ids.
pub(super) async fn verified_flows(
    client: &reqwest::Client,
    base: &str,
    db: &BenchDatabase,
    count: usize,
) -> anyhow::Result<Vec<Flow>> {
    db.add_accounts("changer", count)?;

    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::with_capacity(count);
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let email = format!("changer{}@recupera.test", i + 1);
        let Flow { id, cookie } = start_flow(client, base, &email, &bot_check, "es").await?;
        let sent = client
            .post(format!("{base}api/v1/recovery/{id}/code"))
            .header("cookie", &cookie)
            .json(&json!({ "channel": "email" }))
            .send()
            .await?;
        anyhow::ensure!(sent.status().is_success(), "sending a code: {}", sent.status());
        let code = code_mailed_to(client, base, &email).await?;
        let verified = client
            .post(format!("{base}api/v1/recovery/{id}/verify"))
            .header("cookie", &cookie)
            .json(&json!({ "code": code }))
            .send()
            .await?;
        anyhow::ensure!(verified.status().is_success(), "verifying the code: {}", verified.status());
        // Verifying rotated the flow's secret: only the new cookie may set the password.
        let cookie = cookie_set_by(&verified)?;
        flows.push(Flow { id, cookie });
    }
    Ok(flows)
}

/// The code in the newest message to `email` in the dev mailbox ("1234 5678" in its text).
pub(super) async fn code_mailed_to(
    client: &reqwest::Client,
    base: &str,
    email: &str,
) -> anyhow::Result<String> {
    let mailbox: Vec<Value> = client.get(format!("{base}api/v1/dev/mailbox")).send().await?.json().await?;
    let body = mailbox
        .iter()
        .find(|message| message["to"] == email)
        .and_then(|message| message["body"].as_str())
        .with_context(|| format!("no mail to {email}"))?;
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(9)
        .find(|w| w[4] == ' ' && w[..4].iter().chain(&w[5..]).all(char::is_ascii_digit))
        .map(|w| w.iter().collect())
        .with_context(|| format!("no code in the mail to {email}"))
}
