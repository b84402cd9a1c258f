//! Parsing the command line in the user's language: clap's derive gives the English help
//! (from the doc comments); in Chinese every about and help text is swapped for its
//! entry below, the help headings are written in Chinese, and usage errors say in
//! Chinese what is wrong.

use std::ffi::OsString;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command, Parser};

use super::lang::{current, Lang};

/// Commands' about texts in Chinese, by command name.
const ABOUT: &[(&str, &str)] = &[
    ("lectern", "把讲稿编译成可离线放映的幻灯片"),
    ("build", "生成幻灯片：一个独立的 HTML 文件"),
    ("check", "列出提纲、警告和讲话时长"),
    ("outline", "列出章节结构"),
    ("themes", "列出内置主题"),
    ("theme", "建立或检查自己的主题文件夹"),
    ("new", "写一份示例讲稿，演示各种标出结构的写法"),
    (
        "import",
        "用单位的 PowerPoint 模板（.pptx 或 .potx）做一个主题文件夹：配色、字体、背景、标志和版式位置；用它生成的 .pptx 直接套在模板上",
    ),
    ("watch", "在本机上放映幻灯片，讲稿一改就重新生成并刷新页面"),
    (
        "completions",
        "输出命令行补全脚本（bash、zsh、fish、powershell）",
    ),
];

/// Arguments' help in Chinese, by argument id (the same id means the same thing in
/// every command); `theme check DIR` has its own entry.
const HELP: &[(&str, &str)] = &[
    (
        "file",
        "讲稿：纯文本（.txt，UTF-8、UTF-16 或 GB18030）、Markdown（.md）或 Word（.docx）",
    ),
    (
        "rate",
        "语速，每分钟多少字，用来估算每张幻灯片的时长［默认 240］",
    ),
    ("minutes", "讲话总分钟数：按它缩放各张幻灯片的时长"),
    ("keep_punctuation", "保留原样的半角标点，不改为全角"),
    ("deny_warnings", "把警告当作错误（退出码 1）"),
    (
        "output",
        "写到哪里（`-` 表示标准输出）；扩展名 .pptx 生成可编辑的演示文稿，.pdf 生成 PDF。默认：讲稿旁边，扩展名 .html",
    ),
    (
        "theme",
        "内置主题名（见 `lectern themes`）或主题文件夹的路径［默认：讲稿的设置，否则默认主题］",
    ),
    (
        "aspect",
        "幻灯片比例 16:9 或 4:3［默认：讲稿的设置，否则主题的］",
    ),
    ("template", "单位的 PowerPoint 模板，.pptx 或 .potx"),
    (
        "format",
        "输出格式 html、pptx 或 pdf［默认：按输出文件的扩展名，否则 html］",
    ),
    (
        "print",
        "PDF 的内容：slides（每页一张幻灯片）、handout（讲义：幻灯片加备注）或 script（讲稿）［默认 slides］",
    ),
    (
        "allow_outside",
        "允许读取讲稿文件夹以外的图片和主题文件",
    ),
    (
        "content",
        "要点页在标题下显示什么：key（几句关键的话）、title（只有标题）或 full（全文，缩小排下）［默认：讲稿的设置，否则 key］",
    ),
    ("no_outline", "不要目录页"),
    (
        "allow_html",
        "允许 Markdown 讲稿里的原始 HTML（脚本仍然不能运行）",
    ),
    ("json", "输出 JSON（格式见 README）"),
    ("dir", "要建立的文件夹：必须不存在或为空"),
    ("from", "从哪个主题开始：内置主题名或主题文件夹"),
    ("shell", "哪种命令行：bash、zsh、fish 或 powershell"),
    ("lang", "消息的语言 zh 或 en［默认：系统语言］"),
    ("quiet", "安静：只报告错误"),
    ("port", "用哪个端口［默认：随便一个空闲的］"),
    (
        "host",
        "在哪个地址上提供服务；不是 127.0.0.1 时别的电脑也能看到幻灯片",
    ),
    ("open", "用默认浏览器打开幻灯片"),
];

