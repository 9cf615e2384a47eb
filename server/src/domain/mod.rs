//! Pure logic with no I/O: cursors, passwords, session tokens, time.

pub mod cursor;
pub mod password;
pub mod time;
pub mod token;
