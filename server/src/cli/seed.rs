//! `schwarm seed`: realistic generated data for benchmarks and trials:
//! ideas over the last year (more of them recent), a skewed vote
//! distribution (a few ideas draw most votes), texts of realistic length,
//! comments where the votes are. Reproducible from `--seed`.

use crate::config::SeedArgs;
use crate::domain::time::{now_ms, DAY_MS};
use crate::domain::{markdown, password, token, trend};
use crate::store::{self, SeedComment, SeedData, SeedIdea, SeedUser, SeedVote};
use anyhow::Context;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashSet;
use std::io::Write;

/// Every seeded user's password (they are for load tests, not people).
pub const PASSWORD: &str = "seed-password-2026";
const YEAR_MS: i64 = 365 * DAY_MS;

const VERBS: [&str; 12] = [
    "Add",
    "Support",
    "Allow",
    "Improve",
    "Show",
    "Export",
    "Sync",
    "Simplify",
    "Speed up",
    "Let us customise",
    "Bring back",
    "Offer",
];
const THINGS: [&str; 20] = [
    "dark mode",
    "CSV export",
    "two-factor sign-in",
    "recurring invoices",
    "offline mode",
    "keyboard shortcuts",
    "bulk editing",
    "calendar sync",
    "custom fields",
    "a public API",
    "saved filters",
    "team permissions",
    "email digests",
    "PDF reports",
    "Slack notifications",
    "multi-currency prices",
    "audit logs",
    "drag and drop uploads",
    "search suggestions",
    "mobile widgets",
];
const PLACES: [&str; 10] = [
    "in the mobile app",
    "on the dashboard",
    "for teams",
    "in reports",
    "for admins",
    "in the web app",
    "for new users",
    "in the settings",
    "across projects",
    "for large accounts",
];
const SENTENCES: [&str; 12] = [
    "We run into this every week and lose time on workarounds.",
    "Our whole team would use this daily.",
    "Competitors have had this for a while, and customers ask us about it.",
    "Right now we export everything and fix it by hand in a spreadsheet.",
    "It should work the same way on the phone and on the desktop.",
    "Please keep it simple: one setting would be enough for most of us.",
    "This matters most at the end of the month, when everybody is busy.",
    "Ideally it would remember the last choice.",
    "Accessibility matters here too: keyboard and screen readers.",
    "A small first version would already help a lot.",
    "We would happily test an early version.",
    "Without it we have to ask support each time.",
];
const REPLIES: [&str; 10] = [
    "+1, we need this too.",
    "Same here. It would save us an hour a week.",
    "Would it also work for archived projects?",
    "Any news on this? It is our most requested feature.",
    "We found a workaround, but a proper solution would be better.",
    "Please make it optional; not everybody wants it.",
    "Is there an API for this yet?",
    "This would help our support team a lot.",
    "Upvoted. Our customers keep asking.",
    "Could this be part of the next release?",
];
/// (status, share in percent)
const STATUSES: [(&str, u32); 6] = [
    ("open", 80),
    ("under review", 6),
    ("planned", 5),
    ("in progress", 3),
    ("done", 4),
    ("declined", 2),
];

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.gen_range(0..list.len())]
}

fn status(rng: &mut StdRng) -> &'static str {
    let mut roll = rng.gen_range(0..100);
    for (status, share) in STATUSES {
        if roll < share {
            return status;
        }
        roll -= share;
    }
    "open"
}

fn body(rng: &mut StdRng) -> String {
    let n = rng.gen_range(1..=5);
    (0..n).map(|_| pick(rng, &SENTENCES)).collect::<Vec<_>>().join(" ")
}

/// Indexes drawn with probability ∝ 1/(rank+1)^0.9 over a shuffled order:
/// a long tail with a few favourites, as on real boards.
struct Popularity {
    order: Vec<usize>,
    cumulative: Vec<f64>,
}

impl Popularity {
    fn new(rng: &mut StdRng, n: usize) -> Popularity {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            order.swap(i, rng.gen_range(0..=i));
        }
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|rank| {
                total += 1.0 / ((rank + 1) as f64).powf(0.9);
                total
            })
            .collect();
        Popularity { order, cumulative }
    }

    fn draw(&self, rng: &mut StdRng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.gen::<f64>() * total;
        let rank = self.cumulative.partition_point(|&c| c < x).min(self.order.len() - 1);
        self.order[rank]
    }
}

