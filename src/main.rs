//! The `lectern` command: parses the command line (in the user's language) and hands
//! each subcommand to its file in `cli/`, which calls the library and prints. Exit
//! codes: 0 success, 1 a user error, 2 usage.

mod cli;

/// Counts what a theme's templates hold, so a template that grows a string in a loop is
/// stopped at its budget instead of taking the machine's memory.
#[global_allocator]
static COUNTING: lectern::limits::budget::Counting = lectern::limits::budget::Counting;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use cli::lang::{self, Lang};
use cli::{Fail, Reporter};

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "把讲稿编译成可离线放映的幻灯片 — compile a lecture into an offline HTML slide deck"
)]
struct Cli {
    /// Messages in this language, zh or en [default: the system's].
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Quiet: report errors only.
    #[arg(short, long, global = true)]
    quiet: bool,
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
    /// Serve the deck on this computer and rebuild it at each change of the lecture.
    Watch(cli::watch::Args),
    /// Write a starter lecture that shows every way to mark the structure.
    New(cli::new::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions {
        /// Which shell: bash, zsh, fish or powershell.
        shell: clap_complete::Shell,
    },
}

fn main() -> ExitCode {
    // The work runs on a thread with a stack of a known size: the main thread's is 8 MB
    // on Linux but 1 MB on Windows, and the nesting limits are measured against this one.
    let work = std::thread::Builder::new()
        .name("lectern".into())
        .stack_size(lectern::limits::STACK)
        .spawn(run);
    match work.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        // the panic has printed its message
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("lectern: cannot start its work thread: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let from_env = || lang::from_env(|key| std::env::var(key).ok());
    lang::set(lang::from_args(&args).unwrap_or_else(from_env));
    // Started from the desktop: files dropped on the program, or a double-click.
    if let Some(files) = cli::desktop::dropped(&args) {
        return cli::desktop::build_dropped(&files, &mut Reporter::new(false));
    }
    if args.len() == 1 && cli::console::own() {
        return cli::desktop::usage_and_wait();
    }
    let cli: Cli = cli::args::parse(args);
    let mut reporter = Reporter::new(cli.quiet);
    let result = match &cli.command {
        Command::Build(args) => cli::build::run(args, &mut reporter),
        Command::Check(args) => cli::check::run(args, &mut reporter),
        Command::Outline(args) => cli::outline::run(args, &mut reporter),
        Command::Watch(args) => cli::watch::run(args, &mut reporter),
        Command::New(args) => cli::new::run(args, &mut reporter),
        Command::Themes => cli::theme::list(),
        Command::Theme { command } => cli::theme::run(command, &mut reporter),
        Command::Completions { shell } => {
            let mut out = std::io::stdout();
            clap_complete::generate(*shell, &mut Cli::command(), "lectern", &mut out);
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(Fail(message)) => {
            reporter.error(&message);
            ExitCode::from(1)
        }
    }
}
