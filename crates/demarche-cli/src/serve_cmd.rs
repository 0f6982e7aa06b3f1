//! `demarche serve DB`: opens the event store read-only and serves the web app until Ctrl-C.

use anyhow::Result;
use demarche_serve::ServerBuilder;
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub(crate) struct ServeArgs {
    /// The SQLite event store written by `demarche code --db` (opened read-only).
    db: PathBuf,
    /// Address to listen on; other machines can reach the app only if this is not loopback.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Time limit for one request's database queries, in milliseconds.
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    query_timeout_ms: u64,
    /// Requests handled at once (the rest wait).
    #[arg(long, default_value_t = 32)]
    max_concurrent: usize,
}

pub(crate) fn run(args: ServeArgs) -> Result<ExitCode> {
    let server = ServerBuilder::new()
        .bind(args.bind)
        .port(args.port)
        .query_time(Duration::from_millis(args.query_timeout_ms))
        .max_concurrent(args.max_concurrent)
        .build(&args.db)?;
    let db = args.db.display().to_string();
    server.run(|addr| {
        println!("demarche serve: http://{addr}/ (read-only: {db}; Ctrl-C stops)");
        let _ = std::io::stdout().flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
