#pragma once

#include <QFrame>
#include <QStyle>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace trailguard::ui {

// A strip across the top of the window: an icon, a sentence and buttons on the right. Tinted with the
// palette's highlight colour so it stands out in light and dark themes. Children are named
// bannerIconLabel, bannerMessageLabel and whatever addButton() is given.
class Banner : public QFrame {
    Q_OBJECT
public:
    explicit Banner(QWidget *parent = nullptr);
    ~Banner() override;

    void setIcon(QStyle::StandardPixmap icon);
    // Plain text; `title`, when given, is shown in bold before it.
    void setMessage(const QString &title, const QString &text);
    QString message() const;
    QPushButton *addButton(const QString &text, const QString &objectName);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTint();

    QLabel *m_iconLabel;
    QLabel *m_messageLabel;
    QHBoxLayout *m_buttons;
    QString m_plainMessage;
};

} // namespace trailguard::ui
