macro_rules! board_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::BoardStore for $store {
            async fn boards(&self) -> crate::store::StoreResult<Vec<crate::store::BoardRow>> {
                let mut boards: Vec<crate::store::BoardRow> = sqlx::query_as(
                    "SELECT id, slug, name, description, approval_required FROM boards ORDER BY position, id",
                )
                .fetch_all(&self.reader)
                .await?;
                let tags: Vec<crate::store::TagRow> =
                    sqlx::query_as("SELECT id, board_id, name, colour FROM tags ORDER BY name")
                        .fetch_all(&self.reader)
                        .await?;
                for board in &mut boards {
                    board.tags = tags.iter().filter(|t| t.board_id == board.id).cloned().collect();
                }
                Ok(boards)
            }

            async fn insert_board(
                &self,
                slug: &str,
                name: &str,
                description: &str,
                tags: &[(&str, &str)],
                now: i64,
            ) -> crate::store::StoreResult<i64> {
                let mut tx = self.write().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO boards (slug, name, description, position, created_at)
                     VALUES ($1, $2, $3, (SELECT COUNT(*) FROM boards), $4) RETURNING id",
                )
                .bind(slug)
                .bind(name)
                .bind(description)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for (tag, colour) in tags {
                    sqlx::query("INSERT INTO tags (board_id, name, colour) VALUES ($1, $2, $3)")
                        .bind(id)
                        .bind(*tag)
                        .bind(*colour)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(id)
            }

            async fn ensure_a_board(&self, now: i64) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO boards (slug, name, description, position, created_at)
                     SELECT 'general', 'General', '', 0, $1 WHERE NOT EXISTS (SELECT 1 FROM boards)",
                )
                .bind(now)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }
        }
    };
}
for_each_backend!(board_store);
