#include "cli/WebCommand.h"

#include "access/ApiTokens.h"
#include "access/WebPassword.h"
#include "cli/OpenWatchlist.h"
#include "cli/SubcommandHelp.h"
#include "cli/TextTable.h"
#include "settings/Settings.h"

#include <QDateTime>
#include <QFile>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <optional>

namespace trailguard::Cli {

namespace {
const QString kWebPasswordWords = QStringLiteral("password");
const QString kWebTokenWord = QStringLiteral("token");

struct WebAction {
    QString words;  // "token create"
    QString syntax; // "web token create NAME"
    QString summary;
    QString description;
    int arguments; // how many words follow
};

QList<WebAction> webActions()
{
    return {
        {QStringLiteral("password"), QStringLiteral("web password"),
         WebCommand::tr("Set the web dashboard's password (asked twice, or one line from stdin)."),
         WebCommand::tr(
             "Sets the password of the web dashboard (trailguard --headless --web PORT). On a "
             "terminal it is asked twice without showing it; otherwise the first line of stdin is "
             "used. At least %1 characters. Only its Argon2id hash is stored, in the settings file; "
             "a running guardian uses the new password at the next log-in.")
             .arg(WebPassword::kMinimumLength),
         0},
        {QStringLiteral("token create"), QStringLiteral("web token create NAME"),
         WebCommand::tr("Make an API token for scripts and print it once."),
         WebCommand::tr(
             "Makes an API token named NAME (letters, digits, '.', '_', '-') and prints it, the only "
             "time it is shown: scripts send it as \"Authorization: Bearer TOKEN\". Only its hash is "
             "stored."),
         1},
        {QStringLiteral("token list"), QStringLiteral("web token list"),
         WebCommand::tr("List the API tokens' names and when they were made."),
         WebCommand::tr("Lists the API tokens: each one's name and when it was made (never the token)."), 0},
        {QStringLiteral("token revoke"), QStringLiteral("web token revoke NAME"),
         WebCommand::tr("Revoke an API token: it stops working at once."),
         WebCommand::tr("Revokes the API token named NAME; a running guardian refuses it from its next "
                        "request."),
         1},
    };
}

int webUsageError(const QString &message, QTextStream &err)
{
    err << message << kNewline << WebCommand::tr("Run \"trailguard web --help\" for help.") << Qt::endl;
    return kExitUsage;
}

int webFailure(const Error &error, QTextStream &err)
{
    err << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

// One line from stdin without its line break; nullopt at the end of input.
std::optional<QString> readStdinLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered))
        return std::nullopt;
    QByteArray line = input.readLine();
    if (line.isEmpty() && input.atEnd())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

std::optional<QString> promptWithoutEcho(const QString &prompt, QTextStream &err)
{
    err << prompt << Qt::flush;
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    std::optional<QString> line = readStdinLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << kNewline << Qt::flush;
    }
    return line;
}

int runWebPassword(Settings &settings, QTextStream &out, QTextStream &err)
{
    std::optional<QString> password;
    if (isatty(STDIN_FILENO) == 1) {
        password = promptWithoutEcho(WebCommand::tr("New web dashboard password: "), err);
        const std::optional<QString> again =
            promptWithoutEcho(WebCommand::tr("The same password again: "), err);
        if (password && again && *password != *again)
            return webUsageError(WebCommand::tr("The two passwords differ; nothing was changed."), err);
    } else {
        password = readStdinLine();
    }
    if (!password)
        return webUsageError(WebCommand::tr("No password was given (stdin ended)."), err);
    if (const QString problem = WebPassword::problemWith(*password); !problem.isEmpty())
        return webUsageError(problem + QLatin1Char(' ') + WebCommand::tr("Nothing was changed."), err);
    if (const Status set = WebPassword(settings).set(*password); !set.ok())
        return webFailure(set.error(), err);
    out << WebCommand::tr("The web dashboard's password is set.") << Qt::endl;
    return kExitSuccess;
}

int runWebAction(const WebAction &action, Settings &settings, const QStringList &values, QTextStream &out,
                 QTextStream &err)
{
    if (action.words == kWebPasswordWords)
        return runWebPassword(settings, out, err);
    ApiTokens tokens(settings);
    if (action.words == QLatin1String("token create")) {
        const Result<QString> token = tokens.create(values.constFirst(), QDateTime::currentDateTimeUtc());
        if (!token.ok())
            return webFailure(token.error(), err);
        out << token.value() << Qt::endl;
        err << WebCommand::tr("This is the only time the token is shown; keep it somewhere safe.")
            << Qt::endl;
        return kExitSuccess;
    }
    if (action.words == QLatin1String("token list")) {
        const QList<ApiTokenInfo> list = tokens.list();
        if (list.isEmpty()) {
            err << WebCommand::tr("No API tokens; make one with \"trailguard web token create NAME\".")
                << Qt::endl;
            return kExitSuccess;
        }
        TextTable table({WebCommand::tr("Name"), WebCommand::tr("Created (UTC)")}, {});
        for (const ApiTokenInfo &token : list)
            table.addRow({token.name, token.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
        out << table.text() << Qt::flush;
        return kExitSuccess;
    }
    if (const Status revoked = tokens.revoke(values.constFirst()); !revoked.ok())
        return webFailure(revoked.error(), err);
    out << WebCommand::tr("Revoked the token \"%1\".").arg(values.constFirst()) << Qt::endl;
    return kExitSuccess;
}
} // namespace

QList<HelpRow> WebCommand::summaries()
{
    QList<HelpRow> rows;
    for (const WebAction &action : webActions())
        rows += HelpRow{action.syntax, action.summary};
    return rows;
}

int WebCommand::run(const GlobalOptions &options, const QStringList &arguments, QTextStream &out,
                    QTextStream &err)
{
    if (arguments.isEmpty() || isHelpWord(arguments.constFirst())) {
        if (arguments.isEmpty())
            return webUsageError(tr("Missing the web action: password or token."), err);
        out << SubcommandHelp::actionList(QStringLiteral("web"), summaries()) << Qt::flush;
        return kExitSuccess;
    }
    const bool token = arguments.constFirst() == kWebTokenWord;
    const QString words = token ? QStringLiteral("token ") + arguments.value(1) : arguments.constFirst();
    const QStringList rest = arguments.mid(token ? 2 : 1);
    for (const WebAction &action : webActions()) {
        if (action.words != words)
            continue;
        if (!rest.isEmpty() && isHelpWord(rest.constFirst())) {
            out << SubcommandHelp(QStringLiteral("trailguard [--data-dir DIR] ") + action.syntax,
                                  action.description)
                       .text()
                << Qt::flush;
            return kExitSuccess;
        }
        if (rest.size() != action.arguments)
            return webUsageError(
                action.arguments == 0
                    ? tr("\"%1\" takes no argument; \"%2\" is unexpected.").arg(action.syntax, rest.value(0))
                    : tr("Usage: trailguard %1").arg(action.syntax),
                err);
        const Result<AppPaths> paths = dataPaths(options);
        if (!paths.ok())
            return webFailure(paths.error(), err);
        const std::unique_ptr<Settings> settings = Settings::forFile(paths.value().settingsFile);
        return runWebAction(action, *settings, rest, out, err);
    }
    return webUsageError(
        token ? tr("Unknown token action \"%1\": use create, list or revoke.").arg(arguments.value(1))
              : tr("Unknown web action \"%1\": use password or token.").arg(arguments.constFirst()),
        err);
}

} // namespace trailguard::Cli
