#include "cli/SubcommandHelp.h"
#include "cli/HelpText.h"

namespace trailguard::Cli {

SubcommandHelp::SubcommandHelp(const QString &synopsis, const QString &description)
    : m_synopsis(synopsis)
    , m_description(description)
{}

SubcommandHelp &SubcommandHelp::options(const QList<QCommandLineOption> &options)
{
    m_options = options;
    return *this;
}

SubcommandHelp &SubcommandHelp::exitStatus(const QList<HelpRow> &rows)
{
    m_exitStatus = rows;
    return *this;
}

QString SubcommandHelp::text() const
{
    QList<QCommandLineOption> options = m_options;
    options += helpOptions();
    QString text = formatUsage(m_synopsis);
    text += kNewline + formatHelpParagraph(m_description);
    text += kNewline + tr("Options:") + kNewline + formatHelpRows(optionRows(options));
    if (!m_exitStatus.isEmpty()) {
        text += kNewline + tr("Exit status:") + kNewline + formatHelpRows(m_exitStatus);
    }
    return text;
}

QString SubcommandHelp::actionList(const QString &command, const QList<HelpRow> &actions)
{
    return formatUsage(QStringLiteral("trailguard [--data-dir DIR] %1 ACTION [OPTIONS]").arg(command)) +
           kNewline + tr("Actions:") + kNewline + formatHelpRows(actions) + kNewline +
           formatHelpParagraph(QCoreApplication::translate(
                                   "SubcommandHelp", "\"trailguard %1 ACTION --help\" describes an action.")
                                   .arg(command));
}

} // namespace trailguard::Cli
