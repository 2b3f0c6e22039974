//! The optional settings file (`--config recupera.toml` or `RECUPERA_CONFIG`): every key is one of the
//! `RECUPERA_*` environment variables, without the prefix, in lower case. Precedence: flags, then the
//! environment, then the file, then the defaults.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::PathBuf,
};

use anyhow::{bail, Context};

/// `cli` with the settings of the file named on the command line or in `RECUPERA_CONFIG`, if any, as
/// the defaults of the flags they stand for: clap then takes a flag first, else its environment
/// variable, else the file's value, else the built-in default. Nothing is written to the environment.
pub fn with_file_defaults(cli: clap::Command) -> anyhow::Result<clap::Command> {
    let Some(path) = config_path() else { return Ok(cli) };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the config file {}", path.display()))?;
    let settings: BTreeMap<String, String> = settings(&text, &known_variables(&cli))
        .with_context(|| format!("in {}", path.display()))?
        .into_iter()
        .collect();
    Ok(defaults_from(cli, &settings))
}

/// Every argument of `command` and its subcommands whose environment variable `settings` holds takes
/// that value as its default.
fn defaults_from(command: clap::Command, settings: &BTreeMap<String, String>) -> clap::Command {
    let command = command.mut_args(|arg| {
        let value = arg.get_env().and_then(|env| settings.get(env.to_str()?)).cloned();
        match value {
            Some(value) => arg.default_value(value),
            None => arg,
        }
    });
    command.mut_subcommands(|sub| defaults_from(sub, settings))
}

/// `(variable, value)` for each setting of `text`; an unknown key is an error naming the known ones.
pub fn settings(text: &str, known: &BTreeSet<String>) -> anyhow::Result<Vec<(String, String)>> {
    let table: toml::Table = text.parse().context("not valid TOML")?;
    let mut out = Vec::new();
    for (key, value) in table {
        let variable = format!("RECUPERA_{}", key.to_ascii_uppercase());
        if !known.contains(&variable) {
            let keys: Vec<String> =
                known.iter().map(|v| v.trim_start_matches("RECUPERA_").to_ascii_lowercase()).collect();
            bail!("unknown setting {key:?}; known settings: {}", keys.join(", "));
        }
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => bail!("setting {key:?} must be a string, a number or true/false, not {other}"),
        };
        out.push((variable, value));
    }
    Ok(out)
}

/// Every `RECUPERA_*` variable any subcommand reads.
pub fn known_variables(cli: &clap::Command) -> BTreeSet<String> {
    let mut known = BTreeSet::new();
    let mut stack = vec![cli];
    while let Some(command) = stack.pop() {
        for arg in command.get_arguments() {
            if let Some(env) = arg.get_env() {
                known.insert(env.to_string_lossy().into_owned());
            }
        }
        stack.extend(command.get_subcommands());
    }
    known.remove("RECUPERA_CONFIG");
    known
}

fn config_path() -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    let from_flag = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--config=")
            .map(PathBuf::from)
            .or_else(|| (arg == "--config").then(|| args.get(i + 1).map(PathBuf::from)).flatten())
    });
    from_flag.or_else(|| std::env::var_os("RECUPERA_CONFIG").map(PathBuf::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> BTreeSet<String> {
        ["RECUPERA_DATABASE_URL", "RECUPERA_DEV", "RECUPERA_SMTP_PORT"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn keys_become_their_environment_variables() {
        let text = "database_url = \"sqlite://x.db\"\ndev = true\nsmtp_port = 2525\n";
        let got = settings(text, &known()).unwrap();
        assert_eq!(
            got,
            [
                ("RECUPERA_DATABASE_URL".into(), "sqlite://x.db".into()),
                ("RECUPERA_DEV".into(), "true".into()),
                ("RECUPERA_SMTP_PORT".into(), "2525".into())
            ]
        );
    }

    #[test]
    fn an_unknown_key_or_a_bad_file_is_refused_clearly() {
        let err = settings("databse_url = \"x\"", &known()).unwrap_err().to_string();
        assert!(err.contains("unknown setting \"databse_url\"") && err.contains("database_url"), "{err}");
        assert!(settings("this is not toml", &known()).is_err());
        assert!(settings("dev = [1, 2]", &known()).unwrap_err().to_string().contains("must be"));
    }

    /// A small command like the server's: a flag with a value and a switch, both under a subcommand.
    fn command() -> clap::Command {
        use clap::{Arg, ArgAction, Command};
        Command::new("recupera-server").subcommand(
            Command::new("serve")
                .arg(
                    Arg::new("database_url")
                        .long("database-url")
                        .env("RECUPERA_DATABASE_URL")
                        .default_value("sqlite://default.db"),
                )
                .arg(Arg::new("dev").long("dev").env("RECUPERA_DEV").action(ArgAction::SetTrue)),
        )
    }

    fn parsed(args: &[&str], file: &[(&str, &str)]) -> (String, bool) {
        let file: BTreeMap<String, String> =
            file.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let matches = defaults_from(command(), &file).try_get_matches_from(args).unwrap();
        let serve = matches.subcommand_matches("serve").unwrap();
        (serve.get_one::<String>("database_url").unwrap().clone(), serve.get_flag("dev"))
    }

    #[test]
    fn the_file_stands_in_for_the_built_in_defaults_and_a_flag_wins_over_it() {
        // The environment's place between the two is clap's own `env` handling; the CLI test in
        // `tests/api/operations.rs` runs it on the real binary.
        let file = [("RECUPERA_DATABASE_URL", "sqlite://from-file.db"), ("RECUPERA_DEV", "true")];
        assert_eq!(parsed(&["recupera-server", "serve"], &[]), ("sqlite://default.db".into(), false));
        assert_eq!(parsed(&["recupera-server", "serve"], &file), ("sqlite://from-file.db".into(), true));
        assert_eq!(
            parsed(&["recupera-server", "serve", "--database-url", "sqlite://flag.db"], &file),
            ("sqlite://flag.db".into(), true)
        );
    }
}
