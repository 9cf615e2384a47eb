/// Per UTC day: `created_at` in days since the epoch.
const DAY: &str = "created_at / 86400000";

macro_rules! trend_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::TrendStore for $store {
            async fn trend_counts(&self, prev: i64, from: i64, to: i64) -> crate::store::StoreResult<crate::store::TrendCounts> {
                let day = super::trends::DAY;
                let per_day = |table: &str, extra: &str| {
                    format!(
                        "SELECT CAST({day} AS BIGINT) AS d, COUNT(*) FROM {table}
                         WHERE created_at >= $1 AND created_at < $2{extra} GROUP BY d ORDER BY d"
                    )
                };
                let ideas_by_day = sqlx::query_as(&per_day("ideas", " AND hidden_at IS NULL"))
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.reader)
                    .await?;
                let votes_by_day = sqlx::query_as(&per_day("votes", " AND merged_from IS NULL"))
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.reader)
                    .await?;
                let comments_by_day = sqlx::query_as(&per_day("comments", " AND NOT internal AND NOT hidden"))
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.reader)
                    .await?;
                let rising_ideas = sqlx::query_as(
                    "SELECT i.id, i.title, r.now, r.before FROM (
                        SELECT idea_id,
                            SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END) AS now,
                            SUM(CASE WHEN created_at < $2 THEN 1 ELSE 0 END) AS before
                        FROM votes WHERE created_at >= $1 AND created_at < $3 AND merged_from IS NULL GROUP BY idea_id
                     ) r JOIN ideas i ON i.id = r.idea_id
                     WHERE i.hidden_at IS NULL AND i.merged_into IS NULL AND r.now > 0
                     ORDER BY r.now - r.before DESC, r.now DESC, i.id DESC LIMIT 10",
                )
                .bind(prev)
                .bind(from)
                .bind(to)
                .fetch_all(&self.reader)
                .await?;
                let titles = sqlx::query_as(
                    "SELECT title, created_at FROM ideas
                     WHERE created_at >= $1 AND created_at < $2 AND hidden_at IS NULL AND approved",
                )
                .bind(prev)
                .bind(to)
                .fetch_all(&self.reader)
                .await?;
                let tags = sqlx::query_as(
                    "SELECT t.name,
                        SUM(CASE WHEN i.created_at >= $2 THEN 1 ELSE 0 END),
                        SUM(CASE WHEN i.created_at < $2 THEN 1 ELSE 0 END)
                     FROM idea_tags it JOIN ideas i ON i.id = it.idea_id JOIN tags t ON t.id = it.tag_id
                     WHERE i.created_at >= $1 AND i.created_at < $3 AND i.hidden_at IS NULL
                     GROUP BY t.name",
                )
                .bind(prev)
                .bind(from)
                .bind(to)
                .fetch_all(&self.reader)
                .await?;
                let distinct = |sql: &str| format!("SELECT COUNT(DISTINCT u) FROM ({sql}) x");
                let posted_sql = "SELECT author_id AS u FROM ideas WHERE created_at >= $1 AND created_at < $2";
                let commented_sql = "SELECT author_id AS u FROM comments WHERE created_at >= $1 AND created_at < $2 AND NOT internal";
                let voted_sql = "SELECT user_id AS u FROM votes WHERE created_at >= $1 AND created_at < $2 AND merged_from IS NULL";
                let all = format!("{posted_sql} UNION {commented_sql} UNION {voted_sql}");
                let mut counts = [0_i64; 4];
                for (slot, sql) in counts.iter_mut().zip([posted_sql, commented_sql, voted_sql, all.as_str()]) {
                    *slot = sqlx::query_scalar(&distinct(sql)).bind(from).bind(to).fetch_one(&self.reader).await?;
                }
                let only_signed_in: i64 = sqlx::query_scalar(&format!(
                    "SELECT COUNT(*) FROM users WHERE deleted_at IS NULL AND last_seen_at >= $1 AND last_seen_at < $2
                       AND id NOT IN (SELECT u FROM ({all}) x WHERE u IS NOT NULL)"
                ))
                .bind(from)
                .bind(to)
                .fetch_one(&self.reader)
                .await?;
                Ok(crate::store::TrendCounts {
                    ideas_by_day,
                    votes_by_day,
                    comments_by_day,
                    rising_ideas,
                    titles,
                    tags,
                    posted: counts[0],
                    commented: counts[1],
                    voted: counts[2],
                    contributors: counts[3],
                    only_signed_in,
                })
            }
        }
    };
}
for_each_backend!(trend_store);
