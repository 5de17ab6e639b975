#include "welcome/WelcomeWizard.h"
#include "welcome/WelcomeParagraph.h"

#include "AddTickerForm.h"
#include "DiscordSettingsPage.h"
#include "EmailSettingsPage.h"
#include "NtfySettingsPage.h"
#include "RatioSpinBox.h"
#include "welcome/WelcomeAccountPage.h"

#include "domain/StockState.h"
#include "domain/Ticker.h"
#include "settings/Settings.h"
#include "watchlist/WatchlistService.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
// A page that saves nothing when skipped, and runs `save` when left with Next.
class WelcomePage : public QWizardPage {
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> save;

    bool validatePage() override
    {
        const auto *welcome = static_cast<const WelcomeWizard *>(wizard());
        return welcome->isSkipping() || !save || save();
    }
};
} // namespace

WelcomeWizard::WelcomeWizard(WatchlistService &watchlist, Settings &settings, Services services,
                             QWidget *parent)
    : QWizard(parent, Qt::Window)
    , m_watchlist(watchlist)
    , m_settings(settings)
    , m_services(std::move(services))
{
    setObjectName(QStringLiteral("welcomeWizard"));
    setWindowTitle(tr("Welcome to Trailguard"));
    setAccessibleName(tr("Welcome to Trailguard"));
    setAccessibleDescription(tr("Five optional steps: account, tickers, default ratio, alerts, done"));
    setWindowModality(Qt::NonModal);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("&Skip This Step"));
    setButtonText(QWizard::CancelButton, tr("&Close"));
    const auto describeButton = [this](WizardButton which, const char *name, const QString &description) {
        QAbstractButton *button = this->button(which);
        button->setObjectName(QLatin1String(name));
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));
        button->setAccessibleDescription(description);
        button->setToolTip(description);
    };
    describeButton(QWizard::CustomButton1, "welcomeSkipPushButton",
                   tr("Go to the next step without saving this one"));
    describeButton(QWizard::BackButton, "welcomeBackPushButton", tr("The previous step (Alt+Left)"));
    describeButton(QWizard::NextButton, "welcomeNextPushButton", tr("Save this step and go to the next one"));
    describeButton(QWizard::FinishButton, "welcomeFinishPushButton", tr("Close the welcome"));
    describeButton(QWizard::CancelButton, "welcomeClosePushButton",
                   tr("Close the welcome; Help > Welcome opens it again"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            skipStep();
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        button(QWizard::CustomButton1)->setVisible(id != DonePage);
        if (id == TickersPage)
            refreshTickerList();
        if (id == DonePage)
            updateSummary();
    });

    m_accountPage = new WelcomeAccountPage(this);
    connect(m_accountPage, &WelcomeAccountPage::connectClicked, this, &WelcomeWizard::connectDialogRequested);
    connect(m_accountPage, &WelcomeAccountPage::demoClicked, this, [this] {
        // The demo replaces the window; the welcome goes on at the next step in the new one.
        skipStep();
        Q_EMIT demoRequested();
    });
    setPage(AccountPage, m_accountPage);
    setPage(TickersPage, createTickersPage(watchlist));
    setPage(RatioPage, createRatioPage());
    setPage(AlertPage, createAlertPage());
    setPage(DonePage, createDonePage());
    setStartId(AccountPage);

    for (auto signal : {&WatchlistService::stockAdded, &WatchlistService::stockChanged}) {
        connect(&m_watchlist, signal, this, [this] { refreshTickerList(); });
    }
    connect(&m_watchlist, &WatchlistService::stockRemoved, this, [this] { refreshTickerList(); });
    loadChannels();
}

WelcomeWizard::~WelcomeWizard() = default;

void WelcomeWizard::showEvent(QShowEvent *event)
{
    // Shown once is enough not to come back by itself; Help > Welcome… opens it again.
    m_settings.setWelcomeShown(true);
    m_settings.sync();
    QWizard::showEvent(event);
}

void WelcomeWizard::startAt(PageId page)
{
    restart();
    m_skipping = true;
    while (currentId() != page && currentId() != DonePage)
        next();
    m_skipping = false;
}

void WelcomeWizard::skipStep()
{
    if (currentId() == DonePage) {
        accept();
        return;
    }
    m_skipping = true;
    next();
    m_skipping = false;
}

void WelcomeWizard::followConnection(const ConnectionStatus &status)
{
    m_accountPage->followConnection(status);
}

void WelcomeWizard::setConnectionState(ConnectionState state, const QString &message)
{
    m_accountPage->setConnectionState(state, message);
}

void WelcomeWizard::setDemoMode(bool demo)
{
    m_demo = demo;
    m_accountPage->setDemoMode(demo);
}

