//! The API under load: start-recovery, send, verify and the password check under 16 concurrent
//! clients (known and unknown identifiers alternating, and the gap between them), then the same loads
//! from wrk.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use serde_json::{json, Value};

use super::{
    flows::{flows_with_codes, new_flows, solved_challenges},
    wrk::{wrk_row, WrkRequest},
    Mode, Row, CONCURRENCY,
};

/// Start-recovery, send, verify and the password check under 16 concurrent clients: each load runs
/// `mode.rounds` times, and the round with the median p99 is reported (the machine is shared and
/// noisy; one round can be unlucky). `suffix` names the database's state.
pub(super) async fn api_under_load(
    client: &reqwest::Client,
    base: &str,
    mode: &Mode,
    suffix: &str,
) -> anyhow::Result<Vec<Row>> {
    let known = "demo@recupera.test";
    let (mut identify, mut send, mut verify, mut check) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 0..mode.rounds {
        // Known and unknown identifiers alternate; group 0 is known, 1 unknown.
        let challenges = solved_challenges(client, base, mode.requests).await?;
        let requests = challenges
            .into_iter()
            .enumerate()
            .map(|(i, bot_check)| {
                let identifier =
                    if i % 2 == 0 { known.to_owned() } else { format!("nobody{round}-{i}@recupera.test") };
                (
                    "api/v1/recovery".to_owned(),
                    json!({ "identifier": identifier, "bot_check": bot_check, "language": "es" }),
                    i % 2,
                    None,
                )
            })
            .collect();
        identify.push(post_load(client, base, requests, 201).await?);

        // Each flow sends its first code (a known identifier queues a mail in the same request).
        let fresh = new_flows(client, base, mode.requests).await?;
        let requests = fresh
            .iter()
            .enumerate()
            .map(|(i, flow)| {
                (
                    format!("api/v1/recovery/{}/code", flow.id),
                    json!({ "channel": "email" }),
                    i % 2,
                    Some(flow.cookie.clone()),
                )
            })
            .collect();
        send.push(post_load(client, base, requests, 200).await?);

        // A few wrong codes each, as many people's (see `known_identifier`).
        let flows = flows_with_codes(client, base, 300).await?;
        let requests = (0..mode.requests)
            .map(|i| {
                let flow = &flows[i % flows.len()];
                (
                    format!("api/v1/recovery/{}/verify", flow.id),
                    json!({ "code": "0000 0000" }),
                    (i % flows.len()) % 2,
                    Some(flow.cookie.clone()),
                )
            })
            .collect();
        verify.push(post_load(client, base, requests, 422).await?);

        let requests = (0..mode.requests)
            .map(|i| {
                (
                    "api/v1/password/check".to_owned(),
                    json!({ "password": format!("una frase bastante larga {i}") }),
                    0,
                    None,
                )
            })
            .collect();
        check.push(post_load(client, base, requests, 200).await?);
    }
    let rounds = mode.rounds;
    // The same loads from wrk, `rounds` runs of `seconds` each. Requests that cannot repeat (a proof
    // of work, a flow's first code) are prepared for all of them: two and a half times what the
    // built-in load's rate would send.
    let seconds = if mode.quick { 2 } else { 5 };
    let enough = |loads: &[Load]| {
        let rate = loads.iter().map(Load::rate).fold(0.0, f64::max);
        ((rate * f64::from(seconds) * 2.5) as usize).max(200) * rounds
    };
    let requests: Vec<WrkRequest> = solved_challenges(client, base, enough(&identify))
        .await?
        .into_iter()
        .enumerate()
        .map(|(i, bot_check)| {
            let identifier = if i % 2 == 0 { known.to_owned() } else { format!("wrk{i}@recupera.test") };
            (
                "api/v1/recovery".to_owned(),
                json!({ "identifier": identifier, "bot_check": bot_check, "language": "es" }),
                String::new(),
            )
        })
        .collect();
    let wrk_identify =
        wrk_row(base, &format!("start recovery (known/unknown){suffix}"), &requests, seconds, rounds, 201)?;
    let requests: Vec<WrkRequest> = new_flows(client, base, enough(&send))
        .await?
        .into_iter()
        .map(|flow| (format!("api/v1/recovery/{}/code", flow.id), json!({ "channel": "email" }), flow.cookie))
        .collect();
    let wrk_send =
        wrk_row(base, &format!("send a code (known/unknown){suffix}"), &requests, seconds, rounds, 200)?;
    // Many flows, as many people's: one flow's identifier taking every wrong code would count them
    // all against one budget, which no real load does.
    let wrong_codes: Vec<WrkRequest> = flows_with_codes(client, base, 150 * rounds)
        .await?
        .into_iter()
        .map(|flow| {
            (format!("api/v1/recovery/{}/verify", flow.id), json!({ "code": "0000 0000" }), flow.cookie)
        })
        .collect();
    let wrk_verify =
        wrk_row(base, &format!("verify (wrong codes){suffix}"), &wrong_codes, seconds, rounds, 422)?;
    let password = [(
        "api/v1/password/check".to_owned(),
        json!({ "password": "una frase bastante larga y mía" }),
        String::new(),
    )];
    let wrk_check = wrk_row(base, &format!("password check{suffix}"), &password, seconds, rounds, 200)?;
    let identify_gap =
        known_unknown_gap(&format!("start recovery: known vs unknown median gap{suffix}"), &identify);
    let send_gap = known_unknown_gap(&format!("send a code: known vs unknown median gap{suffix}"), &send);
    let verify_gap = known_unknown_gap(&format!("verify: known vs unknown median gap{suffix}"), &verify);
    Ok(vec![
        median_round(identify).row(&format!("start recovery (known/unknown){suffix}"), 20.0, rounds),
        identify_gap,
        median_round(send).row(&format!("send a code (known/unknown){suffix}"), 20.0, rounds),
        send_gap,
        median_round(verify).row(&format!("verify (wrong codes, known/unknown){suffix}"), 20.0, rounds),
        verify_gap,
        median_round(check).row(&format!("password check{suffix}"), 20.0, rounds),
        wrk_identify,
        wrk_send,
        wrk_verify,
        wrk_check,
    ])
}

