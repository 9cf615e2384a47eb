//! The one error shape of the API: `{"error":{"code","message","fields"}}`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The body of every 4xx/5xx answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// A stable, machine-readable code such as `validation` or `not_found`;
    /// clients translate by code, never by message.
    pub code: String,
    /// An English sentence for people reading logs or curl output.
    pub message: String,
    /// For `validation` errors: the bad fields, each with what is wrong.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

/// The error codes the server answers with.
pub mod codes {
    pub const MALFORMED: &str = "malformed";
    pub const VALIDATION: &str = "validation";
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    /// Signed login (`POST /api/v1/auth/sso`): the token has no signature…
    pub const SSO_UNSIGNED: &str = "sso_unsigned";
    /// …has expired…
    pub const SSO_EXPIRED: &str = "sso_expired";
    /// …is meant for an origin that is no registered site…
    pub const SSO_WRONG_AUDIENCE: &str = "sso_wrong_audience";
    /// …is not signed with that site's secret…
    pub const SSO_BAD_SIGNATURE: &str = "sso_bad_signature";
    /// …or is not a token we accept (malformed, claims missing or invalid,
    /// expiry more than an hour ahead).
    pub const SSO_INVALID: &str = "sso_invalid";
    pub const FORBIDDEN: &str = "forbidden";
    /// A moderator blocked the account from posting, voting and commenting.
    pub const BLOCKED: &str = "account_blocked";
    pub const CSRF: &str = "csrf_origin_mismatch";
    pub const NOT_FOUND: &str = "not_found";
    pub const CONFLICT: &str = "conflict";
    pub const EMAIL_TAKEN: &str = "email_taken";
    pub const IDEA_LOCKED: &str = "idea_locked";
    /// The idea was merged into another: vote and comment there.
    pub const IDEA_MERGED: &str = "idea_merged";
    /// Merge: the idea is merged already. Undo: it is not merged.
    pub const NOT_MERGEABLE: &str = "merge_state";
    /// The change would leave the board without an admin.
    pub const LAST_ADMIN: &str = "last_admin";
    pub const STATUS_TAKEN: &str = "status_taken";
    /// Only members can be blocked; change a team member's role first.
    pub const NOT_A_MEMBER: &str = "not_a_member";
    pub const TOO_LARGE: &str = "payload_too_large";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const INTERNAL: &str = "internal";
}
