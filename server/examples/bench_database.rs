//! The benchmark's own database work, done through the server's library (`Db`), never raw rows: a
//! schema change breaks this example's build, not the benchmark's figures, and it works on whatever
//! backend `Db::connect` opens. `cargo xtask bench` builds and runs it beside the server it measures.
//!
//! - `add-accounts <url> <name> <count> <phone-prefix>`: accounts `<name>1` … `<name><count>`, email
//!   `<name>N@recupera.test`, phone `+34<phone-prefix>` and seven digits, a password no one knows.
//! - `grow <url> <accounts> <flows>`: what a busy year leaves behind: `grown` accounts made a year ago,
//!   and flows that ended and expired an hour ago (kept a week for support, so the cleanup leaves them
//!   until then), half of them for those accounts.
//! - `count-flows <url>`: how many flows the table holds.

use clap::{Parser, Subcommand};
use recupera_server::storage::{
    accounts::{NewAccount, Taken},
    flows::FlowRow,
    Db,
};

/// Well formed, matching no password: these accounts' sign-ins are never measured, and a recovery
/// replaces it.
const NO_ONES_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$notarealhashnotarealhashnotarealhash";
/// Rows written in each transaction: the running server's writes wait for one (a fraction of a
/// second), never long enough to give up.
const ROWS_PER_WRITE: usize = 10_000;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    AddAccounts { url: String, name: String, count: usize, phone_prefix: String },
    Grow { url: String, accounts: usize, flows: usize },
    CountFlows { url: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::AddAccounts { url, name, count, phone_prefix } => {
            add_accounts(&Db::connect(&url).await?, &name, count, &phone_prefix, 0).await?;
        }
        Command::Grow { url, accounts, flows } => {
            let db = Db::connect(&url).await?;
            let now = now();
            let ids = add_accounts(&db, "grown", accounts, "91", now - 365 * 24 * 3600).await?;
            add_old_flows(&db, &ids, flows, now).await?;
        }
        Command::CountFlows { url } => println!("{}", Db::connect(&url).await?.count_flows().await?),
    }
    Ok(())
}

fn now() -> i64 {
    let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since_epoch.expect("the clock is past 1970").as_secs() as i64
}

/// Adds the accounts; returns their ids.
async fn add_accounts(
    db: &Db,
    name: &str,
    count: usize,
    phone_prefix: &str,
    created_at: i64,
) -> anyhow::Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(count);
    for i in 1..=count {
        let (username, email, phone) =
            (format!("{name}{i}"), format!("{name}{i}@recupera.test"), format!("+34{phone_prefix}{i:07}"));
        let account = NewAccount {
            username: &username,
            email: &email,
            phone: Some(&phone),
            password_hash: NO_ONES_PASSWORD_HASH,
            language: "es",
        };
        match db.insert_account(account, created_at).await? {
            Ok(id) => ids.push(id),
            Err(taken) => anyhow::bail!("{username}: the {} is taken", taken_name(&taken)),
        }
    }
    Ok(ids)
}

fn taken_name(taken: &Taken) -> &'static str {
    match taken {
        Taken::Username => "user name",
        Taken::Email => "email",
        Taken::Phone => "phone",
    }
}

/// `count` flows that ended and expired an hour before `now`; every other one for an account of
/// `accounts`.
async fn add_old_flows(db: &Db, accounts: &[i64], count: usize, now: i64) -> anyhow::Result<()> {
    for first in (1..=count).step_by(ROWS_PER_WRITE) {
        let mut write = db.write().await?;
        for i in first..(first + ROWS_PER_WRITE).min(count + 1) {
            let flow = FlowRow {
                id: format!("grown-{i:08}"),
                account_id: (i % 2 == 0 && !accounts.is_empty()).then(|| accounts[i % accounts.len()]),
                identifier_kind: "email".into(),
                identifier: format!("grown{i}@recupera.test"),
                language: "es".into(),
                step: "ended".into(),
                channel: None,
                code_hash: None,
                code_expires_at: None,
                sends: 1,
                next_send_at: 0,
                failed_attempts: (i % 3) as i64,
                verified_at: None,
                created_at: now - 3600,
                expires_at: now - 3600,
                browser_hash: None,
                ended_reason: None,
            };
            write.insert_flow(&flow).await?;
        }
        write.commit().await?;
    }
    Ok(())
}
