//! Operator commands besides `serve`: accounts and boards made from the
//! command line (the first admin; boards until the admin area has them).

pub mod boards;
pub mod seed;
pub mod users;
