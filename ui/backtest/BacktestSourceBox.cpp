#include "backtest/BacktestSourceBox.h"

#include "backtest/BacktestText.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

BacktestSourceBox::BacktestSourceBox(const QString &ticker, BacktestSourceLoader::StoredPrices storedPrices,
                                     QWidget *parent)
    : QGroupBox(tr("Prices"), parent)
    , m_ticker(ticker)
    , m_storedPrices(std::move(storedPrices))
    , m_loader(new BacktestSourceLoader(this))
    , m_sourceLabel(new QLabel(this))
    , m_storedPricesButton(new QPushButton(tr("Use &Stored Prices"), this))
    , m_loadCsvButton(new QPushButton(tr("&Load CSV File\u2026"), this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("sourceBox"));
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_sourceLabel->setAccessibleName(tr("Price source"));
    m_sourceLabel->setWordWrap(true);

    m_storedPricesButton->setObjectName(QStringLiteral("storedPricesButton"));
    m_storedPricesButton->setAccessibleName(tr("Use stored prices"));
    m_storedPricesButton->setToolTip(tr("The daily prices the app stored for this ticker"));
    connect(m_storedPricesButton, &QPushButton::clicked, this, [this] { useStoredPrices(); });

    m_loadCsvButton->setObjectName(QStringLiteral("loadCsvButton"));
    m_loadCsvButton->setAccessibleName(tr("Load CSV file"));
    m_loadCsvButton->setToolTip(tr("Daily prices as date,close or date,open,high,low,close rows "
                                   "(Yahoo's export works), or symbol,date,price"));
    connect(m_loadCsvButton, &QPushButton::clicked, this, &BacktestSourceBox::chooseCsvFile);

    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setAccessibleName(tr("Price file error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    connect(m_loader, &BacktestSourceLoader::loaded, this, &BacktestSourceBox::finish);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_storedPricesButton);
    buttons->addWidget(m_loadCsvButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sourceLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    updateButtons();
}

bool BacktestSourceBox::loadCsvFile(const QString &path)
{
    if (m_locked)
        return false;
    m_sourceLabel->setText(tr("Loading %1\u2026").arg(QFileInfo(path).fileName()));
    m_loader->loadCsv(path, m_ticker);
    start();
    return true;
}

bool BacktestSourceBox::useStoredPrices()
{
    if (m_locked || !m_storedPrices || m_ticker.isEmpty())
        return false;
    m_sourceLabel->setText(tr("Loading the stored daily prices of %1\u2026").arg(m_ticker));
    m_loader->loadStored(m_storedPrices, m_ticker);
    start();
    return true;
}

void BacktestSourceBox::chooseCsvFile()
{
    auto *dialog = new QFileDialog(this, tr("Load Daily Prices"), QString(),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("csvFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadCsvFile(path); });
    dialog->open();
}

void BacktestSourceBox::start()
{
    updateButtons();
    Q_EMIT loadStarted();
}

void BacktestSourceBox::finish(const BacktestSource &source)
{
    updateButtons();
    if (source.error) {
        showError(source.error->message);
        m_sourceLabel->setText(m_shownSource);
        Q_EMIT loadFinished(false);
        return;
    }
    showError({});
    if (source.series.rows.isEmpty()) {
        m_shownSource =
            tr("No daily prices of %1 are stored yet: load a CSV file.").arg(source.series.ticker);
        m_sourceLabel->setText(m_shownSource);
        Q_EMIT loadFinished(false);
        return;
    }
    const QList<PriceRow> &rows = source.series.rows;
    m_shownSource = tr("%1: %n day(s), %2 to %3", nullptr, static_cast<int>(rows.size()))
                        .arg(source.description, BacktestText::isoDate(rows.constFirst().date),
                             BacktestText::isoDate(rows.constLast().date));
    m_sourceLabel->setText(m_shownSource);
    Q_EMIT seriesLoaded(source.series);
    Q_EMIT loadFinished(true);
}

void BacktestSourceBox::setLocked(bool locked)
{
    m_locked = locked;
    updateButtons();
}

void BacktestSourceBox::updateButtons()
{
    m_storedPricesButton->setEnabled(!m_locked && m_storedPrices && !m_ticker.isEmpty());
    m_loadCsvButton->setEnabled(!m_locked);
}

void BacktestSourceBox::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

QString BacktestSourceBox::errorText() const
{
    return m_errorLabel->isVisibleTo(this) ? m_errorLabel->text() : QString();
}

QString BacktestSourceBox::sourceText() const
{
    return m_sourceLabel->text();
}

} // namespace trailguard::ui
