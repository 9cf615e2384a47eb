//! Listing, reading, creating and voting on ideas.

use crate::domain::cursor::Cursor;
use crate::domain::markdown;
use crate::domain::page::page_of;
use crate::domain::search::Search;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result};
use crate::limits::Action;
use crate::service::boards;
use crate::state::AppState;
use crate::store::{IdeaQuery, IdeaRow, NewIdeaRow, VoteCmd, VoteOutcome};
use schwarm_wire::error::codes;
use schwarm_wire::ideas::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, STATUS_MAX};
use schwarm_wire::{
    Author, BoardRef, FieldErrors, Idea, IdeaEdit, NewIdea, Page, Problem, Role, Sort, StatusChange, StatusResponse,
    Tag, VoteState, Voters,
};
use serde::Deserialize;

/// The query string of `GET /api/v1/ideas`, as sent; strings so that a bad
/// value becomes a 422 naming the field, not a generic rejection.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `relevance` needs `q`; without `q` the default is `trending`.
    #[param(value_type = Option<schwarm_wire::Sort>)]
    pub sort: Option<String>,
    /// Items per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    /// The `next_cursor` of the page before (for the same filters).
    #[param(pattern = r"^([0-9a-f]{1,16}\.[0-9]{1,18})?$")]
    pub cursor: Option<String>,
    /// One of the statuses (`open`, `under review`, `planned`, …).
    #[param(max_length = 40)]
    pub status: Option<String>,
    /// Full-text search over title and description.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// A board's slug.
    pub board: Option<String>,
    /// A tag's name.
    pub tag: Option<String>,
}

/// The longest search text accepted.
pub const QUERY_MAX: usize = 200;
/// How many similar ideas a duplicate hint shows.
pub const SIMILAR_LIMIT: u32 = 5;

pub fn to_wire(row: IdeaRow) -> Idea {
    Idea {
        id: row.id,
        title: row.title,
        body: row.body_md,
        body_html: row.body_html,
        author: Author {
            id: row.author_id,
            display_name: row.author_name,
        },
        board: BoardRef {
            slug: row.board_slug,
            name: row.board_name,
        },
        tags: row
            .tags
            .into_iter()
            .map(|(name, colour)| Tag { name, colour })
            .collect(),
        status: row.status,
        status_response: match (row.status_response_html, row.status_response_at) {
            (Some(body_html), Some(at)) => Some(StatusResponse {
                body_html,
                author: row.status_response_by.unwrap_or_default(),
                at: rfc3339(at),
            }),
            _ => None,
        },
        vote_count: row.vote_count,
        comment_count: row.comment_count,
        voted: row.voted,
        following: row.following,
        triaged: row.triaged,
        pending: !row.approved,
        merged_into: row.merged_into.map(|id| schwarm_wire::IdeaLink {
            id,
            title: row.merged_into_title.unwrap_or_default(),
        }),
        created_at: rfc3339(row.created_at),
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

pub(crate) fn parse_list(params: &ListParams, viewer: Option<i64>) -> Result<IdeaQuery> {
    let mut errors = FieldErrors::default();
    let search = match params.q.as_deref() {
        Some(q) if q.chars().count() > QUERY_MAX => errors.check("q", Err(Problem::TooLong(QUERY_MAX))),
        Some(q) => Search::parse(q, false),
        None => None,
    };
    let sort = match params.sort.as_deref() {
        None if search.is_some() => Sort::Relevance,
        None => Sort::default(),
        Some(s) => {
            // Relevance needs something to be relevant to.
            let sort = Sort::parse(s).filter(|s| *s != Sort::Relevance || search.is_some());
            errors.check("sort", sort.ok_or(Problem::Invalid)).unwrap_or_default()
        }
    };
    let limit = match params.limit.as_deref() {
        None => DEFAULT_PAGE_SIZE,
        Some(s) => {
            let n = crate::domain::page::parse_limit(s, MAX_PAGE_SIZE);
            errors
                .check("limit", n.ok_or(Problem::OutOfRange(1, MAX_PAGE_SIZE)))
                .unwrap_or(DEFAULT_PAGE_SIZE)
        }
    };
    let after = match params.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => errors
            .check("cursor", Cursor::decode(c).ok_or(Problem::Invalid))
            .map(|c| (c.key, c.id)),
    };
    let status = match params.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) if s.chars().count() > STATUS_MAX => errors.check("status", Err(Problem::TooLong(STATUS_MAX))),
        Some(s) => Some(s.to_owned()),
    };
    errors.into_result(()).map_err(Error::Validation)?;
    Ok(IdeaQuery {
        sort,
        after,
        limit,
        viewer,
        status,
        search,
        board: non_empty(params.board.as_deref()),
        tag: non_empty(params.tag.as_deref()),
        author: None,
        voter: None,
        triage: None,
    })
}

