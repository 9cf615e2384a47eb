use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use futures::future::join_all;
use reqwest::{Client, StatusCode};
use serde_json::Value;

async fn vote(app: &TestApp, client: &Client, id: &Value, on: bool) -> reqwest::Response {
    let url = app.url(&format!("/api/v1/ideas/{id}/vote"));
    let req = if on { client.put(url) } else { client.delete(url) };
    req.send().await.unwrap()
}

async fn stored_counts(app: &TestApp) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT i.id, i.vote_count, (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id) FROM ideas i ORDER BY i.id",
    )
    .fetch_all(&app.db().await)
    .await
    .unwrap()
}

#[tokio::test]
async fn voting_and_unvoting_are_idempotent() {
    let app = spawn_app().await;
    app.register("voter@example.org").await;
    let idea = app.create_idea("Vote on me").await;

    let mut answers = Vec::new();
    for on in [true, true, false, false, true] {
        let res = vote(&app, &app.client, &idea["id"], on).await;
        assert_eq!(res.status(), StatusCode::OK);
        answers.push(res.json::<Value>().await.unwrap());
    }

    let expected = [(1, true), (1, true), (0, false), (0, false), (1, true)];
    for (answer, (count, voted)) in answers.iter().zip(expected) {
        assert_eq!(answer["vote_count"], count, "{answers:?}");
        assert_eq!(answer["voted"], voted, "{answers:?}");
    }
    let idea: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(idea["vote_count"], 1);
    assert_eq!(idea["voted"], true);
    let events: Vec<String> = sqlx::query_scalar("SELECT kind FROM events WHERE kind LIKE 'vote.%' ORDER BY id")
        .fetch_all(&app.db().await)
        .await
        .unwrap();
    assert_eq!(
        events,
        ["vote.cast", "vote.withdrawn", "vote.cast"],
        "one event per real change"
    );
}

#[tokio::test]
async fn voting_needs_a_session_and_an_existing_idea() {
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Some idea").await;

    let anonymous = vote(&app, &new_client(), &idea["id"], true).await;
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let missing = vote(&app, &app.client, &Value::from(999), true).await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    let missing = vote(&app, &app.client, &Value::from(999), false).await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(stored_counts(&app).await, vec![(idea["id"].as_i64().unwrap(), 0, 0)]);
}

#[tokio::test]
async fn a_hundred_parallel_identical_votes_count_once() {
    let app = spawn_app().await;
    app.register("eager@example.org").await;
    let idea = app.create_idea("Popular").await;

    let answers = join_all((0..100).map(|_| vote(&app, &app.client, &idea["id"], true))).await;

    for res in answers {
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(stored_counts(&app).await, vec![(idea["id"].as_i64().unwrap(), 1, 1)]);
}

#[tokio::test]
async fn parallel_random_votes_leave_every_counter_equal_to_its_rows() {
    let app = spawn_app().await;
    app.register("owner@example.org").await;
    let ideas = [
        app.create_idea("Idea A").await,
        app.create_idea("Idea B").await,
        app.create_idea("Idea C").await,
    ];
    let mut voters = Vec::new();
    for n in 0..50 {
        let client = new_client();
        app.register_with(&client, &format!("crowd{n}@example.org")).await;
        voters.push(client);
    }

    // A fixed pseudo-random plan, so a failure can be replayed.
    let mut seed: u64 = 0x5eed;
    let mut plan = Vec::new();
    for _ in 0..1000 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        plan.push((
            (seed >> 33) as usize % voters.len(),
            (seed >> 20) as usize % ideas.len(),
            (seed >> 10) & 1 == 1,
        ));
    }
    let answers = join_all(
        plan.iter()
            .map(|&(v, i, on)| vote(&app, &voters[v], &ideas[i]["id"], on)),
    )
    .await;

    for res in answers {
        assert_eq!(res.status(), StatusCode::OK);
    }
    for (id, counter, rows) in stored_counts(&app).await {
        assert_eq!(counter, rows, "idea {id}: stored counter equals vote rows");
    }
}

#[tokio::test]
async fn voters_are_listed_newest_first_by_name_only() {
    let app = spawn_app().await;
    app.register("owner@example.org").await;
    let idea = app.create_idea("Popular idea").await;
    for name in ["ann", "ben", "cai"] {
        let client = new_client();
        app.register_with(&client, &format!("{name}@example.org")).await;
        vote(&app, &client, &idea["id"], true).await;
    }

    let res = app.get(&format!("/api/v1/ideas/{}/voters", idea["id"])).await;

    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.unwrap();
    assert!(!text.contains("@example.org"), "no emails: {text}");
    let voters: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(voters["total"], 3);
    let names: Vec<_> = voters["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["cai", "ben", "ann"]);
    assert_error(
        app.get("/api/v1/ideas/999/voters").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn one_idea_marks_its_viewers_own_vote_and_follow_only() {
    // Arrange: a voter (who follows by voting), another member, a visitor.
    let app = spawn_app().await;
    app.register("voter@example.org").await;
    let idea = app.create_idea("Marked for its viewer").await;
    let other = new_client();
    app.register_with(&other, "other@example.org").await;
    let voted = vote(&app, &other, &idea["id"], true).await;
    assert_eq!(voted.status(), StatusCode::OK);
    let path = format!("/api/v1/ideas/{}", idea["id"]);

    // Act
    let as_other = app.get_json_as(&other, &path).await;
    let as_author = app.get_json_as(&app.client, &path).await;
    let as_visitor: Value = app.get_json_as(&Client::new(), &path).await;

    // Assert
    assert_eq!(
        (&as_other["voted"], &as_other["following"]),
        (&Value::Bool(true), &Value::Bool(true))
    );
    assert_eq!(as_author["voted"], false, "the author did not vote");
    assert_eq!(as_author["following"], true, "authors follow their ideas");
    assert_eq!(
        (&as_visitor["voted"], &as_visitor["following"]),
        (&Value::Bool(false), &Value::Bool(false))
    );
    assert_eq!(as_visitor["vote_count"], 1);
}
