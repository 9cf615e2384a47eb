use crate::helpers::{assert_error, new_client, spawn_app_with, TestApp, PASSWORD};
use futures::future::join_all;
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

#[tokio::test]
async fn parallel_votes_refuse_only_the_account_over_its_limit() {
    // Arrange: votes arriving together are written in one transaction
    // (`service::vote_queue`); each still takes its own buckets.
    let app = spawn_app_with(|args| {
        args.limits = RateLimitArgs {
            auth_burst: 1000,
            vote_burst: 4,
            vote_refill_seconds: 600,
            ..RateLimitArgs::default()
        }
    })
    .await;
    app.register("owner@example.org").await;
    let mut ideas = Vec::new();
    for n in 0..8 {
        ideas.push(app.create_idea(&format!("Idea number {n}")).await["id"].clone());
    }
    let calm = [new_client(), new_client()];
    for (n, client) in calm.iter().enumerate() {
        app.register_with(client, &format!("calm{n}@example.org")).await;
    }

    // Act: the owner votes on all eight at once (the burst is four); the
    // two others vote twice each in between.
    let owner = ideas.iter().map(|id| {
        let url = app.url(&format!("/api/v1/ideas/{id}/vote"));
        app.client.put(url).send()
    });
    let app = &app;
    let others = calm.iter().flat_map(|client| {
        ideas[..2]
            .iter()
            .map(move |id| client.put(app.url(&format!("/api/v1/ideas/{id}/vote"))).send())
    });
    let (owner, others) = tokio::join!(join_all(owner), join_all(others));

    // Assert
    let statuses: Vec<StatusCode> = owner.into_iter().map(|r| r.unwrap().status()).collect();
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let limited = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((ok, limited), (4, 4), "{statuses:?}");
    for res in others {
        assert_eq!(res.unwrap().status(), StatusCode::OK);
    }
    let (votes, counted): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM votes), (SELECT CAST(SUM(vote_count) AS BIGINT) FROM ideas)")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert_eq!((votes, counted), (8, 8));
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_address() {
    let app = spawn_app_with(|args| {
        args.limits = RateLimitArgs {
            auth_burst: 3,
            auth_refill_seconds: 60,
            ..RateLimitArgs::default()
        }
    })
    .await;
    let attempt = || {
        new_client()
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": "guess@example.org", "password": "guess-guess-guess" }))
            .send()
    };
    for _ in 0..3 {
        assert_eq!(attempt().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    }

    let limited = attempt().await.unwrap();

    let retry_after: u64 = limited.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_error(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let register = new_client()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "new@example.org", "password": PASSWORD, "display_name": "New" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        register.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "registration shares the limit"
    );
    // Reading is not limited.
    assert_eq!(app.get("/api/v1/ideas").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn two_instances_on_one_database_share_the_sign_in_limit() {
    // Arrange: B shares A's database and limits; each allows 4 at once.
    let limited = |args: &mut schwarm_server::config::ServeArgs| {
        args.limits = RateLimitArgs {
            auth_burst: 4,
            auth_refill_seconds: 60,
            ..RateLimitArgs::default()
        }
    };
    let a = spawn_app_with(limited).await;
    let url = a.database_url.clone();
    let b = spawn_app_with(move |args| {
        limited(args);
        args.db.database_url = url;
    })
    .await;
    let attempt = |app: &TestApp| {
        new_client()
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": "guess@example.org", "password": "guess-guess-guess" }))
            .send()
    };

    // Act: the attempts alternate between the instances.
    let mut statuses = Vec::new();
    for app in [&a, &b, &a, &b, &a, &b] {
        statuses.push(attempt(app).await.unwrap().status());
    }

    // Assert: four in all got through, not four on each.
    use StatusCode as S;
    let four_then_limited = [
        S::UNAUTHORIZED,
        S::UNAUTHORIZED,
        S::UNAUTHORIZED,
        S::UNAUTHORIZED,
        S::TOO_MANY_REQUESTS,
        S::TOO_MANY_REQUESTS,
    ];
    assert_eq!(statuses, four_then_limited);
}

#[tokio::test]
async fn guessing_one_accounts_password_from_many_addresses_is_limited_too() {
    // Arrange: addresses come from a proxy header, so each attempt has its own.
    let app = spawn_app_with(|args| {
        args.limits = RateLimitArgs {
            auth_burst: 3,
            auth_refill_seconds: 60,
            client_ip_header: Some("x-forwarded-for".into()),
            ..RateLimitArgs::default()
        }
    })
    .await;
    let attempt = |n: u32, email: &'static str| {
        new_client()
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", format!("203.0.113.{n}"))
            .json(&json!({ "email": email, "password": "guess-guess-guess" }))
            .send()
    };
    for n in 0..3 {
        assert_eq!(
            attempt(n, "victim@example.org").await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }

    // Act: a fourth address tries the same account, a fifth another account.
    let same_account = attempt(3, "VICTIM@example.org ").await.unwrap();
    let other_account = attempt(4, "someone@example.org").await.unwrap();

    // Assert
    assert_error(same_account, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(other_account.status(), StatusCode::UNAUTHORIZED);
}
