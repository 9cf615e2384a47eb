//! Who may do what, in one place.

use schwarm_wire::Role;

/// Changing statuses and everything else product managers do.
pub fn can_triage(role: Role) -> bool {
    matches!(role, Role::Pm | Role::Admin)
}

/// Settings of the whole board: embedding sites, roles.
pub fn can_administer(role: Role) -> bool {
    matches!(role, Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_administer() {
        let table = [(Role::Member, false), (Role::Pm, false), (Role::Admin, true)];
        for (role, allowed) in table {
            assert_eq!(can_administer(role), allowed, "{role:?}");
        }
    }

    #[test]
    fn only_product_managers_and_admins_triage() {
        let table = [(Role::Member, false), (Role::Pm, true), (Role::Admin, true)];
        for (role, allowed) in table {
            assert_eq!(can_triage(role), allowed, "{role:?}");
        }
    }
}
