//! English and German. Each language is one exhaustive `match` over `Key`,
//! so a key missing in either language does not compile.
//!
//! Hand-written rather than leptos_i18n: it costs ~1 KB of wasm instead of
//! 18-48 KB (measured, see shared DESIGN.md), and the compiler still checks
//! completeness.

mod de;
mod en;

use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::Problem;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    De,
}

const STORAGE_KEY: &str = "schwarm.lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 tag, for `<html lang>` and Intl.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The remembered choice, else the browser's language, else English.
    pub fn initial() -> Lang {
        let window = web_sys::window();
        let stored = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|t| Lang::from_tag(&t));
        let browser = || {
            window
                .as_ref()
                .and_then(|w| w.navigator().language())
                .and_then(|t| Lang::from_tag(&t))
        };
        stored.or_else(browser).unwrap_or_default()
    }

    pub fn remember(self) {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(STORAGE_KEY, self.tag());
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", self.tag());
        }
    }
}

/// Every visible string of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    NavIdeas,
    SignIn,
    SignOut,
    Register,
    Language,
    SignedInAs,
    BoardHeading,
    BoardIntro,
    SortLabel,
    SortNew,
    SortTop,
    LoadMore,
    Loading,
    EmptyBoard,
    LoadFailed,
    Retry,
    NewIdeaHeading,
    TitleLabel,
    BodyLabel,
    PostIdea,
    Posting,
    SignInToPost,
    IdeaPosted,
    PostFailed,
    Vote,
    Votes,
    VoteOne,
    Comments,
    CommentOne,
    VoteSaved,
    VoteRemoved,
    VoteFailed,
    SignInToVote,
    By,
    BackToBoard,
    NotFoundHeading,
    NotFoundText,
    IdeaNotFound,
    EmailLabel,
    PasswordLabel,
    DisplayNameLabel,
    PasswordHint,
    SignInHeading,
    RegisterHeading,
    NoAccountYet,
    HaveAccount,
    SigningIn,
    WrongCredentials,
    EmailTaken,
    SignedIn,
    SignedOut,
    NetworkError,
    GenericError,
    SessionExpired,
    StatusOpen,
    StatusUnderReview,
    StatusPlanned,
    StatusInProgress,
    StatusDone,
    StatusDeclined,
    CommentsHeading,
    NoComments,
    CommentLabel,
    ReplyLabel,
    PostComment,
    Reply,
    Edit,
    Delete,
    Save,
    Cancel,
    Edited,
    ConfirmDelete,
    CommentPosted,
    CommentSaved,
    CommentDeleted,
    CommentFailed,
    SignInToComment,
    IdeaSaved,
    IdeaDeleted,
    IdeaLocked,
    ConfirmDeleteIdea,
    SortTrending,
    SortDiscussed,
    StatusFilterLabel,
    AllStatuses,
    SearchLabel,
    SearchButton,
    ClearSearch,
    NoResults,
    SortRelevance,
    SimilarHeading,
    AccountHeading,
    ChangePasswordHeading,
    CurrentPasswordLabel,
    NewPasswordLabel,
    ProfileSaved,
    PasswordChanged,
    SignInForAccount,
    ProblemWrongPassword,
    VotersHeading,
    NoVotersYet,
    MoreVoters,
    NotificationsHeading,
    Unread,
    NoNotifications,
    Follow,
    Following,
    NotifComment,
    NotifStatus,
    NotifMerged,
    NotifOther,
    SomeoneName,
    FollowOn,
    FollowOff,
    SignInForNotifications,
    DeletedUser,
    MyIdeas,
    MyVotes,
    MyComments,
    NothingYet,
    DownloadData,
    DeleteAccount,
    ConfirmDeleteAccount,
    AccountDeleted,
    OnIdea,
    BoardLabel,
    AllBoards,
    TagsLabel,
    AllTags,
    ResponseFrom,
    TheTeam,
    ShowNewIdeas,
    ProblemRequired,
    ProblemTooShort,
    ProblemTooLong,
    ProblemInvalidEmail,
    ProblemCommonPassword,
    ProblemOutOfRange,
    ProblemTooMany,
    ProblemInvalid,
}