pub async fn list(state: &AppState, params: &ListParams, viewer: Option<i64>) -> Result<Page<Idea>> {
    let query = parse_list(params, viewer)?;
    let rows = state
        .store
        .ideas(&IdeaQuery {
            limit: query.limit + 1,
            ..query.clone()
        })
        .await?;
    Ok(page_of(rows, query.limit, |last| cursor_of(query.sort, last), to_wire))
}

/// The cursor of the page after `last`, in a list sorted by `sort`.
pub(crate) fn cursor_of(sort: Sort, last: &IdeaRow) -> String {
    let key = match sort {
        Sort::New => last.created_at,
        Sort::Top => last.vote_count,
        Sort::Trending => last.trend.to_bits() as i64,
        Sort::Discussed => last.comment_count,
        Sort::Relevance => last.relevance.to_bits() as i64,
    };
    Cursor { key, id: last.id }.encode()
}

/// Up to five ideas like `text`, best match first: the duplicate hints shown
/// while a new idea's title is typed. Any word may match.
pub async fn similar(state: &AppState, text: &str, viewer: Option<i64>) -> Result<Vec<Idea>> {
    if text.chars().count() > QUERY_MAX {
        return Err(Error::invalid("q", Problem::TooLong(QUERY_MAX)));
    }
    let Some(search) = Search::parse(text, true) else {
        return Ok(Vec::new());
    };
    let query = IdeaQuery {
        sort: Sort::Relevance,
        after: None,
        limit: SIMILAR_LIMIT,
        viewer,
        status: None,
        search: Some(search),
        board: None,
        tag: None,
        author: None,
        voter: None,
        triage: None,
    };
    Ok(state.store.ideas(&query).await?.into_iter().map(to_wire).collect())
}

pub async fn get(state: &AppState, id: i64, viewer: Option<i64>) -> Result<Idea> {
    state.store.idea(id, viewer).await?.map(to_wire).ok_or(Error::NotFound)
}

/// The idea as `who` may see it: hidden ideas exist for the team only, an
/// idea waiting for approval for its author and the team; 404 otherwise.
pub async fn visible(state: &AppState, id: i64, who: Option<(i64, Role)>) -> Result<IdeaRow> {
    let row = state.store.idea(id, who.map(|w| w.0)).await?.ok_or(Error::NotFound)?;
    let staff = who.is_some_and(|w| crate::policy::can_triage(w.1));
    let own = who.is_some_and(|w| w.0 == row.author_id);
    if staff || (!row.hidden && (row.approved || own)) {
        Ok(row)
    } else {
        Err(Error::NotFound)
    }
}

/// `GET /api/v1/ideas/{id}`.
pub async fn show(state: &AppState, id: i64, who: Option<(i64, Role)>) -> Result<Idea> {
    visible(state, id, who).await.map(to_wire)
}

pub async fn create(state: &AppState, author_id: i64, new: NewIdea) -> Result<Idea> {
    let (title, body) = new.validate().map_err(Error::Validation)?;
    let board = boards::find(state, new.board.trim())
        .await?
        .ok_or_else(|| Error::invalid("board", Problem::Invalid))?;
    let mut tag_ids = Vec::new();
    for name in &new.tags {
        let tag = board.tags.iter().find(|t| t.name == *name);
        tag_ids.push(tag.ok_or_else(|| Error::invalid("tags", Problem::Invalid))?.id);
    }
    tag_ids.dedup();
    let body = markdown::rendered(body.as_str());
    let row = NewIdeaRow {
        author_id,
        board_id: board.id,
        title: title.as_str(),
        body: &body,
        tag_ids: &tag_ids,
    };
    let id = state.store.insert_idea(row, now_ms()).await?;
    get(state, id, Some(author_id)).await
}

