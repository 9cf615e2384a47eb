use crate::helpers::{assert_error, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_new_board_has_a_general_board_to_post_to() {
    let app = spawn_app().await;
    let boards: Value = app.get("/api/v1/boards").await.json().await.unwrap();
    assert_eq!(boards.as_array().unwrap().len(), 1);
    assert_eq!(boards[0]["slug"], "general");
    app.register("first@example.org").await;
    let idea = app.create_idea("Goes to the first board").await;
    assert_eq!(idea["board"]["slug"], "general");
    assert_eq!(idea["tags"], json!([]));
}

#[tokio::test]
async fn ideas_belong_to_a_board_and_carry_its_tags() {
    let app = spawn_app().await;
    app.web_board().await;
    app.register("tagger@example.org").await;

    let board: Value = app.get("/api/v1/boards/web").await.json().await.unwrap();
    assert_eq!(board["name"], "Web app");
    assert_eq!(board["tags"].as_array().unwrap().len(), 6);
    assert_error(app.get("/api/v1/boards/nope").await, StatusCode::NOT_FOUND, "not_found").await;

    let res = app
        .post(
            "/api/v1/ideas",
            json!({ "title": "Faster charts", "body": "", "board": "web", "tags": ["Performance", "Reporting"] }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let idea: Value = res.json().await.unwrap();
    assert_eq!(idea["board"], json!({ "slug": "web", "name": "Web app" }));
    let names: Vec<_> = idea["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Performance", "Reporting"]);
    app.post(
        "/api/v1/ideas",
        json!({ "title": "Untagged web idea", "body": "", "board": "web" }),
    )
    .await;
    app.create_idea("General idea").await;

    let on_web: Value = app.get("/api/v1/ideas?board=web").await.json().await.unwrap();
    assert_eq!(on_web["items"].as_array().unwrap().len(), 2);
    let tagged: Value = app
        .get("/api/v1/ideas?board=web&tag=Performance")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tagged["items"].as_array().unwrap().len(), 1);
    assert_eq!(tagged["items"][0]["title"], "Faster charts");
    let general: Value = app.get("/api/v1/ideas?board=general").await.json().await.unwrap();
    assert_eq!(general["items"][0]["title"], "General idea");
}

#[tokio::test]
async fn unknown_boards_and_tags_and_too_many_tags_are_refused() {
    let app = spawn_app().await;
    app.web_board().await;
    app.register("strict@example.org").await;
    let cases = [
        (json!({ "title": "No such board", "board": "nope" }), "board"),
        (
            json!({ "title": "No such tag", "board": "web", "tags": ["Nope"] }),
            "tags",
        ),
        (json!({ "title": "Tag of another board", "tags": ["UX"] }), "tags"),
        (
            json!({ "title": "Six tags", "board": "web", "tags": ["UX", "Performance", "Security", "Reporting", "Integrations", "Mobile"] }),
            "tags",
        ),
    ];
    for (body, field) in cases {
        let res = app.post("/api/v1/ideas", body.clone()).await;
        let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert!(err["error"]["fields"][field].is_string(), "{body}: {err}");
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(count, 0);
}
