use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn idea(app: &TestApp, title: &str, body: &str) {
    let res = app.post("/api/v1/ideas", json!({ "title": title, "body": body })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn search_finds_words_and_prefixes_with_title_matches_first() {
    let app = spawn_app().await;
    app.register("finder@example.org").await;
    idea(&app, "Export reports to CSV", "Spreadsheets please").await;
    idea(&app, "Night theme", "A dark mode for the evening").await;
    idea(&app, "Dark mode everywhere", "Also in the mobile app").await;
    idea(&app, "Keyboard shortcuts", "For power users").await;

    let dark: Value = app.get("/api/v1/ideas?q=dark%20mode").await.json().await.unwrap();
    assert_eq!(
        titles(&dark),
        ["Dark mode everywhere", "Night theme"],
        "a title match outranks a description match"
    );
    let prefix: Value = app.get("/api/v1/ideas?q=exp").await.json().await.unwrap();
    assert_eq!(titles(&prefix), ["Export reports to CSV"]);
    let all_words: Value = app.get("/api/v1/ideas?q=dark%20keyboard").await.json().await.unwrap();
    assert_eq!(titles(&all_words), Vec::<String>::new(), "every word must match");
    let umlaut: Value = app.get("/api/v1/ideas?q=MOBILE").await.json().await.unwrap();
    assert_eq!(titles(&umlaut), ["Dark mode everywhere"], "case does not matter");

    // Query syntax in the text is just text.
    for q in [
        "%22dark%22%20-OR*",
        "dark%3A*%20%26%20(",
        "NEAR(dark)",
        "%27%3B%20DROP%20TABLE%20ideas",
    ] {
        let res = app.get(&format!("/api/v1/ideas?q={q}")).await;
        assert_eq!(res.status(), StatusCode::OK, "{q}");
    }
    // Search combines with a sort and a filter.
    let top: Value = app
        .get("/api/v1/ideas?q=dark&sort=new&status=open")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(titles(&top), ["Dark mode everywhere", "Night theme"]);
}

#[tokio::test]
async fn relevance_needs_a_query_and_long_queries_are_refused() {
    let app = spawn_app().await;
    let res = app.get("/api/v1/ideas?sort=relevance").await;
    let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(err["error"]["fields"]["sort"].is_string());
    let res = app.get(&format!("/api/v1/ideas?q={}", "a".repeat(201))).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let res = app.get(&format!("/api/v1/ideas/similar?q={}", "a".repeat(201))).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
}

#[tokio::test]
async fn similar_ideas_match_any_word_and_show_votes() {
    let app = spawn_app().await;
    app.register("dup@example.org").await;
    idea(&app, "Dark mode", "").await;
    idea(&app, "Darker icons", "").await;
    idea(&app, "Export to PDF", "").await;
    for n in 0..6 {
        idea(&app, &format!("Theme number {n}"), "").await;
    }
    app.client.put(app.url("/api/v1/ideas/1/vote")).send().await.unwrap();

    let hints: Value = app
        .get("/api/v1/ideas/similar?q=dark%20mode%20them")
        .await
        .json()
        .await
        .unwrap();
    let items = hints["items"].as_array().unwrap();
    assert_eq!(items.len(), 5, "at most five");
    assert_eq!(items[0]["title"], "Dark mode", "the idea matching most words leads");
    assert_eq!(items[0]["vote_count"], 1);
    assert_eq!(items[0]["voted"], true);
    for title in titles(&hints) {
        let t = title.to_lowercase();
        assert!(
            t.contains("dark") || t.contains("mode") || t.contains("them"),
            "{title} matches a word"
        );
    }
    let nothing: Value = app.get("/api/v1/ideas/similar?q=%20%21%21").await.json().await.unwrap();
    assert_eq!(nothing["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn search_across_ten_thousand_ideas_returns_the_relevant_ones_first() {
    let app = spawn_app().await;
    let user = app.register("bulk@example.org").await;
    let db = app.db().await;
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    ];
    let mut tx = db.begin().await.unwrap();
    for n in 0..10_000usize {
        let title = format!("{} {} {}", words[n % 10], words[(n / 10) % 10], words[(n / 100) % 10]);
        sqlx::query(
            "INSERT INTO ideas (author_id, board_id, title, body_md, created_at, updated_at, trend)
             VALUES ($1, (SELECT MIN(id) FROM boards), $2, $3, $4, $4, 1.0)",
        )
        .bind(user["id"].as_i64().unwrap())
        .bind(title)
        .bind(format!("Filler text number {n} about {}", words[(n / 1000) % 10]))
        .bind(1_700_000_000_000i64 + n as i64)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    idea(&app, "Offline mode for the mobile app", "Work without a connection").await;
    idea(
        &app,
        "Sync when back online",
        "The mobile app should catch up after being offline",
    )
    .await;

    let page: Value = app.get("/api/v1/ideas?q=offline%20mobile").await.json().await.unwrap();

    assert_eq!(
        titles(&page),
        ["Offline mode for the mobile app", "Sync when back online"]
    );
    let page: Value = app
        .get("/api/v1/ideas?q=alpha%20bravo%20charlie&limit=5")
        .await
        .json()
        .await
        .unwrap();
    for title in titles(&page) {
        assert!(
            ["alpha", "bravo", "charlie"].iter().all(|w| title.contains(w)),
            "{title} has every word"
        );
    }
    assert!(page["next_cursor"].is_string());
}

#[tokio::test]
async fn a_search_whose_best_matches_are_all_hidden_still_finds_the_visible_ones() {
    // Arrange: 700 hidden ideas match best (more than the first page's
    // candidates, `SEARCH_CANDIDATES`); three visible ones match weakly.
    let app = spawn_app().await;
    let user = app.register("bulk@example.org").await;
    let db = app.db().await;
    let mut tx = db.begin().await.unwrap();
    for n in 0..700i64 {
        sqlx::query(
            "INSERT INTO ideas (author_id, board_id, title, body_md, created_at, updated_at, trend, hidden_at)
             VALUES ($1, (SELECT MIN(id) FROM boards), 'Zebra zebra zebra', 'zebra', $2, $2, 1.0, $2)",
        )
        .bind(user["id"].as_i64().unwrap())
        .bind(1_700_000_000_000i64 + n)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    for title in ["Striped themes", "Striped icons", "Striped charts"] {
        idea(&app, title, "Like a zebra, long text around it so that it ranks low").await;
    }

    // Act: a visitor searches, two per page.
    let visitor = new_client();
    let first = app.get_json_as(&visitor, "/api/v1/ideas?q=zebra&limit=2").await;
    let cursor = first["next_cursor"].as_str().expect("a second page").to_owned();
    let second = app
        .get_json_as(&visitor, &format!("/api/v1/ideas?q=zebra&limit=2&cursor={cursor}"))
        .await;

    // Assert
    let mut found = titles(&first);
    found.extend(titles(&second));
    found.sort();
    assert_eq!(found, ["Striped charts", "Striped icons", "Striped themes"]);
}