/// Parses `args` as `T` with help and errors in the current language; exits on a
/// usage error (2) or after printing help or the version (0).
pub fn parse<T: Parser>(args: Vec<OsString>) -> T {
    let mut cmd = T::command();
    if current() == Lang::Zh {
        cmd = chinese(cmd, true);
    }
    match cmd.try_get_matches_from_mut(args) {
        Ok(matches) => T::from_arg_matches(&matches).unwrap_or_else(|e| e.exit()),
        Err(e) if current() == Lang::Zh => exit_in_chinese(e),
        Err(e) if pace_conflict(&e) => {
            eprintln!("error: --rate and --minutes both set the timing; keep one: --minutes to fill a time slot, --rate to time the lecture at a speaking rate\n\nFor more information, try '--help'.");
            std::process::exit(2)
        }
        Err(e) => e.exit(),
    }
}

/// Whether argument `id` has a Chinese help text.
#[cfg(test)]
pub fn has_chinese_help(id: &str) -> bool {
    lookup(HELP, id).is_some()
}

/// Whether command `name` has a Chinese about text.
#[cfg(test)]
pub fn has_chinese_about(name: &str) -> bool {
    lookup(ABOUT, name).is_some()
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn chinese(mut cmd: Command, root: bool) -> Command {
    let name = cmd.get_name().to_string();
    if let Some(about) = lookup(ABOUT, &name) {
        cmd = cmd.about(about);
    }
    // `theme new` and `theme check` share their names with `new` and `check`
    let theme_command = cmd.get_arguments().any(|a| a.get_id() == "dir");
    if theme_command && name == "check" {
        cmd = cmd.about("检查主题文件夹：theme.toml、文件、模板和一份样例幻灯片");
    }
    if theme_command && name == "new" {
        cmd = cmd.about("把一个主题写成文件夹以便修改（标志、颜色、单位、字体）");
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(help) = lookup(HELP, &id) {
            let help = match (name.as_str(), id.as_str()) {
                ("check", "dir") => "主题文件夹",
                ("new", "file") => "要写的讲稿：以 .md（Markdown，带示例图片）或 .txt 结尾",
                _ => help,
            };
            cmd = cmd.mut_arg(id, |a| a.help(help));
        }
    }
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("显示帮助"),
    );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if cmd.has_subcommands() {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}\n");
    cmd = cmd.help_template(template);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |s| chinese(s, false));
    }
    cmd
}

/// `--rate` given with `--minutes`.
fn pace_conflict(e: &clap::Error) -> bool {
    let arg = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    e.kind() == ErrorKind::ArgumentConflict
        && [arg(ContextKind::InvalidArg), arg(ContextKind::PriorArg)]
            .iter()
            .all(|a| a.contains("--rate") || a.contains("--minutes"))
}

/// A usage error in Chinese: what is wrong, the usage line, where to read more; exit 2.
fn exit_in_chinese(e: clap::Error) -> ! {
    let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = context(ContextKind::ValidValue);
            let mut m = format!(
                "参数 {} 的值 `{}` 不对",
                context(ContextKind::InvalidArg),
                context(ContextKind::InvalidValue)
            );
            if !valid.is_empty() {
                m.push_str(&format!("；可以用：{valid}"));
            }
            m
        }
        ErrorKind::UnknownArgument => {
            format!("不认识的参数 `{}`", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "没有 `{}` 这个命令",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("缺少参数：{}", context(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => "缺少命令".into(),
        ErrorKind::ArgumentConflict if pace_conflict(&e) => {
            "--rate 和 --minutes 都决定时长，只能用一个：要讲满规定的时间就留 --minutes，按自己的语速估算就留 --rate".into()
        }
        ErrorKind::ArgumentConflict => format!(
            "{} 不能和 {} 一起用：请只保留一个",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        _ => e
            .render()
            .to_string()
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
    };
    let rendered = e.render().to_string();
    let usage = rendered
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .unwrap_or("lectern <命令>");
    eprintln!("错误：{what}\n\n用法：{usage}\n\n运行 `lectern --help` 查看全部命令，`lectern 命令 --help` 查看一个命令的说明。");
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::Cli;

    /// A new flag without a Chinese help text would show English in a Chinese help page.
    #[test]
    fn every_argument_has_its_chinese_help() {
        fn walk(cmd: &clap::Command, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if !["help", "version"].contains(&id) && !super::has_chinese_help(id) {
                    missing.push(format!("{} {id}", cmd.get_name()));
                }
            }
            for sub in cmd.get_subcommands() {
                if !super::has_chinese_about(sub.get_name()) {
                    missing.push(format!("command {}", sub.get_name()));
                }
                walk(sub, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), &mut missing);
        assert!(missing.is_empty(), "no Chinese text for: {missing:?}");
    }
}
