use crate::helpers::{assert_error, new_client, spawn_app_with, TestApp};
use reqwest::StatusCode;
use schwarm_server::config::RateLimitArgs;
use serde_json::json;

async fn strict_app() -> TestApp {
    spawn_app_with(|args| {
        args.limits = RateLimitArgs {
            auth_burst: 1000,
            post_burst: 3,
            post_refill_seconds: 600,
            vote_burst: 4,
            vote_refill_seconds: 600,
            ..RateLimitArgs::default()
        }
    })
    .await
}

#[tokio::test]
async fn posting_ideas_and_comments_is_limited_per_account() {
    // Arrange
    let app = strict_app().await;
    app.register("eager@example.org").await;
    let idea = app.create_idea("First").await;
    app.create_idea("Second").await;
    let comment = app
        .post(
            &format!("/api/v1/ideas/{}/comments", idea["id"]),
            json!({ "body": "Third post" }),
        )
        .await;
    assert_eq!(comment.status(), StatusCode::CREATED);

    // Act: the fourth post within the burst.
    let res = app
        .post("/api/v1/ideas", json!({ "title": "Fourth idea", "body": "" }))
        .await;

    // Assert: refused with a wait; another account may still post.
    let retry_after: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    assert_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let other = new_client();
    app.register_with(&other, "patient@example.org").await;
    assert_eq!(
        app.create_idea_as(&other, "Someone else's idea").await["title"],
        "Someone else's idea"
    );
    let nothing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE title = 'Fourth idea'")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(nothing, 0);
}

#[tokio::test]
async fn votes_are_limited_per_account_and_reading_is_not() {
    let app = strict_app().await;
    app.register("voter@example.org").await;
    let idea = app.create_idea("Toggle me").await;
    let url = app.url(&format!("/api/v1/ideas/{}/vote", idea["id"]));
    for on in [true, false, true, false] {
        let req = if on {
            app.client.put(&url)
        } else {
            app.client.delete(&url)
        };
        assert_eq!(req.send().await.unwrap().status(), StatusCode::OK);
    }

    let limited = app.client.put(&url).send().await.unwrap();

    assert_error(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(
        app.get(&format!("/api/v1/ideas/{}", idea["id"])).await.status(),
        StatusCode::OK
    );
}