QWizardPage *WelcomeWizard::createTickersPage(WatchlistService &watchlist)
{
    auto *page = new WelcomePage(this);
    page->setObjectName(QStringLiteral("welcomeTickersPage"));
    page->setTitle(tr("Choose what to guard"));
    page->setSubTitle(tr("Import the positions you hold, or add tickers one by one (SHOP.TO, AAPL, ...)."));
    auto *layout = new QVBoxLayout(page);
    m_importButton = new QPushButton(tr("&Import Positions\u2026"), page);
    m_importButton->setObjectName(QStringLiteral("importPositionsPushButton"));
    m_importButton->setAccessibleName(tr("Import Positions"));
    m_importButton->setAccessibleDescription(
        tr("Watch the symbols your Questrade accounts hold, with their average price as the entry"));
    m_importButton->setToolTip(m_importButton->accessibleDescription());
    m_importButton->setVisible(false);
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        if (m_importPositions)
            m_importPositions();
    });
    layout->addWidget(m_importButton, 0, Qt::AlignLeft);
    m_addForm = new AddTickerForm(watchlist, m_settings.defaultRatio(), page);
    m_addForm->setObjectName(QStringLiteral("addTickerForm"));
    layout->addWidget(m_addForm);
    m_tickerList = new QListWidget(page);
    m_tickerList->setObjectName(QStringLiteral("welcomeTickerListWidget"));
    m_tickerList->setAccessibleName(tr("Watched tickers"));
    m_tickerList->setAccessibleDescription(tr("The tickers on the watchlist so far"));
    layout->addWidget(m_tickerList, 1);
    return page;
}

void WelcomeWizard::setImportPositionsHook(std::function<void()> importPositions)
{
    m_importPositions = std::move(importPositions);
    m_importButton->setVisible(static_cast<bool>(m_importPositions));
}

void WelcomeWizard::refreshTickerList()
{
    const Result<QList<StockState>> stocks = m_watchlist.stocks();
    m_tickerList->clear();
    if (!stocks.ok())
        return;
    for (const StockState &stock : stocks.value())
        m_tickerList->addItem(stock.ticker);
}

QWizardPage *WelcomeWizard::createRatioPage()
{
    auto *page = new WelcomePage(this);
    page->setObjectName(QStringLiteral("welcomeRatioPage"));
    page->setTitle(tr("Choose the default stop ratio"));
    page->setSubTitle(tr("New tickers start with it. At 0.90 the stop follows 10% below the highest price "
                         "seen."));
    auto *form = new QFormLayout(page);
    m_ratioSpinBox = new RatioSpinBox(page);
    m_ratioSpinBox->setObjectName(QStringLiteral("welcomeRatioSpinBox"));
    m_ratioSpinBox->setAccessibleName(tr("Default stop ratio"));
    m_ratioSpinBox->setAccessibleDescription(tr("Greater than 0 and less than 1; 0.90 keeps the stop 10% "
                                                "below the peak"));
    const Result<double> ratio = m_settings.defaultRatio();
    m_ratioSpinBox->setValue(ratio.ok() ? ratio.value() : StopRatio::kDefault);
    auto *label = new QLabel(tr("Default &ratio:"), page);
    label->setBuddy(m_ratioSpinBox);
    form->addRow(label, m_ratioSpinBox);
    m_ratioNoteLabel = welcomeParagraph(QString(), page, "welcomeRatioNoteLabel");
    form->addRow(m_ratioNoteLabel);
    if (m_settings.defaultRatioFromEnvironment()) {
        m_ratioSpinBox->setEnabled(false);
        m_ratioNoteLabel->setText(tr("STOP_LOSS sets the default ratio in this environment."));
    }
    page->save = [this] { return saveRatio(); };
    return page;
}

bool WelcomeWizard::saveRatio()
{
    if (m_settings.defaultRatioFromEnvironment())
        return true;
    if (const Status saved = m_settings.setDefaultRatio(m_ratioSpinBox->value()); !saved.ok()) {
        m_ratioNoteLabel->setText(saved.error().message);
        return false;
    }
    m_settings.sync();
    m_addForm->setDefaultRatio(m_settings.defaultRatio());
    Q_EMIT defaultRatioSaved();
    return true;
}

QWizardPage *WelcomeWizard::createAlertPage()
{
    auto *page = new WelcomePage(this);
    page->setObjectName(QStringLiteral("welcomeAlertPage"));
    page->setTitle(tr("Get alerts away from the computer"));
    page->setSubTitle(tr("Breaches always show in the tray. Choose one more channel, fill it in and press "
                         "Send test; Settings has the others."));
    auto *layout = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    m_channelComboBox = new QComboBox(page);
    m_channelComboBox->setObjectName(QStringLiteral("welcomeChannelComboBox"));
    m_channelComboBox->setAccessibleName(tr("Alert channel"));
    m_channelComboBox->setAccessibleDescription(tr("Email, Discord or ntfy"));
    auto *label = new QLabel(tr("C&hannel:"), page);
    label->setBuddy(m_channelComboBox);
    row->addWidget(label);
    row->addWidget(m_channelComboBox, 1);
    layout->addLayout(row);
    m_channelStack = new QStackedWidget(page);
    m_channelStack->setObjectName(QStringLiteral("welcomeChannelStack"));
    m_channelPages = {new EmailSettingsPage(m_services.test, m_channelStack),
                      new DiscordSettingsPage(m_services.test, m_channelStack),
                      new NtfySettingsPage(m_services.test, m_channelStack)};
    const QStringList names{tr("Email"), tr("Discord"), tr("ntfy")};
    for (qsizetype i = 0; i < m_channelPages.size(); ++i) {
        m_channelStack->addWidget(m_channelPages.at(i));
        m_channelComboBox->addItem(names.at(i));
        m_channelPages.at(i)->setEnabled(false); // until the saved settings are read
    }
    connect(m_channelComboBox, &QComboBox::currentIndexChanged, m_channelStack,
            &QStackedWidget::setCurrentIndex);
    layout->addWidget(m_channelStack, 1);
    m_alertStatusLabel = welcomeParagraph(QString(), page, "welcomeAlertStatusLabel");
    m_alertStatusLabel->setAccessibleName(tr("Alert channel status"));
    m_alertStatusLabel->setAccessibleDescription(tr("Whether the channel was saved, or why not"));
    layout->addWidget(m_alertStatusLabel);
    page->save = [this] { return saveChannel(); };
    return page;
}

