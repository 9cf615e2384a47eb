//! Signed login from an embedding site: an HS256 JWT with `sub`, `email`,
//! `name`, `exp` (at most an hour ahead) and `aud` (the site's origin),
//! checked with jsonwebtoken. What is refused says why, with its own code.

use crate::error::Error;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use schwarm_wire::error::codes;
use serde::Deserialize;

/// How far ahead a token may expire: tokens are minted per page view.
pub const MAX_LIFETIME_S: i64 = 3600;
/// Clock difference between the site and us that is forgiven.
const LEEWAY_S: u64 = 60;

#[derive(Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub email: String,
    pub name: String,
    pub exp: i64,
    pub aud: String,
}

fn refuse(code: &'static str, message: &'static str) -> Error {
    Error::Sso { code, message }
}

/// The token's audience, read before the signature can be checked (the
/// audience names the site whose secret checks it). Unsigned tokens are
/// refused here already.
pub fn audience(token: &str) -> Result<String, Error> {
    let malformed = || refuse(codes::SSO_INVALID, "the token is not a JWT");
    let parts: Vec<&str> = token.trim().split('.').collect();
    let [header, payload, signature] = parts[..] else {
        return Err(malformed());
    };
    let json = |part: &str| -> Result<serde_json::Value, Error> {
        let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| malformed())?;
        serde_json::from_slice(&bytes).map_err(|_| malformed())
    };
    let alg = json(header)?["alg"].as_str().unwrap_or_default().to_ascii_lowercase();
    if signature.is_empty() || alg == "none" {
        return Err(refuse(codes::SSO_UNSIGNED, "the token is not signed"));
    }
    json(payload)?["aud"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| refuse(codes::SSO_WRONG_AUDIENCE, "the token names no audience"))
}

/// Checks signature, audience and expiry against the site's `secret` and
/// `origin`; `now` in Unix seconds.
pub fn verify(token: &str, secret: &str, origin: &str, now: i64) -> Result<Claims, Error> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[origin]);
    validation.set_required_spec_claims(&["exp", "aud", "sub"]);
    validation.leeway = LEEWAY_S;
    let claims =
        jsonwebtoken::decode::<Claims>(token.trim(), &DecodingKey::from_secret(secret.as_bytes()), &validation)
            .map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => refuse(
                    codes::SSO_BAD_SIGNATURE,
                    "the token is not signed with this site's secret",
                ),
                ErrorKind::ExpiredSignature => refuse(codes::SSO_EXPIRED, "the token has expired"),
                ErrorKind::InvalidAudience => refuse(codes::SSO_WRONG_AUDIENCE, "the token is meant for another site"),
                ErrorKind::InvalidAlgorithm => refuse(codes::SSO_BAD_SIGNATURE, "the token must be signed with HS256"),
                _ => refuse(codes::SSO_INVALID, "the token's claims are missing or malformed"),
            })?
            .claims;
    if claims.exp > now + MAX_LIFETIME_S + LEEWAY_S as i64 {
        return Err(refuse(codes::SSO_INVALID, "the token expires more than an hour ahead"));
    }
    Ok(claims)
}
