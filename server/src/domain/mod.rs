//! Pure logic with no I/O: cursors, Markdown, passwords, session tokens, time.

pub mod cursor;
pub mod markdown;
pub mod page;
pub mod password;
pub mod search;
pub mod time;
pub mod token;
pub mod trend;
