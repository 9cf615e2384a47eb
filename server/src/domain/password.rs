//! Password hashing with argon2id. Hashing is slow on purpose, so it runs on
//! the blocking pool, never on the async workers.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;

/// argon2id v19 with the crate's defaults (m = 19 MiB, t = 2, p = 1), which
/// are OWASP's recommended minimum.
fn hasher() -> Argon2<'static> {
    Argon2::default()
}

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

/// Checks `password` against `stored`. With `None` (no such user) it still
/// verifies against a fixed hash, so an unknown email takes as long as a
/// wrong password and sign-in timing does not reveal who is registered.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    // No stored hash, or an empty one (accounts that sign in only by SSO):
    // the same work against a dummy, and never a match.
    let stored = stored.filter(|s| !s.is_empty());
    let known = stored.is_some();
    let stored = match stored {
        Some(s) => s,
        None => dummy_hash().to_owned(),
    };
    let ok = tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored).map_err(|e| anyhow::anyhow!("bad stored hash: {e}"))?;
        Ok::<_, anyhow::Error>(hasher().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await??;
    Ok(ok && known)
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(b"no user has this password", &salt)
            .expect("argon2 hashes a constant")
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn verifies_only_the_right_password() {
        let h = super::hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery".into(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!super::verify("wrong horse battery".into(), Some(h)).await.unwrap());
        assert!(!super::verify("anything".into(), None).await.unwrap());
    }
}
