//! What product managers and admins do: statuses, roles, merges and the
//! prioritised lists.

use crate::domain::cursor::Cursor;
use crate::domain::page::page_of;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result, ResultExt};
use crate::service::ideas::{self, ListParams};
use crate::state::AppState;
use crate::store::{IdeaRow, MergeOutcome, RoleOutcome, StatusRow, TriageOrder, TriageQueue, TriageView};
use schwarm_wire::error::codes;
use schwarm_wire::triage::priority;
use schwarm_wire::{
    Idea, Member, MergeRequest, Page, PriorityInput, Problem, Role, RoleChange, StatusDef, StatusInput, StatusOrder,
    TagsChange, TriageIdea,
};
use serde::Deserialize;

fn status_to_wire(row: StatusRow) -> StatusDef {
    StatusDef {
        key: row.key,
        label_en: row.label_en,
        label_de: row.label_de,
        colour: row.colour,
        position: row.position,
        on_roadmap: row.on_roadmap,
        closed: row.closed,
    }
}

pub async fn statuses(state: &AppState) -> Result<Vec<StatusDef>> {
    Ok(state.store.statuses().await?.into_iter().map(status_to_wire).collect())
}

pub async fn add_status(state: &AppState, input: StatusInput) -> Result<Vec<StatusDef>> {
    let input = input.validate(true).map_err(Error::Validation)?;
    state
        .store
        .insert_status(&input)
        .await
        .on_unique_violation(codes::STATUS_TAKEN, "a status with this key exists already")?;
    statuses(state).await
}

pub async fn edit_status(state: &AppState, key: &str, input: StatusInput) -> Result<Vec<StatusDef>> {
    let input = input.validate(false).map_err(Error::Validation)?;
    if !state.store.update_status(key, &input).await? {
        return Err(Error::NotFound);
    }
    statuses(state).await
}

pub async fn reorder_statuses(state: &AppState, order: StatusOrder) -> Result<Vec<StatusDef>> {
    if !state.store.reorder_statuses(&order.keys).await? {
        return Err(Error::invalid("keys", Problem::Invalid));
    }
    statuses(state).await
}

/// How many accounts the admins' list shows at once.
pub const MEMBERS_SHOWN: u32 = 200;

pub async fn members(state: &AppState, search: Option<&str>) -> Result<Vec<Member>> {
    let search = search.map(str::trim).filter(|s| !s.is_empty());
    if search.is_some_and(|s| s.chars().count() > ideas::QUERY_MAX) {
        return Err(Error::invalid("q", Problem::TooLong(ideas::QUERY_MAX)));
    }
    let rows = state.store.members(search, MEMBERS_SHOWN).await?;
    Ok(rows
        .into_iter()
        .map(|r| Member {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: Role::parse(&r.role).unwrap_or(Role::Member),
            blocked: r.blocked,
            created_at: rfc3339(r.created_at),
        })
        .collect())
}

pub async fn set_role(state: &AppState, user_id: i64, change: RoleChange) -> Result<()> {
    match state.store.set_role(user_id, change.role).await? {
        RoleOutcome::Changed => Ok(()),
        RoleOutcome::NoSuchUser => Err(Error::NotFound),
        RoleOutcome::LastAdmin => Err(Error::Conflict {
            code: codes::LAST_ADMIN,
            message: "the board needs at least one admin; make somebody else admin first".into(),
        }),
    }
}

fn merge_error(outcome: MergeOutcome, undo: bool) -> Result<()> {
    match outcome {
        MergeOutcome::Done => Ok(()),
        MergeOutcome::NoSuchIdea => Err(Error::NotFound),
        MergeOutcome::BadTarget => Err(Error::invalid("into", Problem::Invalid)),
        MergeOutcome::WrongState => Err(Error::Conflict {
            code: codes::NOT_MERGEABLE,
            message: if undo {
                "this idea is not merged"
            } else {
                "this idea is merged already"
            }
            .into(),
        }),
        MergeOutcome::IsTarget => Err(Error::Conflict {
            code: codes::NOT_MERGEABLE,
            message: "other ideas are merged into this one; undo those merges first".into(),
        }),
    }
}

pub async fn merge(state: &AppState, id: i64, pm_id: i64, request: MergeRequest) -> Result<Idea> {
    let outcome = state.store.merge_idea(id, request.into, pm_id, now_ms()).await?;
    merge_error(outcome, false)?;
    ideas::get(state, id, Some(pm_id)).await
}

pub async fn unmerge(state: &AppState, id: i64, pm_id: i64) -> Result<Idea> {
    let outcome = state.store.unmerge_idea(id, pm_id, now_ms()).await?;
    merge_error(outcome, true)?;
    ideas::get(state, id, Some(pm_id)).await
}

