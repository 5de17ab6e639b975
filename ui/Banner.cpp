#include "Banner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace trailguard::ui {

namespace {
constexpr int kIconSize = 24;
constexpr int kTintPercent = 25; // how much of the highlight colour mixes into the window colour

QColor mix(const QColor &base, const QColor &tint, int tintPercent)
{
    const auto channel = [&](int a, int b) { return (a * (100 - tintPercent) + b * tintPercent) / 100; };
    return QColor(channel(base.red(), tint.red()), channel(base.green(), tint.green()),
                  channel(base.blue(), tint.blue()));
}
} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_buttons(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_iconLabel->setObjectName(QStringLiteral("bannerIconLabel"));
    m_iconLabel->setAlignment(Qt::AlignTop);
    m_messageLabel->setObjectName(QStringLiteral("bannerMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::RichText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_iconLabel);
    layout->addWidget(m_messageLabel, 1);
    layout->addLayout(m_buttons);
    updateTint();
}

Banner::~Banner() = default;

void Banner::setIcon(QStyle::StandardPixmap icon)
{
    m_iconLabel->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(kIconSize, kIconSize));
}

void Banner::setMessage(const QString &title, const QString &text)
{
    m_plainMessage = title.isEmpty() ? text : title + QLatin1Char(' ') + text;
    const QString html =
        title.isEmpty() ? text.toHtmlEscaped()
                        : QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), text.toHtmlEscaped());
    m_messageLabel->setText(html);
}

QString Banner::message() const
{
    return m_plainMessage;
}

QPushButton *Banner::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void Banner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateTint();
}

void Banner::updateTint()
{
    const QPalette base = QApplication::palette(this);
    QPalette tinted = palette();
    const QColor background =
        mix(base.color(QPalette::Window), base.color(QPalette::Highlight), kTintPercent);
    if (tinted.color(QPalette::Window) == background)
        return;
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted); // sends a PaletteChange; the early return above ends the recursion
}

} // namespace trailguard::ui
