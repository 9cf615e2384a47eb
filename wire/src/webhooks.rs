//! Webhooks: admins' URLs that receive signed JSON for chosen events.

use crate::validate::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};

/// The events a webhook can subscribe to.
pub const WEBHOOK_EVENTS: [&str; 4] = ["idea.created", "idea.status_changed", "comment.created", "idea.merged"];
/// The longest webhook URL.
pub const WEBHOOK_URL_MAX: usize = 2000;
/// The header with `sha256=` and the hex HMAC-SHA256 of the body, keyed
/// with the webhook's secret.
pub const SIGNATURE_HEADER: &str = "X-Schwarm-Signature";

/// `POST /api/v1/admin/webhooks`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookInput {
    /// `http://` or `https://`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub url: String,
    /// Some of `idea.created`, `idea.status_changed`, `comment.created`,
    /// `idea.merged`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub events: Vec<String>,
}

impl WebhookInput {
    pub fn validate(&self) -> Result<WebhookInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let url = self.url.trim().to_owned();
        let scheme_ok = url.starts_with("http://") || url.starts_with("https://");
        let host = url.split("://").nth(1).unwrap_or_default();
        if url.is_empty() {
            errors.insert("url", Problem::Required);
        } else if url.chars().count() > WEBHOOK_URL_MAX {
            errors.insert("url", Problem::TooLong(WEBHOOK_URL_MAX));
        } else if !scheme_ok
            || host.is_empty()
            || host.starts_with('/')
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            errors.insert("url", Problem::Invalid);
        }
        let mut events: Vec<String> = Vec::new();
        for event in &self.events {
            match WEBHOOK_EVENTS.iter().find(|e| **e == event.trim()) {
                Some(known) if !events.iter().any(|e| e == known) => events.push((*known).to_owned()),
                Some(_) => {}
                None => errors.insert("events", Problem::Invalid),
            }
        }
        if self.events.is_empty() {
            errors.insert("events", Problem::Required);
        }
        errors.into_result(WebhookInput { url, events })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Deliveries that arrived, that gave up, and that wait for a retry.
    pub delivered: i64,
    pub failed: i64,
    pub pending: i64,
}

/// The answer to creating a webhook: its secret is shown this once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookWithSecret {
    pub webhook: Webhook,
    /// The HMAC-SHA256 key of `X-Schwarm-Signature`.
    pub secret: String,
}

/// One delivery of one event to one webhook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub id: i64,
    pub event: String,
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    /// RFC 3339, UTC; set once it arrived.
    pub delivered_at: Option<String>,
    /// RFC 3339, UTC; set once it was given up.
    pub failed_at: Option<String>,
    /// RFC 3339, UTC: when the next attempt is due, while it is pending.
    pub next_attempt_at: Option<String>,
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_events_are_checked() {
        let good = WebhookInput {
            url: " https://hooks.example.com/schwarm ".into(),
            events: vec!["idea.created".into(), "idea.created".into(), "idea.merged".into()],
        };
        let checked = good.validate().unwrap();
        assert_eq!(checked.url, "https://hooks.example.com/schwarm");
        assert_eq!(checked.events, ["idea.created", "idea.merged"]);
        for url in ["ftp://x", "https://", "javascript:alert(1)", "https://a b"] {
            let bad = WebhookInput {
                url: url.into(),
                events: vec!["idea.created".into()],
            };
            assert!(bad.validate().unwrap_err().get("url").is_some(), "{url}");
        }
        let none = WebhookInput {
            url: "http://x".into(),
            events: vec![],
        };
        assert!(none.validate().unwrap_err().get("events").is_some());
        let unknown = WebhookInput {
            url: "http://x".into(),
            events: vec!["vote.cast".into()],
        };
        assert!(unknown.validate().unwrap_err().get("events").is_some());
    }
}
