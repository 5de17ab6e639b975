#pragma once

#include "Autostart.h"

#include "common/Result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QSpinBox;
class QTimeEdit;

namespace trailguard {
class Settings;
}

namespace trailguard::ui {

class EscalationPolicyEditor;
class RatioSpinBox;

// The General tab: how often prices are checked (5 s to 1 h), the ratio new tickers start with, how often a
// breach is repeated, starting minimised and starting at login. The ratio is read-only while STOP_LOSS
// sets it from the environment.
//
// Children: checkIntervalSpinBox, defaultRatioSpinBox, repeatPolicyComboBox, startMinimizedCheckBox,
// startAtLoginCheckBox, digestCheckBox, digestTimeEdit, digestWithinSpinBox, quietHoursCheckBox,
// quietStartTimeEdit, quietEndTimeEdit, the escalation policy (EscalationPolicyEditor), generalErrorLabel
// (the ratio rule when the ratio is 0 or 1), intervalWarningLabel (shown when the interval is shorter than a
// full check of the watchlist needs).
class GeneralSettingsPage : public QWidget {
    Q_OBJECT
public:
    GeneralSettingsPage(Settings &settings, Autostart autostart, QWidget *parent = nullptr);
    ~GeneralSettingsPage() override;

    // Fills the fields from the settings and the autostart entry.
    void load();
    Status validate() const;
    // Writes the fields (validate() first): the settings, then the autostart entry when its checkbox
    // changed. The error is the autostart file's.
    Status save();

    QString errorMessage() const;

    // How many tickers are watched, for the interval's warning (none until set).
    void setWatchedTickerCount(int tickers);
    QString intervalWarning() const;

private:
    Status validateRatio() const;
    void revalidate();
    void updateIntervalWarning();

    Settings &m_settings;
    Autostart m_autostart;
    QSpinBox *m_intervalSpinBox;
    QLabel *m_intervalWarningLabel;
    int m_watchedTickers = 0;
    RatioSpinBox *m_ratioSpinBox;
    QLabel *m_ratioNoteLabel;
    QComboBox *m_repeatPolicyComboBox;
    QCheckBox *m_startMinimizedCheckBox;
    QCheckBox *m_startAtLoginCheckBox;
    QCheckBox *m_digestCheckBox;
    QTimeEdit *m_digestTimeEdit;
    QDoubleSpinBox *m_digestWithinSpinBox;
    QCheckBox *m_quietHoursCheckBox;
    QTimeEdit *m_quietStartTimeEdit;
    QTimeEdit *m_quietEndTimeEdit;
    EscalationPolicyEditor *m_escalationEditor;
    QLabel *m_errorLabel;
    QCheckBox *m_useStreamingCheckBox = nullptr;         // Settings::useStreaming
    QCheckBox *m_marketHoursOnlyCheckBox = nullptr;      // Settings::marketHoursOnly
    QSpinBox *m_closeGraceSpinBox = nullptr;             // Settings::closeGraceMinutes
    QCheckBox *m_includeExtendedHoursCheckBox = nullptr; // Settings::includeExtendedHours
};

} // namespace trailguard::ui