/// The idea, if `user_id` may still change it: 404 if it does not exist,
/// 403 if it is somebody else's, 409 once a product manager triaged or
/// merged it (or merged another into it).
async fn own_untriaged(state: &AppState, id: i64, user_id: i64) -> Result<IdeaRow> {
    let row = state.store.idea(id, None).await?.ok_or(Error::NotFound)?;
    if row.author_id != user_id {
        return Err(Error::Forbidden);
    }
    if row.triaged {
        return Err(Error::Conflict {
            code: codes::IDEA_LOCKED,
            message: "a product manager has changed its status; it can no longer be changed".into(),
        });
    }
    // A merge (either side of it) is the team's to undo, not the author's.
    if row.merged_into.is_some() || state.store.merged_into_count(id).await? > 0 {
        return Err(Error::Conflict {
            code: codes::IDEA_LOCKED,
            message: "a product manager merged ideas here; it can no longer be changed".into(),
        });
    }
    Ok(row)
}

pub async fn edit(state: &AppState, id: i64, user_id: i64, edit: IdeaEdit) -> Result<Idea> {
    own_untriaged(state, id, user_id).await?;
    let (title, body) = edit.validate().map_err(Error::Validation)?;
    if title.is_some() || body.is_some() {
        let body = body.map(|b| markdown::rendered(b.as_str()));
        let title = title.as_ref().map(|t| t.as_str());
        state
            .store
            .update_idea(id, user_id, title, body.as_ref(), now_ms())
            .await?;
    }
    get(state, id, Some(user_id)).await
}

/// A product manager's decision, with an optional public response that is
/// shown on the idea and sent to its followers.
pub async fn set_status(state: &AppState, id: i64, pm_id: i64, change: StatusChange) -> Result<Idea> {
    let (status, response) = change.validate().map_err(Error::Validation)?;
    if !state.store.statuses().await?.iter().any(|s| s.key == status) {
        return Err(Error::invalid("status", Problem::Invalid));
    }
    let response = response.map(|r| markdown::rendered(r.as_str()));
    if !state
        .store
        .set_status(id, &status, response.as_ref(), pm_id, now_ms())
        .await?
    {
        return Err(Error::NotFound);
    }
    get(state, id, Some(pm_id)).await
}

pub async fn delete(state: &AppState, id: i64, user_id: i64) -> Result<()> {
    own_untriaged(state, id, user_id).await?;
    Ok(state.store.delete_idea(id, user_id, now_ms()).await?)
}

/// How many voters an idea page shows by name.
pub const VOTERS_SHOWN: u32 = 50;

pub async fn voters(state: &AppState, idea_id: i64, who: Option<(i64, Role)>) -> Result<Voters> {
    let idea = visible(state, idea_id, who).await?;
    let items = state.store.voters(idea_id, VOTERS_SHOWN).await?;
    Ok(Voters {
        items: items
            .into_iter()
            .map(|(id, display_name)| Author { id, display_name })
            .collect(),
        total: idea.vote_count,
    })
}

/// Casts (`on`) or withdraws `user_id`'s vote from `ip`, after the vote
/// rate limits, in the same transaction (see `vote_queue`).
pub async fn vote(state: &AppState, idea_id: i64, user_id: i64, ip: &str, on: bool) -> Result<VoteState> {
    let cmd = VoteCmd {
        idea_id,
        user_id,
        on,
        buckets: state.limits.buckets(Action::Vote, user_id, ip),
    };
    match state.votes.submit(cmd).await? {
        VoteOutcome::Done(Some(vote)) => Ok(vote),
        VoteOutcome::Done(None) => Err(missing_or_merged(state, idea_id).await),
        VoteOutcome::Limited(wait_ms) => Err(crate::limits::refused(wait_ms)),
    }
}

/// Why an idea refused a vote or comment: 404, or 409 `idea_merged` when it
/// lives on in another idea.
pub async fn missing_or_merged(state: &AppState, idea_id: i64) -> Error {
    match state.store.idea(idea_id, None).await {
        Ok(Some(row)) if row.merged_into.is_some() => Error::Conflict {
            code: codes::IDEA_MERGED,
            message: "this idea was merged into another; vote and comment there".into(),
        },
        Ok(_) => Error::NotFound,
        Err(e) => e.into(),
    }
}
