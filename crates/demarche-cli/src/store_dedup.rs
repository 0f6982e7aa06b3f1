//! `demarche dedup STORE.sqlite`: recomputes every event cluster of a SQLite event store
//! (schema `docs/store-schema.sql`) — the `clusters` table and `events.cluster_id` — in one
//! transaction, so a rerun gives the same clusters and a failure leaves the old ones.

use anyhow::{Context, Result};
use demarche::dedup::{self, Clustering, CodeLevel, DedupConfig, Report};
use rusqlite::{params, Connection, OpenFlags};
use std::path::Path;

/// What a store run did.
pub struct StoreSummary {
    events: usize,
    clusters: usize,
    merged: usize,
}

impl std::fmt::Display for StoreSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} event(s) in {} cluster(s), {} of them with more than one event",
            self.events, self.clusters, self.merged
        )
    }
}

/// Opens an existing store read-write (never creating one) and checks its schema version
/// with the store's own check.
pub fn open_store(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .with_context(|| format!("opening {}", path.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    demarche::sink::sqlite::check_schema(&conn, path)?;
    Ok(conn)
}

/// Clusters every event of the store at `path` and writes the clusters.
pub fn dedup_store(path: &Path, config: &DedupConfig) -> Result<StoreSummary> {
    let conn = open_store(path)?;
    cluster_connection(&conn, config)
        .with_context(|| format!("clustering the events of {}", path.display()))
}

/// Clusters every event of an open store, replacing all clusters in one transaction.
pub fn cluster_connection(conn: &Connection, config: &DedupConfig) -> Result<StoreSummary> {
    let (ids, reports) = load_reports(conn)?;
    let clustering = dedup::cluster(&reports, config);
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL",
        [],
    )?;
    tx.execute("DELETE FROM clusters", [])?;
    insert_clusters(&tx, &ids, &reports, &clustering)?;
    assign_events(&tx, &ids, &clustering)?;
    tx.commit()?;
    let clusters = clustering.clusters();
    Ok(StoreSummary {
        events: reports.len(),
        clusters: clusters.len(),
        merged: clusters.iter().filter(|c| c.mentions > 1).count(),
    })
}

/// The event ids and their reports, in id order.
fn load_reports(conn: &Connection) -> Result<(Vec<i64>, Vec<Report>)> {
    let mut stmt = conn.prepare(
        "SELECT e.id, d.doc_id, d.outlet, e.source_code, e.target_code, e.cameo, e.date, d.date,
                e.evidence_text, e.evidence_pattern
         FROM events e JOIN documents d ON d.id = e.document_id ORDER BY e.id",
    )?;
    let mut ids = Vec::new();
    let mut reports = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        ids.push(row.get::<_, i64>(0)?);
        let mut r = Report::new(row.get::<_, String>(1)?, row.get::<_, String>(5)?);
        r.outlet = row.get(2)?;
        r.source = row.get(3)?;
        r.target = row.get(4)?;
        r.date = row.get(6)?;
        r.doc_date = row.get(7)?;
        r.evidence_text = row.get(8)?;
        r.evidence_pattern = row.get(9)?;
        reports.push(r);
    }
    Ok((ids, reports))
}

fn insert_clusters(
    tx: &rusqlite::Transaction<'_>,
    ids: &[i64],
    reports: &[Report],
    clustering: &Clustering,
) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO clusters (id, canonical_event_id, cameo, root, source_code, target_code,
                               first_date, last_date, mentions, documents, outlets)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for c in clustering.clusters() {
        let canonical = &reports[c.canonical];
        insert.execute(params![
            c.id as i64,
            ids[c.canonical],
            canonical.cameo,
            CodeLevel::Root.prefix(&canonical.cameo),
            canonical.source,
            canonical.target,
            c.first_date,
            c.last_date,
            c.mentions as i64,
            c.documents as i64,
            c.outlets as i64,
        ])?;
    }
    Ok(())
}

fn assign_events(
    tx: &rusqlite::Transaction<'_>,
    ids: &[i64],
    clustering: &Clustering,
) -> Result<()> {
    let mut update = tx.prepare("UPDATE events SET cluster_id = ?1 WHERE id = ?2")?;
    for (i, id) in ids.iter().enumerate() {
        update.execute(params![clustering.cluster_of(i).id as i64, id])?;
    }
    Ok(())
}
