#pragma once

#include "cli/HelpText.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace trailguard::Cli {

// The help of one subcommand (`trailguard watch add --help`, `trailguard replay --help`, ...), laid out
// the same way for every command:
//
//   Usage: trailguard [--data-dir DIR] watch add TICKER [...]
//
//   What it does, wrapped to 80 columns.
//
//   Options:
//     --ratio R  ...
//     -h, --help Show this help and exit.
//
//   Exit status:        (only when the command lists its own)
//     0  ...
class SubcommandHelp {
    Q_DECLARE_TR_FUNCTIONS(SubcommandHelp)
public:
    // `synopsis` follows "Usage: " as is, e.g. "trailguard replay --csv FILE [...]".
    SubcommandHelp(const QString &synopsis, const QString &description);

    // The command's options; -h/--help is added to them.
    SubcommandHelp &options(const QList<QCommandLineOption> &options);
    SubcommandHelp &exitStatus(const QList<HelpRow> &rows);

    QString text() const;

    // `trailguard watch --help` for a command made of actions: usage, the actions with their summaries,
    // and how to get one action's help. `command` is "watch"; `actions` come from its summaries().
    static QString actionList(const QString &command, const QList<HelpRow> &actions);

private:
    QString m_synopsis;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QList<HelpRow> m_exitStatus;
};

} // namespace trailguard::Cli
