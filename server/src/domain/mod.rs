//! Pure logic with no I/O: cursors, email text, Markdown, passwords, session
//! tokens, time.

pub mod atom;
pub mod cursor;
pub mod email;
pub mod markdown;
pub mod page;
pub mod password;
pub mod search;
pub mod sso;
pub mod time;
pub mod token;
pub mod trend;
