#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace trailguard::Cli {

// The line break of everything the command line prints.
inline const QString kNewline = QStringLiteral("\n");

// Help lines stay shorter than this, to fit a standard 80-column terminal.
constexpr qsizetype kHelpWidth = 80;

// One entry of a help list: a term ("watch list [--json]", "--data-dir DIR", "2") and what it means.
struct HelpRow {
    QString term;
    QString description;
};

// Formats rows, each indented by two spaces. Short terms (options, exit codes) make two aligned columns;
// when a term is too wide for that (a command's synopsis), every row puts its term on a line of its own
// and the description below it, indented. Terms and descriptions are wrapped to fit kHelpWidth.
QString formatHelpRows(const QList<HelpRow> &rows);
// Wraps each line of `text` to fit kHelpWidth; the result ends in a newline.
QString formatHelpParagraph(const QString &text);
// "Usage: trailguard watch add TICKER [...]", wrapped under its first word, ending in a newline.
QString formatUsage(const QString &synopsis);
// The help rows of options, e.g. {"-h, --help", ...}, {"--ratio R", ...}. Hidden options are skipped.
QList<HelpRow> optionRows(const QList<QCommandLineOption> &options);
// The -h/--help option every command has (--help-all is accepted as a hidden synonym).
QList<QCommandLineOption> helpOptions();
// True when `word` asks for help: -h, --help or --help-all.
bool isHelpWord(const QString &word);

} // namespace trailguard::Cli
