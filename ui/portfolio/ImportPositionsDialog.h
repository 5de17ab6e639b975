#pragma once

#include "portfolio/PortfolioImport.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace trailguard::ui {

class RatioSpinBox;

// "Import Positions…": the login's accounts as a checklist (type and number), a preview of what the
// checked accounts hold, and Import. Stock positions are checked for import; short and option positions
// and positions closed today are listed but cannot be imported, and each row says why. Tickers already
// watched keep their peak, stop and entry and only get their position data. Errors (no connection, an
// account Questrade does not know) are shown in the dialog in words that say what to do.
// Object names: accountsListWidget, positionsTableWidget, ratioSpinBox, statusLabel, importPushButton,
// reloadPushButton.
class ImportPositionsDialog : public QDialog {
    Q_OBJECT
public:
    enum PreviewColumn { Ticker, Quantity, AverageEntry, MarketValue, OpenPnl, Currency, Accounts, Note };

    ImportPositionsDialog(PortfolioImport &import, double defaultRatio, QWidget *parent = nullptr);
    ~ImportPositionsDialog() override;

    // Asks Questrade for the accounts (done on show as well).
    void reloadAccounts();
    // True while accounts or positions are being fetched.
    bool isBusy() const { return m_pending > 0; }
    // The tickers checked for import in the preview.
    QStringList checkedTickers() const;

Q_SIGNALS:
    // The import was stored; the dialog closes after it.
    void imported(const trailguard::ImportSummary &summary);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showAccounts(const Result<QList<BrokerAccount>> &accounts);
    void refreshPreview();
    void showPreview(const Result<ImportPreview> &preview);
    void importChecked();
    void setStatus(const QString &text, bool error);
    void updateButtons();
    QList<BrokerAccount> checkedAccounts() const;

    PortfolioImport &m_import;
    QList<BrokerAccount> m_accounts;
    std::optional<ImportPreview> m_preview;
    int m_generation = 0; // answers of older requests are dropped
    int m_pending = 0;
    bool m_loadedOnce = false;

    QListWidget *m_accountsList;
    QTableWidget *m_positionsTable;
    RatioSpinBox *m_ratioSpinBox;
    QLabel *m_statusLabel;
    QPushButton *m_reloadButton;
    QPushButton *m_importButton;
    QDialogButtonBox *m_buttons;
};

} // namespace trailguard::ui