impl Key {
    /// Every key, for the completeness test.
    #[cfg(test)]
    pub const ALL: &'static [Key] = &[
        Key::NavIdeas,
        Key::SignIn,
        Key::SignOut,
        Key::Register,
        Key::Language,
        Key::SignedInAs,
        Key::BoardHeading,
        Key::BoardIntro,
        Key::SortLabel,
        Key::SortNew,
        Key::SortTop,
        Key::LoadMore,
        Key::Loading,
        Key::EmptyBoard,
        Key::LoadFailed,
        Key::Retry,
        Key::NewIdeaHeading,
        Key::TitleLabel,
        Key::BodyLabel,
        Key::PostIdea,
        Key::Posting,
        Key::SignInToPost,
        Key::IdeaPosted,
        Key::PostFailed,
        Key::Vote,
        Key::Votes,
        Key::Comments,
        Key::VoteSaved,
        Key::VoteRemoved,
        Key::VoteFailed,
        Key::SignInToVote,
        Key::By,
        Key::BackToBoard,
        Key::NotFoundHeading,
        Key::NotFoundText,
        Key::IdeaNotFound,
        Key::EmailLabel,
        Key::PasswordLabel,
        Key::DisplayNameLabel,
        Key::PasswordHint,
        Key::SignInHeading,
        Key::RegisterHeading,
        Key::NoAccountYet,
        Key::HaveAccount,
        Key::SigningIn,
        Key::WrongCredentials,
        Key::EmailTaken,
        Key::SignedIn,
        Key::SignedOut,
        Key::NetworkError,
        Key::GenericError,
        Key::SessionExpired,
        Key::StatusOpen,
        Key::StatusUnderReview,
        Key::StatusPlanned,
        Key::StatusInProgress,
        Key::StatusDone,
        Key::StatusDeclined,
        Key::CommentsHeading,
        Key::NoComments,
        Key::CommentLabel,
        Key::ReplyLabel,
        Key::PostComment,
        Key::Reply,
        Key::Edit,
        Key::Delete,
        Key::Save,
        Key::Cancel,
        Key::Edited,
        Key::ConfirmDelete,
        Key::CommentPosted,
        Key::CommentSaved,
        Key::CommentDeleted,
        Key::CommentFailed,
        Key::SignInToComment,
        Key::IdeaSaved,
        Key::IdeaDeleted,
        Key::IdeaLocked,
        Key::ConfirmDeleteIdea,
        Key::SortTrending,
        Key::SortDiscussed,
        Key::StatusFilterLabel,
        Key::AllStatuses,
        Key::SearchLabel,
        Key::SearchButton,
        Key::ClearSearch,
        Key::NoResults,
        Key::SortRelevance,
        Key::SimilarHeading,
        Key::AccountHeading,
        Key::ChangePasswordHeading,
        Key::CurrentPasswordLabel,
        Key::NewPasswordLabel,
        Key::ProfileSaved,
        Key::PasswordChanged,
        Key::SignInForAccount,
        Key::ProblemWrongPassword,
        Key::VotersHeading,
        Key::NoVotersYet,
        Key::MoreVoters,
        Key::NotificationsHeading,
        Key::Unread,
        Key::NoNotifications,
        Key::Follow,
        Key::Following,
        Key::NotifComment,
        Key::NotifStatus,
        Key::NotifMerged,
        Key::NotifOther,
        Key::SomeoneName,
        Key::FollowOn,
        Key::FollowOff,
        Key::SignInForNotifications,
        Key::DeletedUser,
        Key::MyIdeas,
        Key::MyVotes,
        Key::MyComments,
        Key::NothingYet,
        Key::DownloadData,
        Key::DeleteAccount,
        Key::ConfirmDeleteAccount,
        Key::AccountDeleted,
        Key::OnIdea,
        Key::BoardLabel,
        Key::AllBoards,
        Key::TagsLabel,
        Key::AllTags,
        Key::ResponseFrom,
        Key::TheTeam,
        Key::ShowNewIdeas,
        Key::ProblemRequired,
        Key::ProblemTooShort,
        Key::ProblemTooLong,
        Key::ProblemInvalidEmail,
        Key::ProblemCommonPassword,
        Key::ProblemOutOfRange,
        Key::ProblemTooMany,
        Key::ProblemInvalid,
    ];
}

pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::De => de::text(key),
    }
}

/// A reactive translation for use in `view!`: re-renders on a language switch.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || text(lang.get(), key)
}

/// The label of a status key; unknown (custom) statuses show their key.
pub fn status_label(lang: Lang, status: &str) -> String {
    let key = match status {
        "open" => Key::StatusOpen,
        "under review" | "under_review" => Key::StatusUnderReview,
        "planned" => Key::StatusPlanned,
        "in progress" | "in_progress" => Key::StatusInProgress,
        "done" => Key::StatusDone,
        "declined" => Key::StatusDeclined,
        other => return other.to_owned(),
    };
    text(lang, key).to_owned()
}

/// An author's name; accounts that were deleted have none.
pub fn author_name(lang: Lang, name: &str) -> String {
    if name.is_empty() {
        text(lang, Key::DeletedUser).to_owned()
    } else {
        name.to_owned()
    }
}

/// A validation problem in words; `{n}` in the text is the limit.
pub fn problem(lang: Lang, p: Problem) -> String {
    let (key, n) = match p {
        Problem::Required => (Key::ProblemRequired, None),
        Problem::TooShort(n) => (Key::ProblemTooShort, Some(n.to_string())),
        Problem::TooLong(n) => (Key::ProblemTooLong, Some(n.to_string())),
        Problem::InvalidEmail => (Key::ProblemInvalidEmail, None),
        Problem::CommonPassword => (Key::ProblemCommonPassword, None),
        Problem::WrongPassword => (Key::ProblemWrongPassword, None),
        Problem::OutOfRange(a, b) => (Key::ProblemOutOfRange, Some(format!("{a}–{b}"))),
        Problem::TooMany(n) => (Key::ProblemTooMany, Some(n.to_string())),
        Problem::Invalid => (Key::ProblemInvalid, None),
    };
    let s = text(lang, key);
    match n {
        Some(n) => s.replace("{n}", &n),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_distinct_text_in_each_language() {
        for &key in Key::ALL {
            for lang in Lang::ALL {
                assert!(!text(lang, key).trim().is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
        let same: Vec<_> = Key::ALL
            .iter()
            .filter(|&&k| text(Lang::En, k) == text(Lang::De, k))
            .collect();
        assert!(same.len() <= 2, "untranslated German strings: {same:?}");
    }

    #[test]
    fn language_tags_are_recognised() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
