//! `schwarm user add`: accounts made by an operator, e.g. the first admin.

use crate::config::UserAddArgs;
use crate::domain::{password, time::now_ms};
use crate::store::{self, NewUser};
use anyhow::{anyhow, Context};
use schwarm_wire::validate::{DisplayName, Email, Password};

pub async fn add(args: UserAddArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|p| anyhow!("--email {p}"))?;
    let name = DisplayName::parse(&args.name).map_err(|p| anyhow!("--name {p}"))?;
    let raw = match std::env::var("SCHWARM_PASSWORD") {
        Ok(p) => p,
        Err(_) => rpassword::prompt_password(format!("Password for {}: ", email.as_str()))
            .context("reading the password (set SCHWARM_PASSWORD when there is no terminal)")?,
    };
    let pw = Password::parse(&raw).map_err(|p| anyhow!("the password {p}"))?;
    let hash = password::hash(pw.into_inner()).await?;
    let store = store::connect(&args.db.database_url).await?;
    let id = store
        .upsert_user(
            NewUser {
                email: email.as_str(),
                display_name: name.as_str(),
                password_hash: &hash,
                role: args.role,
            },
            now_ms(),
        )
        .await?;
    println!(
        "user {} ({}) is {} (id {id})",
        email.as_str(),
        name.as_str(),
        args.role.as_str()
    );
    Ok(())
}
