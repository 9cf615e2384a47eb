//! The demo data set `schwarm serve --demo` loads into an empty database:
//! a customer, a product manager and an admin to sign in as, a small crowd,
//! a dozen ideas with votes and comments spread over the last weeks, and a
//! demo shop that embeds the web board.

use crate::domain::time::{now_ms, DAY_MS};
use crate::domain::{markdown, password};
use crate::store::{CommentInsert, NewIdeaRow, NewUser, Store};
use schwarm_wire::Role;

pub const CUSTOMER: (&str, &str) = ("demo@schwarm.example", "demo-customer-2026");
pub const MANAGER: (&str, &str) = ("pm@schwarm.example", "demo-manager-2026");
pub const ADMIN: (&str, &str) = ("admin@schwarm.example", "demo-admin-2026");
/// The demo shop that embeds the web board (`make embed-demo`,
/// examples/embed-host/): its origin and SSO secret. Demo data only.
pub const EMBED_HOST: &str = "http://localhost:8090";
pub const EMBED_SECRET: &str = "demo-embed-secret-not-for-production";

const CROWD: [&str; 6] = ["Ada", "Bruno", "Chen", "Dilara", "Emil", "Fatou"];

/// (title, description, status, days ago, voters from the crowd, comments)
type DemoIdea = (
    &'static str,
    &'static str,
    &'static str,
    i64,
    usize,
    &'static [&'static str],
);

const IDEAS: [DemoIdea; 12] = [
    (
        "Dark mode",
        "The app is hard on the eyes at night. A dark theme that follows the system setting would help.",
        "planned",
        28,
        6,
        &[
            "Yes please, I work late.",
            "Following the system setting is the important part.",
        ],
    ),
    (
        "Export reports as CSV",
        "We paste numbers into spreadsheets every week. A CSV export of every report would save hours.",
        "in progress",
        26,
        5,
        &["Excel-friendly separators would be great."],
    ),
    (
        "Single sign-on with our identity provider",
        "Our IT department requires SSO for every tool we use.",
        "under review",
        24,
        4,
        &[],
    ),
    (
        "Keyboard shortcuts",
        "Power users want **j/k** navigation and a shortcut to create things quickly.",
        "open",
        21,
        3,
        &["Vim keys!"],
    ),
    (
        "Mobile app for iOS and Android",
        "Checking status on the go is hard on the mobile website.",
        "open",
        19,
        6,
        &[
            "Even a PWA would be enough for me.",
            "Push notifications would be the killer feature.",
        ],
    ),
    (
        "Slack notifications",
        "Post a message to a channel when something changes.",
        "done",
        17,
        2,
        &[],
    ),
    (
        "Bulk edit",
        "Select many items and change them at once.",
        "open",
        14,
        2,
        &["Especially for tags."],
    ),
    (
        "Two-factor authentication",
        "Protect accounts with TOTP apps.",
        "planned",
        12,
        5,
        &[],
    ),
    (
        "German translation of the help centre",
        "Many of our colleagues prefer German documentation.",
        "open",
        9,
        1,
        &["Gerne auch auf Deutsch!"],
    ),
    (
        "Recurring tasks",
        "Tasks that repeat every week or month without copying them by hand.",
        "open",
        6,
        3,
        &[],
    ),
    (
        "Faster search",
        "Search takes a few seconds with many items; it should feel instant.",
        "under review",
        3,
        4,
        &["Search by tag too, please."],
    ),
    (
        "Undo for deletions",
        "A short undo after deleting something by mistake.",
        "open",
        1,
        0,
        &[],
    ),
];

/// Each idea's board and tags, in the order of `IDEAS`.
const PLACES: [(&str, &[&str]); 12] = [
    ("web", &["UX"]),
    ("web", &["Reporting", "Integrations"]),
    ("web", &["Security", "Integrations"]),
    ("web", &["UX"]),
    ("mobile", &["Offline", "Notifications"]),
    ("web", &["Integrations"]),
    ("web", &["UX"]),
    ("web", &["Security"]),
    ("web", &[]),
    ("mobile", &["Notifications"]),
    ("web", &["Performance"]),
    ("mobile", &["UX"]),
];

/// Loads the demo data if the database has no users yet; prints the logins.
pub async fn load_if_empty(store: &dyn Store) -> anyhow::Result<()> {
    if store.count_users().await? == 0 {
        load(store).await?;
        tracing::info!(ideas = IDEAS.len(), "loaded the demo data set");
    }
    if store.user_by_email(CUSTOMER.0).await?.is_some() {
        println!("Demo customer:        {} / {}", CUSTOMER.0, CUSTOMER.1);
        println!("Demo product manager: {} / {}", MANAGER.0, MANAGER.1);
        println!("Demo admin:           {} / {}", ADMIN.0, ADMIN.1);
    }
    Ok(())
}

