#pragma once

#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QObject>
#include <QTextStream>

namespace trailguard::Cli {

// The one event loop of an asynchronous command-line run (no other loop is running): each step ends the
// run with finish() or starts the next step.
class CommandRun {
public:
    CommandRun(QTextStream &out, QTextStream &err)
        : out(out)
        , err(err)
    {}

    // Runs the event loop until finish(), unless the run already finished; returns its exit code.
    int exec()
    {
        if (!m_finished)
            QCoreApplication::exec();
        return m_exitCode;
    }
    void finish(int exitCode)
    {
        out.flush();
        err.flush();
        m_exitCode = exitCode;
        m_finished = true;
        QCoreApplication::exit(exitCode);
    }
    int fail(const QString &message, int exitCode = kExitFailure)
    {
        err << message << Qt::endl;
        finish(exitCode);
        return exitCode;
    }

    QTextStream &out;
    QTextStream &err;
    QObject context; // callbacks are dropped once the run is over

private:
    int m_exitCode = kExitFailure;
    bool m_finished = false;
};

} // namespace trailguard::Cli
