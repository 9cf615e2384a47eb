//! Moderation: hiding and restoring ideas and comments, spam, the approval
//! queue, blocking members.

use crate::domain::time::now_ms;
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store::IdeaModeration;
use schwarm_wire::error::codes;
use schwarm_wire::{BlockInput, BoardSettings, CommentModerationInput, IdeaModerationInput, TriageIdea};

pub async fn idea(state: &AppState, id: i64, pm_id: i64, input: IdeaModerationInput) -> Result<TriageIdea> {
    let change = IdeaModeration {
        hidden: input.hidden,
        spam: input.spam,
        approved: input.approved,
    };
    if !state.store.moderate_idea(id, change, pm_id, now_ms()).await? {
        return Err(Error::NotFound);
    }
    crate::service::triage::get(state, id, pm_id).await
}

pub async fn comment(state: &AppState, id: i64, pm_id: i64, input: CommentModerationInput) -> Result<()> {
    if state
        .store
        .moderate_comment(id, input.hidden, input.spam, pm_id, now_ms())
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Blocks or unblocks a member; the team's accounts are changed by role,
/// not blocked (but anyone blocked before a promotion can be unblocked).
pub async fn block(state: &AppState, user_id: i64, input: BlockInput) -> Result<()> {
    let target = state.store.user_by_id(user_id).await?.ok_or(Error::NotFound)?;
    if input.blocked && target.role() != schwarm_wire::Role::Member {
        return Err(Error::Conflict {
            code: codes::NOT_A_MEMBER,
            message: "only members can be blocked; change this account's role first".into(),
        });
    }
    state
        .store
        .set_blocked(user_id, input.blocked, now_ms())
        .await?
        .map(|_| ())
        .ok_or(Error::NotFound)
}

pub async fn board(state: &AppState, slug: &str, input: BoardSettings) -> Result<schwarm_wire::Board> {
    if !state.store.set_board_approval(slug, input.approval_required).await? {
        return Err(Error::NotFound);
    }
    let board = crate::service::boards::find(state, slug)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(crate::service::boards::to_wire(board))
}
