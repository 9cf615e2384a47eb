//! Admins' webhooks: register, list with delivery counts, remove, and the
//! log of deliveries.

use crate::domain::time::{now_ms, rfc3339};
use crate::domain::token;
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store::{DeliveryRow, WebhookRow};
use schwarm_wire::{Delivery, Webhook, WebhookInput, WebhookWithSecret};

/// How many deliveries the log shows.
pub const DELIVERIES_SHOWN: u32 = 50;

fn to_wire(row: WebhookRow) -> Webhook {
    Webhook {
        id: row.id,
        url: row.url,
        events: row.events.split_whitespace().map(str::to_owned).collect(),
        created_at: rfc3339(row.created_at),
        delivered: row.delivered,
        failed: row.failed,
        pending: row.pending,
    }
}

pub async fn list(state: &AppState) -> Result<Vec<Webhook>> {
    Ok(state.store.webhooks().await?.into_iter().map(to_wire).collect())
}

pub async fn create(state: &AppState, input: WebhookInput) -> Result<WebhookWithSecret> {
    let input = input.validate().map_err(Error::Validation)?;
    let secret = token::new_token();
    let id = state
        .store
        .insert_webhook(&input.url, &secret, &input.events, now_ms())
        .await?;
    let webhook = list(state)
        .await?
        .into_iter()
        .find(|w| w.id == id)
        .ok_or(Error::NotFound)?;
    Ok(WebhookWithSecret { webhook, secret })
}

pub async fn delete(state: &AppState, id: i64) -> Result<()> {
    match state.store.delete_webhook(id).await? {
        true => Ok(()),
        false => Err(Error::NotFound),
    }
}

pub async fn deliveries(state: &AppState, id: i64) -> Result<Vec<Delivery>> {
    if !state.store.webhooks().await?.iter().any(|w| w.id == id) {
        return Err(Error::NotFound);
    }
    let rows = state.store.deliveries(id, DELIVERIES_SHOWN).await?;
    Ok(rows.into_iter().map(delivery_to_wire).collect())
}

fn delivery_to_wire(row: DeliveryRow) -> Delivery {
    let pending = row.delivered_at.is_none() && row.failed_at.is_none();
    Delivery {
        id: row.id,
        event: row.event,
        attempts: row.attempts,
        last_status: row.last_status,
        last_error: row.last_error,
        delivered_at: row.delivered_at.map(rfc3339),
        failed_at: row.failed_at.map(rfc3339),
        next_attempt_at: pending.then(|| rfc3339(row.next_attempt_at)),
        created_at: rfc3339(row.created_at),
    }
}
