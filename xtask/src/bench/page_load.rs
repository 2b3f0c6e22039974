//! What a person's browser pays for the app: bytes on the wire, and time to interactive against a
//! static page.

use anyhow::Context;
use serde_json::{json, Value};

use super::{api_load::percentile, Row};
use crate::workspace_root;

/// Bytes on the wire for a first visit (every asset, compressed as served) and a repeat visit (what
/// is not cached for good: `index.html`, revalidated).
pub(super) async fn first_load(client: &reqwest::Client, base: &str) -> anyhow::Result<Vec<Row>> {
    let get = |path: String| {
        let client = client.clone();
        let url = format!("{base}{}", path.trim_start_matches('/'));
        async move {
            let response = client.get(url).header("accept-encoding", "br, gzip").send().await?;
            let immutable = response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("immutable"));
            let encoding = response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("identity")
                .to_owned();
            let bytes = response.bytes().await?;
            anyhow::Ok((bytes, immutable, encoding))
        }
    };
    let (html, _, html_encoding) = get("/".into()).await?;
    // The html arrives compressed; the asset names are read from the plain file trunk wrote.
    let plain = std::fs::read_to_string(workspace_root().join("dist/index.html"))?;
    let mut assets: Vec<String> = plain
        .split(['"', '\''])
        .filter(|part| {
            part.starts_with('/') && [".js", ".wasm", ".css", ".svg"].iter().any(|x| part.ends_with(x))
        })
        .map(str::to_owned)
        .collect();
    assets.sort();
    assets.dedup();
    let mut total = html.len();
    let mut repeat = html.len();
    let mut parts = vec![format!("html {} ({html_encoding})", html.len())];
    for asset in &assets {
        let (bytes, immutable, encoding) = get(asset.clone()).await?;
        total += bytes.len();
        if !immutable {
            repeat += bytes.len();
        }
        let kind = asset.rsplit('.').next().unwrap_or_default();
        parts.push(format!("{kind} {} ({encoding})", bytes.len()));
    }
    Ok(vec![
        Row {
            name: "first visit: bytes on the wire".into(),
            value: format!("{:.1} KB", total as f64 / 1000.0),
            budget: "< 200 KB".into(),
            verdict: Some(total < 200_000),
            numbers: json!({ "bytes": total, "parts": parts }),
        },
        Row {
            name: "repeat visit: bytes not cached".into(),
            value: format!("{:.1} KB", repeat as f64 / 1000.0),
            budget: "< 5 KB".into(),
            verdict: Some(repeat < 5_000),
            numbers: json!({ "bytes": repeat }),
        },
    ])
}

/// A copy of `dist/` with `bench-reference.html`: the identify screen's content as a static form page,
/// with the app's stylesheet, the yardstick for the app's time to interactive.
pub(super) fn served_with_reference_page(out: &std::path::Path) -> anyhow::Result<std::path::PathBuf> {
    let dist = out.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist)?;
    let mut stylesheet = String::new();
    for entry in std::fs::read_dir(workspace_root().join("dist"))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("main-") && name.ends_with(".css") {
            stylesheet = name.clone();
        }
        std::fs::copy(entry.path(), dist.join(&name))?;
    }
    let page = format!(
        r#"<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paso 1 de 4: ¿Has olvidado la contraseña? — Recupera</title><link rel="stylesheet" href="/{stylesheet}"></head>
<body><header class="site-header"><a class="brand" href="/">Recupera</a></header>
<main id="main" class="page"><section class="panel wizard"><p class="step-caption">Paso 1 de 4</p>
<h1>¿Has olvidado la contraseña?</h1><p class="lead">Escribe el email, el ID de usuario o el móvil de tu cuenta.</p>
<form method="post" action="/recuperar"><div class="field"><label for="recovery-identifier">Email o ID de usuario</label>
<input id="recovery-identifier" name="identifier" type="text" autocomplete="username"></div>
<div class="bot-check"><label class="bot-check-box"><input type="checkbox" id="bot-check"><span>No soy un robot</span></label></div>
<button type="submit" class="button-primary">Enviar</button></form></section></main></body></html>
"#
    );
    std::fs::write(dist.join("bench-reference.html"), page)?;
    Ok(dist)
}

/// Navigation start → the identify field is on the screen (painted) and can take focus, and the bot
/// check holds its challenge, in headless Chromium: median, min and max of `loads` fresh loads, against
/// the static reference page (on the screen: its load time as a person sees it) loaded alternately in
/// the same run.
pub(super) fn time_to_interactive(base: &str, loads: usize) -> anyhow::Result<Row> {
    let output = std::process::Command::new("node")
        .current_dir(workspace_root())
        .args(["e2e/bench/time_to_interactive.mjs", base, &loads.to_string()])
        .output()
        .context("cannot run node for the time-to-interactive measurement")?;
    anyhow::ensure!(
        output.status.success(),
        "the time-to-interactive measurement failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let measured: Value = serde_json::from_slice(&output.stdout).context("its output is not JSON")?;
    let series = |key: &str| -> Vec<f64> {
        let mut values: Vec<f64> = measured[key]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        values.sort_by(f64::total_cmp);
        values
    };
    let (app, reference) = (series("app"), series("reference"));
    anyhow::ensure!(!app.is_empty() && !reference.is_empty(), "no loads were measured");
    let (app_median, reference_median) = (percentile(&app, 50.0), percentile(&reference, 50.0));
    let ratio = app_median / reference_median;
    // The same loads, timed when the field was in the page whether painted yet or not: the static
    // page is then done as soon as its HTML is parsed, before its stylesheet lets it show anything.
    let (app_parsed, reference_parsed) =
        (percentile(&series("app_parsed"), 50.0), percentile(&series("reference_parsed"), 50.0));
    Ok(Row {
        name: format!("time to interactive, identify ({} loads)", app.len()),
        value: format!(
            "{app_median:.0} ms ({:.0}–{:.0}); static page {reference_median:.0} ms ({:.0}–{:.0}): {ratio:.1}× \
             [field in the page, painted or not: {app_parsed:.0} vs {reference_parsed:.0} ms]",
            app[0],
            app[app.len() - 1],
            reference[0],
            reference[reference.len() - 1]
        ),
        budget: "≤ 2 × static page".into(),
        verdict: Some(ratio <= 2.0),
        numbers: json!({ "app_ms": app, "reference_ms": reference, "app_median_ms": app_median,
            "reference_median_ms": reference_median, "ratio": ratio,
            "unpainted": { "app_median_ms": app_parsed, "reference_median_ms": reference_parsed,
                "ratio": app_parsed / reference_parsed } }),
    })
}
