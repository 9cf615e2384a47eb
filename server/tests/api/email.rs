use crate::helpers::{assert_error, new_client, spawn_app, spawn_app_with, TestApp};
use crate::smtp_sink::{free_port, Mail, SmtpSink};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn app_mailing_to(sink_url: String) -> TestApp {
    spawn_app_with(|args| {
        args.email.smtp_url = Some(sink_url);
        args.email.public_url = Some("https://ideas.example".into());
        args.email.smtp_retry_ms = 50;
    })
    .await
}

async fn set_status(app: &TestApp, pm: &Client, idea: &Value, status: &str, response: &str) {
    let res = pm
        .put(app.url(&format!("/api/v1/ideas/{}/status", idea["id"])))
        .json(&json!({ "status": status, "response": response }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn comment(app: &TestApp, client: &Client, idea: &Value, body: &str) {
    let res = client
        .post(app.url(&format!("/api/v1/ideas/{}/comments", idea["id"])))
        .json(&json!({ "body": body }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
}

/// The token in an email's unsubscribe link.
fn token_of(mail: &Mail) -> String {
    let header = mail.list_unsubscribe.as_deref().expect("a List-Unsubscribe header");
    let url = header.trim_start_matches('<').trim_end_matches('>');
    assert!(mail.text.contains(url), "the link is in the text too");
    assert!(url.starts_with("https://ideas.example/unsubscribe?token="), "{url}");
    url.split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

async fn wants_replies(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT CAST(email_replies AS INTEGER) FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db().await)
        .await
        .unwrap()
}

fn sent_to<'a>(mails: &'a [Mail], address: &str) -> Vec<&'a Mail> {
    mails.iter().filter(|m| m.to.iter().any(|t| t == address)).collect()
}

#[tokio::test]
async fn a_status_change_emails_followers_and_the_link_unsubscribes_without_signing_in() {
    // Arrange: the author follows their idea, a voter follows what they back.
    let sink = SmtpSink::start().await;
    let app = app_mailing_to(sink.url()).await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Dark mode").await;
    let voter = new_client();
    app.register_with(&voter, "voter@example.org").await;
    let vote = voter
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();
    assert_eq!(vote.status(), StatusCode::OK);
    let pm = app.with_role("pm@example.org", "pm").await;
    // The admins' name of the status is the one the email uses.
    let admin = app.with_role("admin@example.org", "admin").await;
    let renamed = admin
        .put(app.url("/api/v1/admin/statuses/in%20progress"))
        .json(&json!({ "label_en": "Being built", "label_de": "Im Bau", "colour": "#7c3aed", "on_roadmap": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), StatusCode::OK);

    // Act
    set_status(&app, &pm, &idea, "planned", "Coming in **May**.").await;

    // Assert: both followers, not the PM, get the news with the response.
    let mail = sink.wait_for_mail("voter@example.org", "Dark mode").await;
    sink.wait_for_mail("author@example.org", "Dark mode").await;
    assert_eq!(mail.subject, "[Schwarm] “Dark mode” is now: Planned");
    assert!(mail.text.starts_with("Hello voter,"), "{}", mail.text);
    assert!(mail.text.contains("> Coming in **May**."), "{}", mail.text);
    assert!(mail
        .text
        .contains(&format!("https://ideas.example/ideas/{}", idea["id"])));
    assert!(sent_to(&sink.mails(), "pm@example.org").is_empty());

    // Act: the link's token, with no session at all.
    let res = new_client()
        .post(app.url("/api/v1/email/unsubscribe"))
        .json(&json!({ "token": token_of(&mail), "kind": "status_changes" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["preferences"]["status_changes"], false);
    assert_eq!(body["preferences"]["replies"], true);

    // Assert: the next status change reaches only the author; a comment
    // after it (queued later, so sent later) still reaches the voter.
    set_status(&app, &pm, &idea, "in progress", "").await;
    comment(&app, &pm, &idea, "Half way there.").await;
    sink.wait_for_mail("voter@example.org", "New comment").await;
    sink.wait_for_mail("author@example.org", "New comment").await;
    let mails = sink.mails();
    let to_voter: Vec<_> = sent_to(&mails, "voter@example.org")
        .iter()
        .map(|m| m.subject.clone())
        .collect();
    assert_eq!(
        to_voter,
        [
            "[Schwarm] “Dark mode” is now: Planned",
            "[Schwarm] New comment on “Dark mode”"
        ]
    );
    assert!(sent_to(&mails, "author@example.org")
        .iter()
        .any(|m| m.subject.contains("is now: Being built")));

    // A mail program's one-click unsubscribe (RFC 8058) to the link itself
    // turns emails off the same way; opening the link (GET) changes
    // nothing: it is the web app's page, which asks the API.
    let link = mail
        .list_unsubscribe
        .as_deref()
        .unwrap()
        .trim_matches(|c| c == '<' || c == '>')
        .to_owned();
    assert!(link.contains("kind=status_changes"));
    let path = link
        .trim_start_matches("https://ideas.example")
        .replace("kind=status_changes", "kind=replies");
    let opened = new_client().get(app.url(&path)).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(
        wants_replies(&app, "voter@example.org").await,
        1,
        "a GET changes nothing"
    );
    let one_click = new_client()
        .post(app.url(&path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), StatusCode::OK);
    assert_eq!(wants_replies(&app, "voter@example.org").await, 0);
}

#[tokio::test]
async fn comments_email_the_other_followers_in_their_language_unless_they_opted_out() {
    // Arrange: two commenters follow the author's idea.
    let sink = SmtpSink::start().await;
    let app = app_mailing_to(sink.url()).await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Export to CSV").await;
    let german = new_client();
    app.register_with(&german, "german@example.org").await;
    comment(&app, &german, &idea, "Bitte auch Excel.").await;
    // (Emails go to those who follow when the event is fanned out.)
    sink.wait_for_mail("author@example.org", "Bitte auch Excel.").await;
    let quiet = new_client();
    app.register_with(&quiet, "quiet@example.org").await;
    comment(&app, &quiet, &idea, "Me too").await;
    let first = sink.wait_for_mail("german@example.org", "> Me too").await;
    assert_eq!(first.subject, "[Schwarm] New comment on “Export to CSV”");
    assert!(
        first.text.contains("quiet commented on “Export to CSV”:"),
        "{}",
        first.text
    );

    // Act: one switches to German, one turns comment emails off.
    let res = german
        .put(app.url("/api/v1/me/email"))
        .json(&json!({ "status_changes": true, "replies": true, "language": "de" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = quiet
        .put(app.url("/api/v1/me/email"))
        .json(&json!({ "status_changes": true, "replies": false, "language": "en" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["replies"], false);
    let prefs = app.get_json_as(&quiet, "/api/v1/me/email").await;
    assert_eq!(
        prefs,
        json!({ "status_changes": true, "replies": false, "language": "en" })
    );
    comment(&app, &app.client, &idea, "Noted, thanks!").await;
    comment(&app, &german, &idea, "Danke").await;

    // Assert: German for the German follower, nothing for the quiet one
    // (whose emails would have been queued before the last one arrived),
    // and nobody hears of their own comment.
    let german_mail = sink.wait_for_mail("german@example.org", "Noted, thanks!").await;
    assert_eq!(german_mail.subject, "[Schwarm] Neuer Kommentar zu „Export to CSV“");
    assert!(german_mail
        .text
        .contains("author hat „Export to CSV“ kommentiert:\n\n> Noted, thanks!"));
    assert!(german_mail.text.contains("Keine E-Mails mehr zu Kommentaren"));
    sink.wait_for_mail("author@example.org", "> Danke").await;
    let mails = sink.mails();
    assert!(sent_to(&mails, "quiet@example.org").is_empty(), "{mails:#?}");
    assert!(!sent_to(&mails, "author@example.org")
        .iter()
        .any(|m| m.text.contains("Noted, thanks!")));
    assert!(!sent_to(&mails, "german@example.org")
        .iter()
        .any(|m| m.text.contains("> Danke")));
}

#[tokio::test]
async fn a_mail_server_outage_delays_email_and_loses_none() {
    // Arrange: nothing listens where the mail server should be.
    let port = free_port();
    let app = app_mailing_to(format!("smtp://{port}")).await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Offline mode").await;
    let pm = app.with_role("pm@example.org", "pm").await;

    // Act: the request does not wait for the mail server.
    set_status(&app, &pm, &idea, "planned", "").await;
    let db = app.db().await;
    let attempts = || async {
        sqlx::query_scalar::<_, i64>("SELECT CAST(MAX(attempts) AS BIGINT) FROM email_outbox WHERE sent_at IS NULL")
            .fetch_one(&db)
            .await
            .unwrap_or(0)
    };
    while attempts().await < 2 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // Assert: the mail server comes back and the queued email arrives, once.
    let sink = SmtpSink::start_on(port).await;
    let mail = sink.wait_for_mail("author@example.org", "Offline mode").await;
    assert!(mail.subject.contains("Planned"));
    let (sent, failed, tried): (i64, i64, i64) = loop {
        let row: (i64, i64, i64) =
            sqlx::query_as("SELECT COUNT(sent_at), COUNT(failed_at), CAST(MAX(attempts) AS BIGINT) FROM email_outbox")
                .fetch_one(&db)
                .await
                .unwrap();
        if row.0 == 1 {
            break row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!((sent, failed), (1, 0));
    // (The second attempt may still have been under way when the sink
    // started; the first one had surely failed.)
    assert!(tried >= 2, "a failed attempt, then the one that worked: {tried}");
    assert_eq!(sink.mails().len(), 1);
}

#[tokio::test]
async fn email_preferences_need_a_session_and_bad_tokens_are_refused() {
    let app = spawn_app().await;
    let anonymous = new_client();
    let res = anonymous.get(app.url("/api/v1/me/email")).send().await.unwrap();
    assert_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;

    app.register("someone@example.org").await;
    let prefs: Value = app.get("/api/v1/me/email").await.json().await.unwrap();
    assert_eq!(
        prefs,
        json!({ "status_changes": true, "replies": true, "language": "en" })
    );
    let bad_language = app
        .client
        .put(app.url("/api/v1/me/email"))
        .json(&json!({ "status_changes": true, "replies": true, "language": "fr" }))
        .send()
        .await
        .unwrap();
    assert_error(bad_language, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;

    let unknown = anonymous
        .post(app.url("/api/v1/email/unsubscribe"))
        .json(&json!({ "token": "not-a-real-token", "kind": "replies" }))
        .send()
        .await
        .unwrap();
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    let empty = anonymous
        .post(app.url("/api/v1/email/unsubscribe"))
        .json(&json!({ "token": " ", "kind": "replies" }))
        .send()
        .await
        .unwrap();
    let err = assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(err["error"]["fields"]["token"].is_string());
    let bad_kind = anonymous
        .post(app.url("/api/v1/email/unsubscribe"))
        .json(&json!({ "token": "abc", "kind": "everything" }))
        .send()
        .await
        .unwrap();
    assert_error(bad_kind, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
}
