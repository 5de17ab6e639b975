#pragma once

#include <QLabel>
#include <QString>

namespace trailguard::ui {

// A word-wrapped paragraph of a welcome page; the object name lets tests find it.
inline QLabel *welcomeParagraph(const QString &text, QWidget *parent, const char *objectName = nullptr)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    if (objectName)
        label->setObjectName(QLatin1String(objectName));
    return label;
}

} // namespace trailguard::ui
