//! The `schwarm` binary: parse the command line, set up logging, dispatch.

use clap::Parser;
use schwarm_server::cli::{boards, seed, users};
use schwarm_server::config::{BoardCommand, Cli, Command, LogFormat, UserCommand};
use schwarm_server::{store, Application};
use tracing_subscriber::EnvFilter;

/// mimalloc rather than glibc's malloc: under load glibc gave freed memory
/// back to the kernel and took it again at once (`madvise`, then page
/// faults and TLB flushes across both cores), a few percent of the server's
/// time in perf under `list_signed_in` (`make bench`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    match cli.log_format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().init(),
    }
    match cli.command {
        Command::Serve(args) => {
            let app = Application::build(&args).await?;
            let addr = app.local_addr();
            tracing::info!(%addr, "serving");
            println!("Schwarm is running at http://{addr}/");
            app.run_until(shutdown_signal()).await?;
            tracing::info!("stopped");
        }
        Command::Backup(args) => {
            store::backup(&args.db.database_url, &args.to).await?;
            println!("backup written to {}", args.to.display());
        }
        Command::Migrate(db) => {
            store::connect(&db.database_url).await?;
            println!("migrations are up to date");
        }
        Command::User {
            command: UserCommand::Add(args),
        } => users::add(args).await?,
        Command::Seed(args) => seed::run(args).await?,
        Command::Board {
            command: BoardCommand::Add(args),
        } => boards::add(args).await?,
    }
    Ok(())
}

/// Resolves on SIGINT or SIGTERM, so that in-flight requests finish and
/// SQLite checkpoints cleanly before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
