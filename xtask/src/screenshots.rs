//! `cargo xtask screenshots`: every screen, on a desktop and on a phone, in every language (the
//! pseudo-locale too), as PNG files under `target/screenshots/<lang>/`, so translators see each text
//! in place. Playwright walks the screens (`e2e/screenshots/walk.spec.ts`) against the release build
//! on the real server, with a fresh database.

use anyhow::Context;

use crate::{
    app_server::{build_release_app, start_debug_server_in},
    process::describe,
    step,
    tools::Toolchain,
    workspace_root,
};

pub fn run_command() -> anyhow::Result<()> {
    let tools = Toolchain::for_tests()?;
    build_release_app(&tools)?;
    step("Walking every screen (Playwright, Chromium, desktop 1280×800 and phone 375×740)");
    let folder = workspace_root().join("target/screenshots");
    let server = start_debug_server_in(&tools, &folder, "screenshots.db")?;
    let mut playwright = tools.command("npx");
    playwright
        .args(["playwright", "test", "--config", "e2e/screenshots.config.ts"])
        .env("RECUPERA_URL", server.url());
    let status = playwright.status().with_context(|| format!("cannot start {}", describe(&playwright)))?;
    drop(server);
    let _ = std::fs::remove_file(folder.join("screenshots.db"));

    let mut languages: Vec<(String, usize)> = std::fs::read_dir(&folder)?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir() && !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| {
            let pictures = std::fs::read_dir(entry.path())
                .map(|files| {
                    files
                        .filter_map(Result::ok)
                        .filter(|f| f.path().extension().is_some_and(|x| x == "png"))
                        .count()
                })
                .unwrap_or(0);
            (entry.file_name().to_string_lossy().into_owned(), pictures)
        })
        .collect();
    languages.sort();
    for (language, pictures) in &languages {
        println!("  target/screenshots/{language}/: {pictures} pictures");
    }
    anyhow::ensure!(status.success(), "the walk through the screens failed ({status}); see above");
    Ok(())
}