/// How much longer a known identifier's requests take than an unknown one's (groups 0 and 1 of the
/// loads), at the median: the gap of the round with the median gap. Under 1 ms, timing tells nothing.
pub(super) fn known_unknown_gap(name: &str, loads: &[Load]) -> Row {
    let medians = |load: &Load| (percentile(&load.by_group(0), 50.0), percentile(&load.by_group(1), 50.0));
    let mut rounds: Vec<(f64, f64)> = loads.iter().map(medians).collect();
    rounds.sort_by(|a, b| (a.0 - a.1).abs().total_cmp(&(b.0 - b.1).abs()));
    let gaps: Vec<f64> = rounds.iter().map(|(known, unknown)| known - unknown).collect();
    let (known, unknown) = rounds[rounds.len() / 2];
    let gap = known - unknown;
    Row {
        name: name.to_owned(),
        value: format!("{:.3} ms (known {known:.2}, unknown {unknown:.2})", gap.abs()),
        budget: "< 1 ms".into(),
        verdict: Some(gap.abs() < 1.0),
        numbers: json!({ "gap_ms": gap, "gaps_by_round_ms": gaps, "known_p50_ms": known, "unknown_p50_ms": unknown }),
    }
}

/// The round whose p99 is the median of the rounds'.
pub(super) fn median_round(mut rounds: Vec<Load>) -> Load {
    rounds.sort_by(|a, b| a.p99().total_cmp(&b.p99()));
    rounds.swap_remove(rounds.len() / 2)
}

/// Sends `requests` (path under the base URL, JSON body, group) by 16 concurrent clients; a request
/// counts when it is answered with `expected`.
pub(super) async fn post_load(
    client: &reqwest::Client,
    base: &str,
    requests: Vec<(String, Value, usize, Option<String>)>,
    expected: u16,
) -> anyhow::Result<Load> {
    let requests = Arc::new(requests);
    let (client, base) = (client.clone(), base.to_owned());
    latencies(requests.len(), move |i| {
        let (client, base, requests) = (client.clone(), base.clone(), requests.clone());
        async move {
            let (path, body, group, cookie) = &requests[i];
            let mut request =
                client.post(format!("{base}{path}")).header("x-forwarded-for", client_address(i));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let status = request.json(body).send().await?.status();
            Ok((status.as_u16() == expected, *group))
        }
    })
    .await
}

/// The address of the `i`-th client of a load (`10.0.0.0/8`, 16 million of them): each sends a few
/// requests, as people do, so no address's failure count grows with the length of the run.
pub(super) fn client_address(i: usize) -> String {
    format!("10.{}.{}.{}", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff)
}

/// Latencies of `count` requests sent by 16 concurrent clients.
pub(super) struct Load {
    /// (milliseconds, group) per request that answered as expected.
    pub(super) samples: Vec<(f64, usize)>,
    pub(super) errors: usize,
    pub(super) elapsed: Duration,
}

impl Load {
    pub(super) fn rate(&self) -> f64 {
        self.samples.len() as f64 / self.elapsed.as_secs_f64()
    }

    pub(super) fn p99(&self) -> f64 {
        percentile(&self.samples.iter().map(|(ms, _)| *ms).collect::<Vec<_>>(), 99.0)
    }

    pub(super) fn by_group(&self, group: usize) -> Vec<f64> {
        self.samples.iter().filter(|(_, g)| *g == group).map(|(ms, _)| *ms).collect()
    }

    /// The report line; `rounds` > 1 says this was the median of that many rounds.
    pub(super) fn row(&self, name: &str, p99_budget_ms: f64, rounds: usize) -> Row {
        let all: Vec<f64> = self.samples.iter().map(|(ms, _)| *ms).collect();
        let (p50, p99) = (percentile(&all, 50.0), percentile(&all, 99.0));
        let rate = all.len() as f64 / self.elapsed.as_secs_f64();
        Row {
            name: name.into(),
            value: format!(
                "{rate:.0} req/s, p50 {p50:.2} ms, p99 {p99:.2} ms, {} errors{}",
                self.errors,
                if rounds > 1 { format!(" (median of {rounds} runs)") } else { String::new() }
            ),
            budget: format!("p99 <= {p99_budget_ms} ms"),
            verdict: Some(p99 <= p99_budget_ms && self.errors == 0),
            numbers: json!({ "requests_per_s": rate, "p50_ms": p50, "p99_ms": p99, "errors": self.errors, "count": all.len() }),
        }
    }
}

pub(super) async fn latencies<F, Fut>(count: usize, request: F) -> anyhow::Result<Load>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<(bool, usize)>> + Send,
{
    let request = Arc::new(request);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (request, next) = (request.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut errors = 0;
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let sent = Instant::now();
                match request(i).await {
                    Ok((true, group)) => samples.push((sent.elapsed().as_secs_f64() * 1000.0, group)),
                    _ => errors += 1,
                }
            }
            (samples, errors)
        }));
    }
    let mut load = Load { samples: Vec::new(), errors: 0, elapsed: Duration::ZERO };
    for worker in workers {
        let (samples, errors) = worker.await?;
        load.samples.extend(samples);
        load.errors += errors;
    }
    load.elapsed = started.elapsed();
    Ok(load)
}

pub(super) fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank]
}
