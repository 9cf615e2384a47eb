use crate::helpers::{spawn_app, spawn_app_with};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::Value;
use sha2::{Digest, Sha256};

#[tokio::test]
async fn client_routes_fall_back_to_the_web_app() {
    let app = spawn_app().await;
    for path in ["/", "/ideas/12", "/login", "/no/such/page"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.text().await.unwrap().contains("Schwarm test shell"), "{path}");
    }
}

#[tokio::test]
async fn health_answers_json() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn responses_carry_the_basic_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/api/v1/ideas"] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'self'"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_policy_allows_only_our_own_scripts_and_hsts_comes_with_tls() {
    let plain = spawn_app().await;
    let res = plain.get("/").await;
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(
        res.headers().get("strict-transport-security").is_none(),
        "no HSTS without TLS"
    );

    let behind_tls = spawn_app_with(|args| args.sessions.secure_cookies = true).await;
    for path in ["/", "/api/v1/ideas"] {
        let res = behind_tls.get(path).await;
        assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000", "{path}");
    }
}

#[tokio::test]
async fn hashed_assets_are_cached_forever_and_served_precompressed() {
    let app = spawn_app().await;
    let dist = app.dir.path().join("dist");
    std::fs::write(dist.join("app-0123456789abcdef.js"), "console.log('plain')").unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js.br"), "brotli bytes").unwrap();

    let br = app
        .client
        .get(app.url("/app-0123456789abcdef.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["cache-control"], "public, max-age=31536000, immutable");
    let plain = app
        .client
        .get(app.url("/app-0123456789abcdef.js"))
        .header("accept-encoding", "identity")
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "console.log('plain')");

    let index = app.get("/ideas/1").await;
    assert_eq!(
        index.headers()["cache-control"],
        "no-cache",
        "the app shell is revalidated"
    );
}

#[tokio::test]
async fn every_page_but_the_board_comes_from_the_more_bundle() {
    // Arrange: a web app built with its `more` bundle, whose index has an
    // inline boot script of its own.
    let app = spawn_app_with(|args| {
        let more = args.dist.join("more");
        std::fs::create_dir(&more).unwrap();
        let shell = "<!DOCTYPE html><title>Schwarm more shell</title><script>bootMore()</script>\
                     <script type=\"module\">import init from '/more/app.js';\
                     const wasm = await init({ module_or_path: '/more/app_bg.wasm' });</script>";
        std::fs::write(more.join("index.html"), shell).unwrap();
    })
    .await;

    // Act
    let more_pages = [
        "/ideas/12",
        "/login",
        "/register",
        "/embed/acme",
        "/embed/acme/ideas/3",
        "/embed/acme/login",
        "/account",
        "/notifications",
        "/roadmap",
        "/changelog",
        "/unsubscribe?token=t&kind=digest",
        "/more/",
        "/more/no/such/file",
    ];
    let mut answers = Vec::new();
    for path in more_pages
        .into_iter()
        .chain(["/", "/?sort=new&q=dark", "/no/such/page"])
    {
        let res = app.get(path).await;
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        answers.push((path, res.status(), res.text().await.unwrap(), csp));
    }

    // Assert: those pages get the `more` bundle, the board (and the
    // not-found page) the board's; the policy lets the `more` bundle's inline script run.
    let boot = STANDARD.encode(Sha256::digest(b"bootMore()"));
    for (path, status, body, csp) in answers {
        assert_eq!(status, StatusCode::OK, "{path}");
        let shell = if more_pages.contains(&path) {
            "more shell"
        } else {
            "test shell"
        };
        assert!(body.contains(shell), "{path}: {body}");
        assert!(csp.contains(&format!("'sha256-{boot}'")), "{path}: {csp}");
    }
}

#[tokio::test]
async fn the_more_bundles_boot_script_is_served_as_a_module_of_its_own() {
    // Arrange
    let app = spawn_app_with(|args| {
        let more = args.dist.join("more");
        std::fs::create_dir(&more).unwrap();
        let shell = "<script>early()</script><script type=\"module\">import init from '/more/app.js';\n\
                     const wasm = await init({ module_or_path: '/more/app_bg.wasm' });\n</script>";
        std::fs::write(more.join("index.html"), shell).unwrap();
    })
    .await;

    // Act
    let res = app.get("/more/boot.js").await;

    // Assert: the module script, not the other one, and never cached for
    // long (it names the bundle's current files).
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert_eq!(
        res.text().await.unwrap(),
        "import init from '/more/app.js';\nconst wasm = await init({ module_or_path: '/more/app_bg.wasm' });\n"
    );
}

#[tokio::test]
async fn without_a_more_bundle_its_pages_get_the_customer_app() {
    let app = spawn_app().await;
    for path in [
        "/ideas/3",
        "/login",
        "/embed/acme",
        "/account",
        "/unsubscribe?token=t&kind=digest",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.text().await.unwrap().contains("Schwarm test shell"), "{path}");
    }
}

#[tokio::test]
async fn a_member_gets_the_more_bundle_on_the_board_too() {
    // Arrange: a web app built with its `more` bundle, and a member.
    let app = spawn_app_with(|args| {
        let more = args.dist.join("more");
        std::fs::create_dir(&more).unwrap();
        std::fs::write(more.join("index.html"), "<title>Schwarm more shell</title>").unwrap();
    })
    .await;
    let visitor = app.get("/").await;
    let visitor_vary = visitor.headers()["vary"].to_str().unwrap().to_owned();
    let visitor_body = visitor.text().await.unwrap();
    app.register("member@example.com").await;

    // Act
    let mut answers = Vec::new();
    for path in ["/", "/?sort=new&q=dark", "/no/such/page"] {
        let res = app.get(path).await;
        let vary = res.headers()["vary"].to_str().unwrap().to_owned();
        answers.push((path, res.status(), vary, res.text().await.unwrap()));
    }

    // Assert: the board's bundle is the visitors'; a member (a session
    // cookie) gets the `more` bundle, and caches tell the two apart.
    assert!(visitor_body.contains("Schwarm test shell"), "{visitor_body}");
    assert!(visitor_vary.contains("cookie"), "{visitor_vary}");
    for (path, status, vary, body) in answers {
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(vary.contains("cookie"), "{path}: {vary}");
        assert!(body.contains("Schwarm more shell"), "{path}: {body}");
    }
}
