//! Rows written before HTML was stored (migration 0002) get it at start-up.

macro_rules! render_missing_html {
    ($store:ty, $db:ty) => {
        impl $store {
            pub(in crate::store) async fn render_missing_html(&self) -> crate::store::StoreResult<()> {
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
                Ok(())
            }
        }
    };
}
for_each_backend!(render_missing_html);
