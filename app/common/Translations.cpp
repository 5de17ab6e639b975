#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace trailguard::Translations {

void install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return;
    // Qt's own strings (standard buttons, dialogs), then ours; both owned by the application.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *appTranslator = new QTranslator(app);
    if (appTranslator->load(locale, QStringLiteral("trailguard"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
    else
        delete appTranslator;
}

} // namespace trailguard::Translations
