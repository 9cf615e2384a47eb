//! Columns added after rows existed are filled in at start-up: rendered
//! HTML (migration 0002) and the trend score (migration 0004).

macro_rules! backfill {
    ($store:ty, $db:ty, $lock:literal) => {
        impl $store {
            /// Fills in columns that rows written before their migration lack.
            pub(in crate::store) async fn backfill(&self) -> crate::store::StoreResult<()> {
                for table in ["ideas", "comments"] {
                    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
                        "SELECT id, body_md FROM {table} WHERE body_html IS NULL"
                    ))
                    .fetch_all(&self.writer)
                    .await?;
                    for (id, md) in rows {
                        sqlx::query(&format!("UPDATE {table} SET body_html = $1 WHERE id = $2"))
                            .bind(crate::domain::markdown::render(&md))
                            .bind(id)
                            .execute(&self.writer)
                            .await?;
                    }
                }
                self.compute_missing_trends().await
            }

            async fn compute_missing_trends(&self) -> crate::store::StoreResult<()> {
                use crate::domain::trend;
                let ideas: Vec<(i64, i64)> = sqlx::query_as("SELECT id, created_at FROM ideas WHERE trend = 0")
                    .fetch_all(&self.writer)
                    .await?;
                for (id, created_at) in ideas {
                    let votes: Vec<i64> = sqlx::query_scalar("SELECT created_at FROM votes WHERE idea_id = $1")
                        .bind(id)
                        .fetch_all(&self.writer)
                        .await?;
                    let comments: Vec<i64> = sqlx::query_scalar("SELECT created_at FROM comments WHERE idea_id = $1")
                        .bind(id)
                        .fetch_all(&self.writer)
                        .await?;
                    let score = votes
                        .iter()
                        .fold(trend::initial(created_at), |s, &t| trend::add(s, t, trend::VOTE));
                    let score = comments
                        .iter()
                        .fold(score, |s, &t| trend::add(s, t, trend::COMMENT));
                    sqlx::query("UPDATE ideas SET trend = $1 WHERE id = $2")
                        .bind(score)
                        .bind(id)
                        .execute(&self.writer)
                        .await?;
                }
                Ok(())
            }
        }
    };
}
for_each_backend!(backfill);