fn generate(args: &SeedArgs, board_ids: &[i64], password_hash: String) -> SeedData {
    let mut rng = StdRng::seed_from_u64(args.seed);
    let now = now_ms();
    let users: Vec<SeedUser> = (0..args.users.max(1))
        .map(|i| SeedUser {
            email: format!("seed-{i}@seed.example"),
            name: format!(
                "{} {}",
                pick(&mut rng, &["Ada", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana"]),
                i
            ),
            created_at: now - rng.gen_range(0..YEAR_MS),
        })
        .collect();
    let mut ideas: Vec<SeedIdea> = (0..args.ideas)
        .map(|_| {
            let title = format!(
                "{} {} {}",
                pick(&mut rng, &VERBS),
                pick(&mut rng, &THINGS),
                pick(&mut rng, &PLACES)
            );
            let body_md = body(&mut rng);
            // More ideas are recent than old.
            let created_at = now - (YEAR_MS as f64 * rng.gen::<f64>().powf(1.6)) as i64;
            SeedIdea {
                author: rng.gen_range(0..users.len()),
                board_id: board_ids[rng.gen_range(0..board_ids.len())],
                body_html: markdown::render(&body_md),
                title,
                body_md,
                status: status(&mut rng),
                vote_count: 0,
                comment_count: 0,
                trend: trend::initial(created_at),
                created_at,
            }
        })
        .collect();
    let mut data = SeedData {
        password_hash,
        follows: ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| (i, idea.author, idea.created_at))
            .collect(),
        ..SeedData::default()
    };
    if ideas.is_empty() {
        data.users = users;
        return data;
    }
    let popular = Popularity::new(&mut rng, ideas.len());
    let mut cast = HashSet::with_capacity(args.votes);
    let mut tries = 0;
    while data.votes.len() < args.votes && tries < args.votes * 4 {
        tries += 1;
        let (idea, user) = (popular.draw(&mut rng), rng.gen_range(0..users.len()));
        if !cast.insert((idea, user)) {
            continue;
        }
        let at = ideas[idea].created_at + rng.gen_range(0..(now - ideas[idea].created_at).max(1));
        ideas[idea].vote_count += 1;
        ideas[idea].trend = trend::add(ideas[idea].trend, at, trend::VOTE);
        data.follows.push((idea, user, at));
        data.votes.push(SeedVote { idea, user, at });
    }
    for _ in 0..args.comments {
        let idea = popular.draw(&mut rng);
        let at = ideas[idea].created_at + rng.gen_range(0..(now - ideas[idea].created_at).max(1));
        let body_md = pick(&mut rng, &REPLIES).to_owned();
        ideas[idea].comment_count += 1;
        ideas[idea].trend = trend::add(ideas[idea].trend, at, trend::COMMENT);
        data.comments.push(SeedComment {
            idea,
            user: rng.gen_range(0..users.len()),
            body_html: markdown::render(&body_md),
            body_md,
            at,
        });
    }
    data.users = users;
    data.ideas = ideas;
    data
}

pub async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let store = store::connect(&args.db.database_url).await?;
    store.ensure_a_board(now_ms()).await?;
    let board_ids: Vec<i64> = store.boards().await?.iter().map(|b| b.id).collect();
    let hash = password::hash(PASSWORD.to_owned()).await?;
    let data = generate(&args, &board_ids, hash);
    let generated = started.elapsed();
    store.seed(&data).await?;
    if let Some(path) = &args.sessions_file {
        sessions(store.as_ref(), &data, args.sessions, path).await?;
    }
    println!(
        "seeded {} users, {} ideas, {} votes, {} comments in {:.1} s (generating {:.1} s)",
        data.users.len(),
        data.ideas.len(),
        data.votes.len(),
        data.comments.len(),
        started.elapsed().as_secs_f64(),
        generated.as_secs_f64()
    );
    Ok(())
}

/// Signed-in sessions for the first `n` seeded users, one token per line,
/// for load tests that act as many users (no password hashing per user).
async fn sessions(store: &dyn store::Store, data: &SeedData, n: usize, path: &std::path::Path) -> anyhow::Result<()> {
    let mut file = std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
    let now = now_ms();
    for user in data.users.iter().take(n) {
        let row = store.user_by_email(&user.email).await?.context("a seeded user")?;
        let session = token::new_token();
        store
            .insert_session(&token::hash_token(&session), row.id, now, now + YEAR_MS)
            .await?;
        writeln!(file, "{session}")?;
    }
    Ok(())
}
