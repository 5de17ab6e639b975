#pragma once

#include <QLocale>

namespace trailguard::Translations {

// Installs Trailguard's and Qt's own translations for `locale` (the system locale by default) on the
// running application. English needs no translator; a missing translation falls back to English.
void install(const QLocale &locale = QLocale::system());

} // namespace trailguard::Translations
