//! The `lectern` command: parses the command line and hands each subcommand to its file
//! in `cli/`, which calls the library and prints. Exit codes: 0 success, 1 a user error,
//! 2 usage.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cli::{Fail, Reporter};

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "把讲稿编译成可离线放映的幻灯片 — compile a lecture into an offline HTML slide deck"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the deck: one self-contained HTML file.
    Build(cli::build::Args),
    /// Print the outline, the warnings and the speaking time.
    Check(cli::check::Args),
    /// Print the section tree.
    Outline(cli::outline::Args),
    /// List the built-in themes.
    Themes,
    /// Make or check a theme folder of your own.
    Theme {
        #[command(subcommand)]
        command: cli::theme::Command,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut reporter = Reporter::new(false);
    let result = match &cli.command {
        Command::Build(args) => cli::build::run(args, &mut reporter),
        Command::Check(args) => cli::check::run(args, &mut reporter),
        Command::Outline(args) => cli::outline::run(args, &mut reporter),
        Command::Themes => cli::theme::list(),
        Command::Theme { command } => cli::theme::run(command, &mut reporter),
    };
    match result {
        Ok(code) => code,
        Err(Fail(message)) => {
            reporter.error(&message);
            ExitCode::from(1)
        }
    }
}
