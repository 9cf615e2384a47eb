//! Bulk loading of generated data (`schwarm seed`): multi-row inserts in
//! large transactions, counters and trend computed before insert, so a
//! million votes load in seconds and every counter equals its rows.

/// Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535
/// parameters for the widest row (ideas, 12 columns).
const CHUNK: usize = 1000;

macro_rules! seed_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::SeedStore for $store {
            async fn seed(&self, data: &crate::store::SeedData) -> crate::store::StoreResult<()> {
                use sqlx::QueryBuilder;
                let chunk = super::seed::CHUNK;
                let mut tx = self.write().await?;
                let mut user_ids: Vec<i64> = Vec::with_capacity(data.users.len());
                for part in data.users.chunks(chunk) {
                    let mut q = QueryBuilder::<$db>::new(
                        "INSERT INTO users (email, display_name, password_hash, role, created_at) ",
                    );
                    q.push_values(part, |mut row, user| {
                        row.push_bind(&user.email)
                            .push_bind(&user.name)
                            .push_bind(&data.password_hash)
                            .push_bind("member")
                            .push_bind(user.created_at);
                    });
                    q.push(" RETURNING id");
                    let ids: Vec<i64> = q.build_query_scalar().fetch_all(&mut *tx).await?;
                    user_ids.extend(ids);
                }
                let first_idea: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ideas")
                    .fetch_one(&mut *tx)
                    .await?;
                for (n, part) in data.ideas.chunks(chunk).enumerate() {
                    let mut q = QueryBuilder::<$db>::new(
                        "INSERT INTO ideas (id, author_id, board_id, title, body_md, body_html, status, vote_count,
                            comment_count, trend, created_at, updated_at) ",
                    );
                    q.push_values(part.iter().enumerate(), |mut row, (i, idea)| {
                        row.push_bind(first_idea + (n * chunk + i) as i64)
                            .push_bind(user_ids[idea.author])
                            .push_bind(idea.board_id)
                            .push_bind(&idea.title)
                            .push_bind(&idea.body_md)
                            .push_bind(&idea.body_html)
                            .push_bind(idea.status)
                            .push_bind(idea.vote_count)
                            .push_bind(idea.comment_count)
                            .push_bind(idea.trend)
                            .push_bind(idea.created_at)
                            .push_bind(idea.created_at);
                    });
                    q.build().execute(&mut *tx).await?;
                }
                for part in data.votes.chunks(chunk) {
                    let mut q = QueryBuilder::<$db>::new("INSERT INTO votes (idea_id, user_id, created_at) ");
                    q.push_values(part, |mut row, vote| {
                        row.push_bind(first_idea + vote.idea as i64)
                            .push_bind(user_ids[vote.user])
                            .push_bind(vote.at);
                    });
                    q.build().execute(&mut *tx).await?;
                }
                for part in data.comments.chunks(chunk) {
                    let mut q = QueryBuilder::<$db>::new(
                        "INSERT INTO comments (idea_id, author_id, body_md, body_html, created_at, updated_at) ",
                    );
                    q.push_values(part, |mut row, comment| {
                        row.push_bind(first_idea + comment.idea as i64)
                            .push_bind(user_ids[comment.user])
                            .push_bind(&comment.body_md)
                            .push_bind(&comment.body_html)
                            .push_bind(comment.at)
                            .push_bind(comment.at);
                    });
                    q.build().execute(&mut *tx).await?;
                }
                // Authors and voters follow, as they would have.
                for part in data.follows.chunks(chunk) {
                    let mut q = QueryBuilder::<$db>::new("INSERT INTO follows (idea_id, user_id, created_at) ");
                    q.push_values(part, |mut row, (idea, user, at)| {
                        row.push_bind(first_idea + *idea as i64)
                            .push_bind(user_ids[*user])
                            .push_bind(*at);
                    });
                    q.push(" ON CONFLICT DO NOTHING");
                    q.build().execute(&mut *tx).await?;
                }
                if let Some(sql) = Self::SEED_SEQUENCE_FIX {
                    sqlx::query(sql).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                for sql in Self::AFTER_BULK_LOAD {
                    sqlx::query(sql).execute(&self.writer).await?;
                }
                Ok(())
            }
        }
    };
}
for_each_backend!(seed_store);
