//! Accounts and sessions on the wire.

use crate::validate::{DisplayName, Email, FieldErrors, Password};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Pm,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Pm => "pm",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "pm" => Some(Role::Pm),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The signed-in user, as `GET /api/v1/me` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// `POST /api/v1/auth/register`. Missing fields arrive as empty strings so
/// that validation can name every bad field at once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub password: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub display_name: String,
}

/// A registration whose every field has been checked.
#[derive(Debug)]
pub struct ValidRegistration {
    pub email: Email,
    pub password: Password,
    pub display_name: DisplayName,
}

impl RegisterRequest {
    pub fn validate(&self) -> Result<ValidRegistration, FieldErrors> {
        let mut errors = FieldErrors::default();
        let email = errors.check("email", Email::parse(&self.email));
        let password = errors.check("password", Password::parse(&self.password));
        let display_name = errors.check("display_name", DisplayName::parse(&self.display_name));
        match (email, password, display_name) {
            (Some(email), Some(password), Some(display_name)) if errors.is_empty() => Ok(ValidRegistration {
                email,
                password,
                display_name,
            }),
            _ => Err(errors),
        }
    }
}

/// `POST /api/v1/auth/login`. Only presence is checked: the password rules
/// may have changed since an account was made.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub password: String,
}

impl LoginRequest {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.email.trim().is_empty() {
            errors.insert("email", crate::Problem::Required);
        }
        if self.password.is_empty() {
            errors.insert("password", crate::Problem::Required);
        }
        errors.into_result(())
    }
}

/// `PATCH /api/v1/me`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileEdit {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub display_name: String,
}

impl ProfileEdit {
    pub fn validate(&self) -> Result<DisplayName, FieldErrors> {
        let mut errors = FieldErrors::default();
        errors
            .check("display_name", DisplayName::parse(&self.display_name))
            .ok_or(errors)
    }
}

/// `POST /api/v1/me/password`. Other sessions of the account end with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub current_password: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub new_password: String,
}

impl PasswordChange {
    pub fn validate(&self) -> Result<Password, FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.current_password.is_empty() {
            errors.insert("current_password", crate::Problem::Required);
        }
        let new = errors.check("new_password", Password::parse(&self.new_password));
        match new {
            Some(new) if errors.is_empty() => Ok(new),
            _ => Err(errors),
        }
    }
}
