//! The text of follower emails, in English and German. Plain text only: it
//! reads everywhere, and user text needs no HTML escaping.

use schwarm_wire::{EmailKind, EmailLanguage};

/// What an email says, before it is addressed.
#[derive(Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
    /// Opens the unsubscribe page for this kind of email.
    pub unsubscribe_url: String,
}

/// The facts an email is written from.
pub struct Facts<'a> {
    /// The outbox event kind: `idea.status_changed` or `comment.created`.
    pub event_kind: &'a str,
    pub language: EmailLanguage,
    pub recipient_name: &'a str,
    pub idea_id: i64,
    pub idea_title: &'a str,
    pub actor_name: Option<&'a str>,
    /// The status event's JSON payload, or the comment's text.
    pub detail: Option<&'a str>,
    /// The admins' name of the new status in the email's language, if they
    /// named it (else the built-in name, or the key).
    pub status_name: Option<&'a str>,
    /// Where the board is reached, without a trailing slash.
    pub public_url: &'a str,
    pub token: &'a str,
}

pub fn kind_of(event_kind: &str) -> Option<EmailKind> {
    match event_kind {
        "idea.status_changed" => Some(EmailKind::StatusChanges),
        "comment.created" => Some(EmailKind::Replies),
        _ => None,
    }
}

fn status_label(status: &str, language: EmailLanguage) -> &str {
    let de = language == EmailLanguage::De;
    match status {
        "open" if de => "Offen",
        "under review" if de => "In Prüfung",
        "planned" if de => "Geplant",
        "in progress" if de => "In Arbeit",
        "done" if de => "Erledigt",
        "declined" if de => "Abgelehnt",
        other => other,
    }
}

/// `None` for an event kind that is never emailed.
pub fn compose(facts: &Facts<'_>) -> Option<Letter> {
    let kind = kind_of(facts.event_kind)?;
    let de = facts.language == EmailLanguage::De;
    let actor = facts
        .actor_name
        .filter(|n| !n.is_empty())
        .unwrap_or(if de { "Jemand" } else { "Someone" });
    let title = facts.idea_title;
    let idea_url = format!("{}/ideas/{}", facts.public_url, facts.idea_id);
    let unsubscribe_url = format!(
        "{}/unsubscribe?token={}&kind={}",
        facts.public_url,
        facts.token,
        kind.as_str()
    );
    let (subject, what) = match kind {
        EmailKind::StatusChanges => {
            let payload: serde_json::Value = facts
                .detail
                .and_then(|d| serde_json::from_str(d).ok())
                .unwrap_or_default();
            let status = facts
                .status_name
                .unwrap_or_else(|| status_label(payload["status"].as_str().unwrap_or(""), facts.language));
            let response = payload["response"].as_str().map(str::trim).filter(|r| !r.is_empty());
            let mut what = if de {
                format!("{actor} hat den Status von „{title}“ auf „{status}“ gesetzt.")
            } else {
                format!("{actor} set the status of “{title}” to “{status}”.")
            };
            if let Some(response) = response {
                what.push_str("\n\n");
                what.push_str(&quote(response));
            }
            let subject = if de {
                format!("„{title}“ ist jetzt: {status}")
            } else {
                format!("“{title}” is now: {status}")
            };
            (subject, what)
        }
        EmailKind::Replies => {
            let mut what = if de {
                format!("{actor} hat „{title}“ kommentiert:")
            } else {
                format!("{actor} commented on “{title}”:")
            };
            what.push_str("\n\n");
            what.push_str(&quote(facts.detail.unwrap_or("")));
            let subject = if de {
                format!("Neuer Kommentar zu „{title}“")
            } else {
                format!("New comment on “{title}”")
            };
            (subject, what)
        }
    };
    let (hello, open, why, stop) = if de {
        (
            "Hallo",
            "Zur Idee",
            "Du bekommst diese E-Mail, weil du dieser Idee folgst.",
            match kind {
                EmailKind::StatusChanges => "Keine E-Mails mehr zu Statusänderungen",
                EmailKind::Replies => "Keine E-Mails mehr zu Kommentaren",
            },
        )
    } else {
        (
            "Hello",
            "Open the idea",
            "You get this email because you follow this idea.",
            match kind {
                EmailKind::StatusChanges => "Stop emails about status changes",
                EmailKind::Replies => "Stop emails about comments",
            },
        )
    };
    let body = format!(
        "{hello} {name},\n\n{what}\n\n{open}: {idea_url}\n\n-- \n{why}\n{stop}: {unsubscribe_url}\n",
        name = facts.recipient_name,
    );
    Some(Letter {
        subject: format!("[Schwarm] {subject}"),
        body,
        unsubscribe_url,
    })
}

/// Quotes user text as an email reply would: each line after "> ".
fn quote(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(event_kind: &'a str, language: EmailLanguage, detail: &'a str) -> Facts<'a> {
        Facts {
            event_kind,
            language,
            recipient_name: "Ada",
            idea_id: 7,
            idea_title: "Dark mode",
            actor_name: Some("Pia PM"),
            detail: Some(detail),
            status_name: None,
            public_url: "https://ideas.example",
            token: "tok",
        }
    }

    #[test]
    fn a_status_change_names_the_new_status_and_quotes_the_response() {
        let detail = r#"{"status":"planned","response":"Coming in May.\nStay tuned."}"#;
        let letter = compose(&facts("idea.status_changed", EmailLanguage::En, detail)).unwrap();
        assert_eq!(letter.subject, "[Schwarm] “Dark mode” is now: planned");
        assert!(letter
            .body
            .contains("Pia PM set the status of “Dark mode” to “planned”."));
        assert!(letter.body.contains("> Coming in May.\n> Stay tuned."));
        assert!(letter.body.contains("https://ideas.example/ideas/7"));
        assert_eq!(
            letter.unsubscribe_url,
            "https://ideas.example/unsubscribe?token=tok&kind=status_changes"
        );
    }

    #[test]
    fn german_letters_use_german_words_and_status_labels() {
        let letter = compose(&facts(
            "idea.status_changed",
            EmailLanguage::De,
            r#"{"status":"in progress"}"#,
        ))
        .unwrap();
        assert_eq!(letter.subject, "[Schwarm] „Dark mode“ ist jetzt: In Arbeit");
        assert!(letter.body.starts_with("Hallo Ada,"));
        let reply = compose(&facts("comment.created", EmailLanguage::De, "Gute Idee")).unwrap();
        assert!(reply
            .body
            .contains("Pia PM hat „Dark mode“ kommentiert:\n\n> Gute Idee"));
        assert!(reply.unsubscribe_url.ends_with("kind=replies"));
    }

    #[test]
    fn other_events_are_not_mailed() {
        assert_eq!(compose(&facts("vote.cast", EmailLanguage::En, "")), None);
    }
}
