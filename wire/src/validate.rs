//! Validated newtypes ("parse, don't validate"): a `Title` can only exist if
//! it is a valid title, so code behind the boundary never checks again.
//!
//! The web app runs the same checks before sending, so a customer sees the
//! same rule the server enforces, in their own language.

use std::collections::BTreeMap;
use std::fmt;

pub const TITLE_MIN: usize = 3;
pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 10_000;
pub const COMMENT_MAX: usize = 5_000;
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 256;
pub const DISPLAY_NAME_MAX: usize = 50;
pub const EMAIL_MAX: usize = 254;

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooShort(usize),
    TooLong(usize),
    InvalidEmail,
    CommonPassword,
    /// The current password given to confirm a change is not the right one.
    WrongPassword,
    OutOfRange(u32, u32),
    /// More than this many entries.
    TooMany(usize),
    Invalid,
}

impl fmt::Display for Problem {
    /// An English sentence for the `fields` map of an error body. The web
    /// app shows its own translation of the `Problem` instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => write!(f, "is required"),
            Problem::TooShort(n) => write!(f, "must be at least {n} characters"),
            Problem::TooLong(n) => write!(f, "must be at most {n} characters"),
            Problem::InvalidEmail => write!(f, "is not an email address"),
            Problem::CommonPassword => write!(f, "is too common; choose another"),
            Problem::WrongPassword => write!(f, "is not your current password"),
            Problem::OutOfRange(min, max) => {
                write!(f, "must be a whole number from {min} to {max}")
            }
            Problem::TooMany(n) => write!(f, "may have at most {n} entries"),
            Problem::Invalid => write!(f, "is not valid"),
        }
    }
}

/// The bad fields of one request, by field name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, Problem>);

impl FieldErrors {
    pub fn insert(&mut self, field: &str, problem: Problem) {
        self.0.insert(field.to_owned(), problem);
    }

    /// Records the problem of a parse, if any, and passes the value on.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Problem>) -> Option<T> {
        parsed.map_err(|p| self.insert(field, p)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<Problem> {
        self.0.get(field).copied()
    }

    pub fn into_result<T>(self, ok: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(ok)
        } else {
            Err(self)
        }
    }

    /// `{field: message}`, as the error body carries it.
    pub fn to_messages(&self) -> BTreeMap<String, String> {
        self.0.iter().map(|(k, p)| (k.clone(), p.to_string())).collect()
    }
}

fn length_between(s: &str, min: usize, max: usize) -> Result<(), Problem> {
    let n = s.chars().count();
    if n == 0 {
        Err(Problem::Required)
    } else if n < min {
        Err(Problem::TooShort(min))
    } else if n > max {
        Err(Problem::TooLong(max))
    } else {
        Ok(())
    }
}

macro_rules! newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

newtype!(
    /// An idea title: 3 to 120 characters after trimming.
    Title
);
newtype!(
    /// An idea description: Markdown, at most 10,000 characters, may be empty.
    Body
);
newtype!(
    /// A comment: Markdown, 1 to 5,000 characters after trimming.
    CommentBody
);
newtype!(
    /// A lower-cased, trimmed email address of plausible shape.
    Email
);
newtype!(
    /// A password of 10 to 256 characters that is not on the common list.
    Password
);
newtype!(
    /// A display name: 1 to 50 characters after trimming, no control characters.
    DisplayName
);

impl Title {
    pub fn parse(s: &str) -> Result<Title, Problem> {
        let s = s.trim();
        length_between(s, TITLE_MIN, TITLE_MAX)?;
        if s.chars().any(char::is_control) {
            return Err(Problem::Invalid);
        }
        Ok(Title(s.to_owned()))
    }
}

/// Control characters other than line breaks and tabs have no place in
/// text people write (and PostgreSQL cannot store NUL at all).
fn has_stray_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

impl Body {
    pub fn parse(s: &str) -> Result<Body, Problem> {
        let s = s.trim();
        if s.chars().count() > BODY_MAX {
            return Err(Problem::TooLong(BODY_MAX));
        }
        if has_stray_control(s) {
            return Err(Problem::Invalid);
        }
        Ok(Body(s.to_owned()))
    }
}

impl CommentBody {
    pub fn parse(s: &str) -> Result<CommentBody, Problem> {
        let s = s.trim();
        length_between(s, 1, COMMENT_MAX)?;
        if has_stray_control(s) {
            return Err(Problem::Invalid);
        }
        Ok(CommentBody(s.to_owned()))
    }
}