/// One idea with what only product managers see.
pub async fn get(state: &AppState, id: i64, pm_id: i64) -> Result<TriageIdea> {
    let row = state.store.idea(id, Some(pm_id)).await?.ok_or(Error::NotFound)?;
    let notes = state.store.internal_note_counts(&[id]).await?;
    Ok(to_triage(row, &notes))
}

pub async fn set_priority(state: &AppState, id: i64, pm_id: i64, input: PriorityInput) -> Result<TriageIdea> {
    let (impact, effort) = input.validate().map_err(Error::Validation)?;
    if !state.store.set_priority(id, impact, effort).await? {
        return Err(Error::NotFound);
    }
    get(state, id, pm_id).await
}

/// A product manager retags an idea with tags of its board.
pub async fn set_tags(state: &AppState, id: i64, pm_id: i64, change: TagsChange) -> Result<Idea> {
    if change.tags.len() > schwarm_wire::boards::MAX_TAGS {
        return Err(Error::invalid("tags", Problem::TooMany(schwarm_wire::boards::MAX_TAGS)));
    }
    let row = state.store.idea(id, None).await?.ok_or(Error::NotFound)?;
    let board = crate::service::boards::find(state, &row.board_slug)
        .await?
        .ok_or(Error::NotFound)?;
    let mut tag_ids = Vec::new();
    for name in &change.tags {
        let tag = board.tags.iter().find(|t| t.name == *name);
        tag_ids.push(tag.ok_or_else(|| Error::invalid("tags", Problem::Invalid))?.id);
    }
    tag_ids.sort_unstable();
    tag_ids.dedup();
    if !state.store.set_idea_tags(id, &tag_ids, pm_id, now_ms()).await? {
        return Err(Error::NotFound);
    }
    ideas::get(state, id, Some(pm_id)).await
}

fn to_triage(row: IdeaRow, notes: &[(i64, i64)]) -> TriageIdea {
    let internal_notes = notes.iter().find(|(id, _)| *id == row.id).map_or(0, |(_, n)| *n);
    let (impact, effort) = (row.impact, row.effort);
    TriageIdea {
        hidden: row.hidden,
        spam: row.spam,
        priority: priority(row.vote_count, impact, effort),
        impact,
        effort,
        internal_notes,
        idea: ideas::to_wire(row),
    }
}

/// The query string of `GET /api/v1/triage/ideas`: the public list's
/// filters plus the product managers' view and order.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TriageParams {
    /// `inbox`: visible ideas without a product manager's status yet (the
    /// default); `all`: every idea; `pending`: waiting for approval;
    /// `hidden`: hidden or spam.
    pub view: Option<String>,
    /// `oldest` (the inbox's default), `priority`, or one of the public
    /// sorts (`new`, `top`, `trending`, `discussed`, `relevance`).
    pub sort: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    #[param(pattern = r"^([0-9a-f]{1,16}\.[0-9]{1,18})?$")]
    pub cursor: Option<String>,
    #[param(max_length = 40)]
    pub status: Option<String>,
    #[param(max_length = 200)]
    pub q: Option<String>,
    pub board: Option<String>,
    pub tag: Option<String>,
}

pub async fn list(state: &AppState, params: TriageParams, viewer: i64) -> Result<Page<TriageIdea>> {
    let queue = match params.view.as_deref().map(str::trim) {
        None | Some("") | Some("inbox") => TriageQueue::Inbox,
        Some("all") => TriageQueue::All,
        Some("pending") => TriageQueue::Pending,
        Some("hidden") => TriageQueue::Hidden,
        Some(_) => return Err(Error::invalid("view", Problem::Invalid)),
    };
    let (order, public_sort) = match params.sort.as_deref().map(str::trim) {
        None | Some("") | Some("oldest") => (TriageOrder::Oldest, None),
        Some("priority") => (TriageOrder::Priority, None),
        Some(other) => (TriageOrder::Public, Some(other.to_owned())),
    };
    let list_params = ListParams {
        sort: public_sort,
        limit: params.limit,
        cursor: params.cursor,
        status: params.status,
        q: params.q,
        board: params.board,
        tag: params.tag,
    };
    let mut query = ideas::parse_list(&list_params, Some(viewer))?;
    query.triage = Some(TriageView { queue, order });
    let rows = state
        .store
        .ideas(&crate::store::IdeaQuery {
            limit: query.limit + 1,
            ..query.clone()
        })
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let notes = state.store.internal_note_counts(&ids).await?;
    let cursor = |last: &IdeaRow| {
        let key = match order {
            TriageOrder::Oldest => -last.created_at,
            TriageOrder::Priority => priority(last.vote_count, last.impact, last.effort).to_bits() as i64,
            TriageOrder::Public => return ideas::cursor_of(query.sort, last),
        };
        Cursor { key, id: last.id }.encode()
    };
    Ok(page_of(rows, query.limit, cursor, |row| to_triage(row, &notes)))
}
