//! The trends dashboard's numbers, on data with known timestamps.

use crate::helpers::{new_client, spawn_app};
use serde_json::{json, Value};

const DAY: i64 = 24 * 60 * 60 * 1000;

#[tokio::test]
async fn trends_count_per_day_find_rising_ideas_words_and_tags_and_who_took_part() {
    // Arrange: ideas and votes now and in the previous week (moved back in
    // time in the database), a member who only signs in.
    let app = spawn_app().await;
    app.web_board().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let mut ids = Vec::new();
    for (title, tags) in [
        ("Dark mode for reports", ["UX"]),
        ("Dark theme everywhere", ["UX"]),
        ("CSV export", ["Reporting"]),
    ] {
        let idea: Value = pm
            .post(app.url("/api/v1/ideas"))
            .json(&json!({ "title": title, "board": "web", "tags": tags }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        ids.push(idea["id"].as_i64().unwrap());
    }
    let mut voters = Vec::new();
    for k in 0..4 {
        let voter = new_client();
        app.register_with(&voter, &format!("voter{k}@example.org")).await;
        voters.push(voter);
    }
    // Votes now: three for "Dark theme", one for "CSV export".
    for voter in &voters[..3] {
        voter
            .put(app.url(&format!("/api/v1/ideas/{}/vote", ids[1])))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
    }
    voters[3]
        .put(app.url(&format!("/api/v1/ideas/{}/vote", ids[2])))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let db = app.db().await;
    // "CSV export" and its vote belong to the week before.
    for table in ["ideas", "votes"] {
        let column = if table == "ideas" { "id" } else { "idea_id" };
        sqlx::query(&format!(
            "UPDATE {table} SET created_at = created_at - $1 WHERE {column} = $2"
        ))
        .bind(8 * DAY)
        .bind(ids[2])
        .execute(&db)
        .await
        .unwrap();
    }
    let lurker = new_client();
    app.register_with(&lurker, "lurker@example.org").await;

    // Act
    let trends: Value = pm
        .get(app.url("/api/v1/triage/trends?days=7"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    // Assert
    assert_eq!(trends["days"], 7);
    let daily = trends["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 7);
    let total = |field: &str| daily.iter().map(|d| d[field].as_i64().unwrap()).sum::<i64>();
    assert_eq!((total("ideas"), total("votes"), total("comments")), (2, 3, 0));
    // Oldest first, ending with today (the period ends at tomorrow's midnight).
    let days: Vec<&str> = daily.iter().map(|d| d["day"].as_str().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
    assert!(trends["to"].as_str().unwrap() > days[6]);
    assert_eq!(trends["from"].as_str().unwrap()[..10], *days[0]);
    let rising = &trends["rising_ideas"][0];
    assert_eq!(rising["idea"]["id"], ids[1]);
    assert_eq!(
        (rising["votes"].clone(), rising["votes_before"].clone()),
        (json!(3), json!(0))
    );
    assert_eq!(trends["rising_words"][0]["term"], "dark");
    assert_eq!(trends["rising_words"][0]["count"], 2);
    assert_eq!(trends["rising_tags"][0]["term"], "UX");
    let people = &trends["participation"];
    // The PM posted, three voted now (the fourth vote is last week's).
    assert_eq!(people["posted"], 1);
    assert_eq!(people["voted"], 3);
    assert_eq!(people["contributors"], 4);
    // The fourth voter and the lurker were signed in and did nothing now.
    assert_eq!(people["only_signed_in"], 2);
    let bad = pm.get(app.url("/api/v1/triage/trends?days=0")).send().await.unwrap();
    assert_eq!(bad.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
}
