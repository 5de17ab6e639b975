#pragma once

#include <QCoreApplication>

namespace trailguard {

// The translation context ("Storage") of every message the storage layer shows people.
class StorageText {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

} // namespace trailguard
