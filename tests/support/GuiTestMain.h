#pragma once

// main() for the widget tests, choosing the Qt platform plugin at run time:
//  1. TRAILGUARD_GUI_PLATFORM, when set, wins (e.g. "offscreen" or "xcb");
//  2. else inside scripts/headless-session.sh (TRAILGUARD_GUI_SESSION=1: Xvfb, D-Bus, a StatusNotifier
//     tray) the tests use "xcb", so real X11 windows, fonts and the tray are exercised;
//  3. else QT_QPA_PLATFORM as CTest sets it, "offscreen" (see cmake/TrailguardTest.cmake).
// CTest's ENVIRONMENT property overrides QT_QPA_PLATFORM from the caller, which is why the choice is
// made here rather than by the caller's QT_QPA_PLATFORM.

#include <QApplication>
#include <QTest>

namespace trailguard::test {

inline void chooseGuiPlatform()
{
    const QByteArray explicitPlatform = qgetenv("TRAILGUARD_GUI_PLATFORM");
    if (!explicitPlatform.isEmpty())
        qputenv("QT_QPA_PLATFORM", explicitPlatform);
    else if (qgetenv("TRAILGUARD_GUI_SESSION") == "1")
        qputenv("QT_QPA_PLATFORM", "xcb");
}

// Whether the tests run inside the headless desktop session, where a tray host is guaranteed.
inline bool inGuiSession()
{
    return qgetenv("TRAILGUARD_GUI_SESSION") == "1";
}

} // namespace trailguard::test

#define TRAILGUARD_GUI_TEST_MAIN(TestObject)                                                                 \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        trailguard::test::chooseGuiPlatform();                                                               \
        QApplication app(argc, argv);                                                                        \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        TestObject test;                                                                                     \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