void WelcomeWizard::loadChannels()
{
    if (!m_services.secrets) {
        m_alertStatusLabel->setText(tr("Alert channels are set up in Settings."));
        return;
    }
    m_alertStatusLabel->setText(tr("Loading\u2026"));
    ChannelSettings::load(m_settings, *m_services.secrets, this, [this](Result<ChannelSettingsData> data) {
        if (!data.ok()) {
            m_alertStatusLabel->setText(
                tr("The alert settings could not be read: %1").arg(data.error().message));
            return;
        }
        m_channelData = data.value();
        for (ChannelSettingsPage *page : std::as_const(m_channelPages)) {
            page->load(*m_channelData);
            page->setEnabled(true);
        }
        // Start on a channel that is on already, else on email.
        const bool enabled[] = {m_channelData->emailEnabled, m_channelData->discordEnabled,
                                m_channelData->ntfyEnabled};
        for (int i = 0; i < 3; ++i) {
            if (enabled[i]) {
                m_channelComboBox->setCurrentIndex(i);
                break;
            }
        }
        m_alertStatusLabel->clear();
    });
}

bool WelcomeWizard::saveChannel()
{
    if (!m_channelData || !m_services.secrets)
        return true; // nothing to save into: Settings does it later
    auto *page = m_channelPages.at(m_channelStack->currentIndex());
    // Filling in a channel here means wanting it.
    page->setChannelEnabled(true);
    if (const Status valid = page->validate(); !valid.ok()) {
        m_alertStatusLabel->setText(tr("%1 Fill it in, or press Skip This Step.").arg(valid.error().message));
        return false;
    }
    ChannelSettingsData data = *m_channelData;
    page->store(data);
    const QString name = m_channelComboBox->currentText();
    m_alertStatusLabel->setText(tr("Saving\u2026"));
    ChannelSettings::save(data, m_settings, *m_services.secrets, this, [this, data, name](Status status) {
        if (!status.ok()) {
            m_alertStatusLabel->setText(status.error().message);
            m_savedChannelName.clear();
        } else {
            m_channelData = data;
            m_savedChannelName = name;
            m_alertStatusLabel->setText(tr("Saved."));
            Q_EMIT channelSaved();
        }
        updateSummary();
    });
    return true;
}

QString WelcomeWizard::alertStatus() const
{
    return m_alertStatusLabel->text();
}

QWizardPage *WelcomeWizard::createDonePage()
{
    auto *page = new WelcomePage(this);
    page->setObjectName(QStringLiteral("welcomeDonePage"));
    page->setTitle(tr("You are all set"));
    page->setFinalPage(true);
    auto *layout = new QVBoxLayout(page);
    m_summaryLabel = welcomeParagraph(QString(), page, "welcomeSummaryLabel");
    m_summaryLabel->setAccessibleName(tr("Summary"));
    m_summaryLabel->setAccessibleDescription(tr("What the welcome set up"));
    layout->addWidget(m_summaryLabel);
    layout->addWidget(
        welcomeParagraph(tr("Trailguard keeps watching from the tray when the window is closed. "
                            "Settings (Ctrl+,) has everything else; Help > Welcome opens these steps "
                            "again."),
                         page));
    layout->addStretch();
    return page;
}

void WelcomeWizard::updateSummary()
{
    const Result<QList<StockState>> stocks = m_watchlist.stocks();
    const int count = stocks.ok() ? int(stocks.value().size()) : 0;
    QStringList lines;
    if (m_demo)
        lines += tr("Market: the demo market.");
    else if (m_accountPage->connectionState() == ConnectionState::Connected)
        lines += tr("Account: connected.");
    else
        lines += tr("Account: not connected yet (Account > Connect to Questrade).");
    lines += tr("Watching %n ticker(s).", nullptr, count);
    const Result<double> ratio = m_settings.defaultRatio();
    if (ratio.ok())
        lines += tr("Default ratio: %1.").arg(QString::number(ratio.value(), 'f', 2));
    lines += m_savedChannelName.isEmpty() ? tr("Alerts: the tray.")
                                          : tr("Alerts: the tray and %1.").arg(m_savedChannelName);
    m_summaryLabel->setText(lines.join(QLatin1Char('\n')));
}

} // namespace trailguard::ui
