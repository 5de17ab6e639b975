#include "cli/HelpText.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace trailguard::Cli {

namespace {
// Keeps the strings in the translation context they always had.
class HelpTextStrings {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// Terms wider than this go on a line of their own, so the descriptions keep room to read.
constexpr qsizetype kMaxTermWidth = 28;
constexpr qsizetype kRowIndent = 2;
constexpr qsizetype kStackedDescriptionIndent = 6;
constexpr qsizetype kContinuationIndent = 2;

// The words of `text`; a bracketed group ("[--ratio R | --strategy SPEC]") counts as one word so a
// synopsis breaks between its parts, not inside one.
QStringList words(const QString &text)
{
    QStringList result;
    int depth = 0;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (depth > 0)
            result.last() += QLatin1Char(' ') + word;
        else
            result += word;
        depth += int(word.count(QLatin1Char('['))) - int(word.count(QLatin1Char(']')));
        depth = std::max(depth, 0);
    }
    return result;
}

// Breaks `text` between words so every line stays shorter than kHelpWidth; the text starts at column `start`
// and continuation lines at `indent`. A single word longer than a line stays whole.
QString wrapped(const QString &text, qsizetype start, qsizetype indent)
{
    QString result;
    qsizetype column = start;
    bool lineEmpty = true;
    for (const QString &word : words(text)) {
        if (!lineEmpty && column + 1 + word.size() >= kHelpWidth) {
            result += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            result += QLatin1Char(' ');
            ++column;
        }
        result += word;
        column += word.size();
        lineEmpty = false;
    }
    return result;
}
} // namespace

QString formatHelpRows(const QList<HelpRow> &rows)
{
    qsizetype width = 0;
    for (const HelpRow &row : rows)
        width = std::max(width, row.term.size());
    const QString rowIndent(kRowIndent, QLatin1Char(' '));
    QString text;
    if (width > kMaxTermWidth) {
        const QString descriptionIndent(kStackedDescriptionIndent, QLatin1Char(' '));
        for (const HelpRow &row : rows) {
            text += rowIndent + wrapped(row.term, kRowIndent, kRowIndent + kContinuationIndent) +
                    QLatin1Char('\n');
            text += descriptionIndent +
                    wrapped(row.description, kStackedDescriptionIndent, kStackedDescriptionIndent) +
                    QLatin1Char('\n');
        }
        return text;
    }
    const qsizetype descriptionColumn = kRowIndent + width + 2;
    for (const HelpRow &row : rows) {
        text += rowIndent + row.term.leftJustified(width) + QStringLiteral("  ");
        text += wrapped(row.description, descriptionColumn, descriptionColumn) + QLatin1Char('\n');
    }
    return text;
}

QString formatHelpParagraph(const QString &text)
{
    QString result;
    for (const QString &line : text.split(QLatin1Char('\n')))
        result += wrapped(line, 0, 0) + QLatin1Char('\n');
    return result;
}

QString formatUsage(const QString &synopsis)
{
    const QString label = HelpTextStrings::tr("Usage:") + QLatin1Char(' ');
    // Continuation lines are indented past the program name.
    return label + wrapped(synopsis, label.size(), label.size() + kContinuationIndent) + QLatin1Char('\n');
}

QList<HelpRow> optionRows(const QList<QCommandLineOption> &options)
{
    QList<HelpRow> rows;
    for (const QCommandLineOption &option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        QStringList names;
        for (const QString &name : option.names())
            names += (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        QString term = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            term += QLatin1Char(' ') + option.valueName();
        rows += HelpRow{term, option.description()};
    }
    return rows;
}

QList<QCommandLineOption> helpOptions()
{
    QCommandLineOption helpAll(QStringLiteral("help-all"));
    helpAll.setFlags(QCommandLineOption::HiddenFromHelp);
    return {
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                           HelpTextStrings::tr("Show this help and exit.")),
        helpAll,
    };
}

bool isHelpWord(const QString &word)
{
    return word == QLatin1String("-h") || word == QLatin1String("--help") ||
           word == QLatin1String("--help-all");
}

} // namespace trailguard::Cli
