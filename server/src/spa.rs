//! Serving the built single-page app (trunk's `dist/`).
//!
//! Files are served as they are; every other path that looks like a page (no file extension) answers
//! `index.html`, so deep links such as `/recuperar/…` work after a reload. Hashed asset names
//! (`recupera-1a2b…_bg.wasm`) never change content, so browsers may keep them for a year; `index.html`
//! must be revalidated, or a new release would never reach them.

use std::{
    path::{Path, PathBuf},
    sync::Arc,
};

use anyhow::Context;
use axum::{
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;

use recupera_api::pseudo_locale::is_pseudo_locale;

use crate::{messages, AppState};

const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");
const FOREVER: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// The app's `index.html`, read once at start, with what the Content-Security-Policy needs from it.
#[derive(Debug)]
pub struct SpaShell {
    pub index_html: String,
    /// `index_html` around its `<html …>` tag, which each answer writes with the page's language.
    around_html_tag: Option<(String, String)>,
    /// `'sha256-…'` sources for each inline `<script>` of `index.html` (trunk writes one to start the wasm).
    pub inline_script_hashes: Vec<String>,
}

impl SpaShell {
    pub fn load(dist_dir: &Path) -> anyhow::Result<SpaShell> {
        let path = dist_dir.join("index.html");
        let index_html = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "cannot read {}: build the app first (`cargo xtask serve` does it, or `trunk build --release`)",
                path.display()
            )
        })?;
        let inline_script_hashes = inline_scripts(&index_html)
            .map(|body| {
                let digest = Sha256::digest(body.as_bytes());
                format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
            })
            .collect();
        let around_html_tag = index_html.find("<html").and_then(|start| {
            let end = start + index_html[start..].find('>')?;
            Some((index_html[..start].to_owned(), index_html[end + 1..].to_owned()))
        });
        Ok(SpaShell { index_html, inline_script_hashes, around_html_tag })
    }

    /// `index.html` whose `<html lang dir>` are those of the language the app will start in, so the
    /// page is in its language for screen readers, search engines and the browser's offer to translate
    /// before the app has run (it sets them itself, too, once it runs).
    fn page_in(&self, language: &str) -> String {
        match &self.around_html_tag {
            Some((before, after)) => format!(
                "{before}<html lang=\"{language}\" dir=\"{}\">{after}",
                recupera_api::language_match::direction(language)
            ),
            None => self.index_html.clone(),
        }
    }
}

/// The language the app will start in, by the app's own order (`src/i18n/mod.rs`): `?lang=`, else the
/// choice it remembered (the `lang` cookie it sets beside local storage), else the browser's languages
/// by preference (`Accept-Language`), else English. Always one of `locales/`, never the header's text.
fn page_language(request: &Request) -> String {
    let from_url = request
        .uri()
        .query()
        .and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("lang=")).map(str::to_owned));
    let from_cookie = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .find_map(|cookie| cookie.trim().strip_prefix("lang=").map(str::to_owned));
    if let Some(language) =
        from_url.into_iter().chain(from_cookie).find_map(|tag| messages::match_language(&tag))
    {
        return language;
    }
    let accepted = request.headers().get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok());
    browser_languages(accepted.unwrap_or_default())
        .into_iter()
        .filter(|tag| !is_pseudo_locale(tag))
        .find_map(messages::match_language)
        .unwrap_or_else(|| "en".to_owned())
}

/// The tags of an `Accept-Language` header, most wanted first (`es-MX,es;q=0.9,en;q=0.8`); `*` and
/// tags refused with `q=0` left out.
fn browser_languages(header: &str) -> Vec<&str> {
    let mut tags: Vec<(&str, f32)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let quality = parts
                .find_map(|part| part.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (!tag.is_empty() && tag != "*" && quality > 0.0).then_some((tag, quality))
        })
        .collect();
    // Stable: equally wanted tags keep the browser's order.
    tags.sort_by(|a, b| b.1.total_cmp(&a.1));
    tags.into_iter().map(|(tag, _)| tag).collect()
}

/// The bodies of `<script>` elements that have no `src`, as the browser hashes them.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        let (body, _) = after.split_once("</script>")?;
        Some(body)
    })
}

pub fn router(dist_dir: &Path, shell: Arc<SpaShell>) -> Router<AppState> {
    let pages = get(move |request: Request| {
        let shell = shell.clone();
        async move { index_or_not_found(&request, &shell) }
    });
    let files = ServeDir::new(PathBuf::from(dist_dir))
        // `cargo xtask` writes `.br` and `.gz` beside each asset at build time.
        .precompressed_br()
        .precompressed_gzip()
        // `/` and other folders go to the fallback too: it answers the one `index.html` read at start.
        .append_index_html_on_directories(false)
        .fallback(pages);
    Router::new().fallback_service(files).layer(middleware::from_fn(cache_control))
}

/// A path the files do not have: a page of the app (`/dev/buzon`) gets `index.html`; a missing file
/// (`/nope.js`) gets a plain 404, so a broken asset link is not hidden behind a 200.
fn index_or_not_found(request: &Request, shell: &SpaShell) -> Response {
    let last_segment = request.uri().path().rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        return StatusCode::NOT_FOUND.into_response();
    }
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
        // The page's `<html lang>` follows these, so a cache must keep one copy per value.
        (header::VARY, HeaderValue::from_static("Accept-Language, Cookie")),
    ];
    (headers, shell.page_in(&page_language(request))).into_response()
}

async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() {
        let value = if immutable { FOREVER } else { REVALIDATE };
        response.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    response
}

/// trunk names built files `<stem>-<hash>[_bg].<ext>`: the name changes when the content does. The hash
/// is a 64-bit number in hex without leading zeros, so usually 16 digits but sometimes fewer (one
/// build in sixteen has 15); fewer than 8 would take odds of one in four billion.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _ext)) = file.rsplit_once('.') else { return false };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_asset_names_are_recognised() {
        assert!(is_hashed_asset("/recupera-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("/recupera-0123456789abcdef.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        // A hash with a leading zero loses it: trunk wrote `recupera-e5bcc623cf6ef1c.js`.
        assert!(is_hashed_asset("/recupera-e5bcc623cf6ef1c.js"));
        assert!(is_hashed_asset("/recupera-e5bcc623cf6ef1c_bg.wasm"));
        assert!(!is_hashed_asset("/sign-up"));
        assert!(!is_hashed_asset("/recupera-0123456789abcdef0.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/my-page"));
    }

    #[test]
    fn browser_languages_come_most_wanted_first() {
        assert_eq!(browser_languages("en;q=0.5, pt-BR, es;q=0.8, *;q=0.1, fr;q=0"), ["pt-BR", "es", "en"]);
        assert_eq!(browser_languages(""), Vec::<&str>::new());
        assert_eq!(browser_languages("de;q=nonsense,es"), ["es"]);
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<script src="/a.js"></script><script type="module">boot()</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), vec!["boot()"]);
    }
}