impl Email {
    /// The form an address is stored and looked up in: trimmed, with ASCII
    /// letters lower-cased. (Unicode case tables would cost the web app ~4 KB
    /// for addresses almost nobody types.)
    pub fn normalize(s: &str) -> String {
        s.trim().to_ascii_lowercase()
    }

    pub fn parse(s: &str) -> Result<Email, Problem> {
        let s = Email::normalize(s);
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.chars().count() > EMAIL_MAX {
            return Err(Problem::TooLong(EMAIL_MAX));
        }
        // Deliverability is proven by mail, not by a regex; this only
        // rejects what cannot possibly be an address.
        let plausible = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if plausible {
            Ok(Email(s))
        } else {
            Err(Problem::InvalidEmail)
        }
    }
}

/// A short list of the passwords attackers try first.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "1111111111",
    "0000000000",
    "password123",
    "password1234",
    "passwort123",
    "qwertyuiop",
    "qwertzuiop",
    "1q2w3e4r5t",
    "iloveyou123",
    "abcdefghij",
    "letmein1234",
    "administrator",
    "changeme123",
    "welcome123",
    "football123",
    "passwordpassword",
    "hallo12345",
];

impl Password {
    pub fn parse(s: &str) -> Result<Password, Problem> {
        length_between(s, PASSWORD_MIN, PASSWORD_MAX)?;
        let lower = s.to_ascii_lowercase();
        if COMMON_PASSWORDS.contains(&lower.as_str()) {
            return Err(Problem::CommonPassword);
        }
        Ok(Password(s.to_owned()))
    }
}

impl DisplayName {
    pub fn parse(s: &str) -> Result<DisplayName, Problem> {
        let s = s.trim();
        length_between(s, 1, DISPLAY_NAME_MAX)?;
        if s.chars().any(char::is_control) {
            return Err(Problem::Invalid);
        }
        Ok(DisplayName(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewIdea;

    #[test]
    fn texts_keep_line_breaks_and_tabs_but_no_other_control_characters() {
        assert!(Body::parse("line one\r\n\tline two").is_ok());
        assert_eq!(Body::parse("nul \u{0} inside"), Err(Problem::Invalid));
        assert_eq!(CommentBody::parse("bell \u{7}"), Err(Problem::Invalid));
        assert!(CommentBody::parse("fine\nreply").is_ok());
    }

    #[test]
    fn title_is_trimmed_and_bounded_in_characters() {
        assert_eq!(Title::parse("  Dark mode ").unwrap().as_str(), "Dark mode");
        assert_eq!(Title::parse("  ab  "), Err(Problem::TooShort(3)));
        assert_eq!(Title::parse("   "), Err(Problem::Required));
        assert!(Title::parse(&"ä".repeat(120)).is_ok());
        assert_eq!(Title::parse(&"ä".repeat(121)), Err(Problem::TooLong(120)));
        assert_eq!(Title::parse("a\u{0}bc"), Err(Problem::Invalid));
    }

    #[test]
    fn body_may_be_empty_but_not_too_long() {
        assert!(Body::parse("").is_ok());
        assert!(Body::parse(&"x".repeat(BODY_MAX)).is_ok());
        assert_eq!(Body::parse(&"x".repeat(BODY_MAX + 1)), Err(Problem::TooLong(BODY_MAX)));
    }

    #[test]
    fn email_is_normalised_and_checked_for_shape() {
        assert_eq!(Email::parse(" Ada@Example.ORG ").unwrap().as_str(), "ada@example.org");
        for bad in [
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a da@example.org",
            "a@b@c.de",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::InvalidEmail), "{bad}");
        }
        assert_eq!(Email::parse(""), Err(Problem::Required));
    }

    #[test]
    fn passwords_need_length_and_must_not_be_common() {
        assert_eq!(Password::parse("short"), Err(Problem::TooShort(PASSWORD_MIN)));
        assert_eq!(Password::parse("Password123"), Err(Problem::CommonPassword));
        assert!(Password::parse("correct horse battery").is_ok());
    }

    #[test]
    fn new_idea_reports_every_bad_field() {
        let bad = NewIdea {
            title: "x".into(),
            body: "y".repeat(BODY_MAX + 1),
            board: String::new(),
            tags: (0..6).map(|n| format!("tag {n}")).collect(),
        };
        let errors = bad.validate().unwrap_err();
        assert_eq!(errors.get("title"), Some(Problem::TooShort(TITLE_MIN)));
        assert_eq!(errors.get("body"), Some(Problem::TooLong(BODY_MAX)));
        assert_eq!(errors.get("tags"), Some(Problem::TooMany(crate::boards::MAX_TAGS)));
    }
}
