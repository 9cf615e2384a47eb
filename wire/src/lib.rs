//! The API contract between Schwarm's web app and its server.
//!
//! Both sides compile this crate, so a field renamed on one side fails to
//! compile on the other. It holds plain data and pure validation, no I/O, and
//! depends on serde alone so that it adds almost nothing to the wasm bundle.

pub mod auth;
pub mod boards;
pub mod comments;
pub mod embed;
pub mod error;
pub mod ideas;
pub mod listed_idea;
pub mod moderation;
pub mod notifications;
pub mod publishing;
pub mod trends;
pub mod triage;
pub mod validate;
pub mod webhooks;

pub use auth::{LoginRequest, PasswordChange, ProfileEdit, RegisterRequest, Role, User};
pub use boards::{Board, BoardRef, Tag};
pub use comments::{Comment, CommentEdit, NewComment};
pub use embed::{EmbedConfig, EmbedTheme, Site, SiteInput, SiteWithSecret, SsoLogin, ThemeMode, TokenSession};
pub use error::{ErrorBody, ErrorDetail};
pub use ideas::{
    Author, Idea, IdeaEdit, IdeaLink, LiveEvent, LivePayload, NewIdea, Page, Sort, StatusChange, StatusResponse,
    VoteState, Voters,
};
pub use listed_idea::ListedIdea;
pub use moderation::{BlockInput, BoardSettings, CommentModerationInput, IdeaModerationInput};
pub use notifications::{
    EmailKind, EmailLanguage, EmailPreferences, FollowState, MarkRead, Notification, UnreadCount, Unsubscribe,
    Unsubscribed,
};
pub use publishing::{ChangelogEntry, ChangelogInput, RoadmapColumn};
pub use trends::{DayCount, Participation, RisingIdea, RisingTerm, Trends};
pub use triage::{
    ExportedIdea, Member, MergeRequest, PriorityInput, RoleChange, StatusDef, StatusInput, StatusOrder, TagsChange,
    TriageIdea,
};
pub use validate::{FieldErrors, Problem};
pub use webhooks::{Delivery, Webhook, WebhookInput, WebhookWithSecret};
