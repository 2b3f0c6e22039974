//! The browser and system a `User-Agent` names, for the sessions list. Names of products, not words
//! to translate; anything not recognized is `None` (the app says "unknown browser" in its language).
//! Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux".

const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Version/", "Safari"),
];

const SYSTEMS: &[(&str, &str)] = &[
    ("Windows", "Windows"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
];

fn first_named(user_agent: &str, names: &[(&'static str, &'static str)]) -> Option<&'static str> {
    names.iter().find(|(token, _)| user_agent.contains(token)).map(|(_, name)| *name)
}

/// `(browser, system)`.
pub fn describe(user_agent: &str) -> (Option<&'static str>, Option<&'static str>) {
    let browser =
        first_named(user_agent, BROWSERS).filter(|name| *name != "Safari" || user_agent.contains("Safari/"));
    (browser, first_named(user_agent, SYSTEMS))
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn the_common_browsers_and_systems_are_named() {
        let cases = [
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", ("Edge", "Windows")),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", ("Firefox", "Linux")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", ("Safari", "iOS")),
            ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", ("Samsung Internet", "Android")),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", ("Chrome", "macOS")),
        ];
        for (user_agent, (browser, system)) in cases {
            assert_eq!(describe(user_agent), (Some(browser), Some(system)), "{user_agent}");
        }
        assert_eq!(describe("curl/8.5.0"), (None, None));
        assert_eq!(describe(""), (None, None));
    }
}