async fn load(store: &dyn Store) -> anyhow::Result<()> {
    let now = now_ms();
    let start = now - 30 * DAY_MS;
    let web = (
        store
            .insert_board(
                "web",
                "Web app",
                "Ideas for the web app.",
                &[
                    ("UX", "#2563eb"),
                    ("Performance", "#16a34a"),
                    ("Integrations", "#9333ea"),
                    ("Reporting", "#ea580c"),
                    ("Security", "#dc2626"),
                ],
                start,
            )
            .await?,
        "web",
    );
    let mobile = (
        store
            .insert_board(
                "mobile",
                "Mobile app",
                "Ideas for the iOS and Android apps.",
                &[("UX", "#2563eb"), ("Offline", "#0891b2"), ("Notifications", "#ca8a04")],
                start,
            )
            .await?,
        "mobile",
    );
    let boards = store.boards().await?;
    let customer = add_user(store, CUSTOMER.0, "Demo Customer", CUSTOMER.1, Role::Member, start).await?;
    let manager = add_user(store, MANAGER.0, "Demo Manager", MANAGER.1, Role::Pm, start).await?;
    add_user(store, ADMIN.0, "Demo Admin", ADMIN.1, Role::Admin, start).await?;
    let shop = schwarm_wire::SiteInput {
        name: "Demo shop".into(),
        origin: EMBED_HOST.into(),
        board: web.1.into(),
        theme: schwarm_wire::EmbedTheme {
            accent: "#c2410c".into(),
            ..Default::default()
        },
    };
    let shop = shop.validate().map_err(|e| anyhow::anyhow!("demo site: {e:?}"))?;
    store.save_site(None, &shop, EMBED_SECRET, start).await?;
    // The crowd never signs in: one hash of a random password serves all.
    let crowd_hash = password::hash(crate::domain::token::new_token()).await?;
    let mut crowd = Vec::new();
    for name in CROWD {
        let email = format!("{}@crowd.schwarm.example", name.to_lowercase());
        let user = NewUser {
            email: &email,
            display_name: name,
            password_hash: &crowd_hash,
            role: Role::Member,
        };
        crowd.push(store.insert_user(user, start).await?);
    }
    let mut shipped = Vec::new();
    for (n, (title, body, status, days_ago, voters, comments)) in IDEAS.iter().enumerate() {
        let created = now - days_ago * DAY_MS;
        let author = if n % 3 == 0 { customer } else { crowd[n % crowd.len()] };
        let (slug, tags) = PLACES[n];
        let board_id = if slug == web.1 { web.0 } else { mobile.0 };
        let board = boards
            .iter()
            .find(|b| b.id == board_id)
            .expect("the board was just made");
        let tag_ids: Vec<i64> = board
            .tags
            .iter()
            .filter(|t| tags.contains(&t.name.as_str()))
            .map(|t| t.id)
            .collect();
        let body = markdown::rendered(body);
        let new = NewIdeaRow {
            author_id: author,
            board_id,
            title,
            body: &body,
            tag_ids: &tag_ids,
        };
        let idea = store.insert_idea(new, created).await?;
        for (k, voter) in crowd.iter().take(*voters).enumerate() {
            store
                .set_vote(idea, *voter, true, created + (k as i64 + 1) * 3_600_000)
                .await?;
        }
        for (k, text) in comments.iter().enumerate() {
            let who = crowd[(n + k + 1) % crowd.len()];
            let at = created + (k as i64 + 1) * DAY_MS / 2;
            let added = store
                .insert_comment(idea, None, who, &markdown::rendered(text), false, at)
                .await?;
            if let (0, CommentInsert::Created(first)) = (k, added) {
                let reply = markdown::rendered("Thanks! We are looking into this.");
                store
                    .insert_comment(idea, Some(first), manager, &reply, false, at + 3_600_000)
                    .await?;
            }
        }
        if *status != "open" {
            let response = markdown::rendered(match *status {
                "planned" => "Thanks for all the votes! This is **planned** for the next quarter.",
                "in progress" => "We are building this right now.",
                "done" => "Shipped! Thank you for the idea.",
                _ => "We are looking into this.",
            });
            store
                .set_status(idea, status, Some(&response), manager, created + DAY_MS)
                .await?;
            if *status == "done" {
                shipped.push(idea);
            }
        }
    }
    // A published release note for what shipped, for the changelog page.
    let note = markdown::rendered("This release brings the ideas you voted for. Thank you for sharing them!");
    let entry = crate::store::ChangelogSave {
        title: "Release 2.4",
        body: &note,
        idea_ids: &shipped,
        publish: true,
    };
    store.save_changelog(None, entry, manager, now - DAY_MS).await?;
    Ok(())
}

async fn add_user(store: &dyn Store, email: &str, name: &str, pw: &str, role: Role, now: i64) -> anyhow::Result<i64> {
    let hash = password::hash(pw.to_owned()).await?;
    let user = NewUser {
        email,
        display_name: name,
        password_hash: &hash,
        role,
    };
    Ok(store.insert_user(user, now).await?)
}
