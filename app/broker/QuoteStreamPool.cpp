#include "broker/QuoteStreamPool.h"

#include "broker/BrokerLogging.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace trailguard {

namespace {
const QString kQueryTail = QStringLiteral("&stream=true&mode=WebSocket");
const QString kQueryHead = QStringLiteral("ids=");

int digits(qint64 id)
{
    return int(QString::number(id).size());
}

// The length of streamQuery(ids), without building it.
int queryLength(const QList<qint64> &ids)
{
    int length = int(kQueryHead.size() + kQueryTail.size());
    for (qint64 id : ids)
        length += digits(id) + 1;
    return ids.isEmpty() ? length : length - 1;
}
} // namespace

QuoteStreamPool::QuoteStreamPool(QuestradeClient &client, QuestradeAuth &auth, Options options,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_auth(auth)
    , m_options(options)
{
    m_options.stream.keepSessionAlive = false; // once for all streams, here
    connect(&m_keepAliveTimer, &QTimer::timeout, this,
            [this] { QuoteStream::keepSessionAlive(m_client, m_auth, this); });
    connect(this, &QuoteStreamPool::stateChanged, this, &QuoteStreamPool::updateKeepAlive);
}

QuoteStreamPool::~QuoteStreamPool()
{
    for (QuoteStream *stream : std::as_const(m_streams))
        disconnect(stream, nullptr, this, nullptr); // shutting down is no change of state to announce
}

int QuoteStreamPool::maxQueryLength(const Options &options)
{
    return QuoteStream::kMaxUrlLength - 1 - options.urlAllowance;
}

QString QuoteStreamPool::streamQuery(const QList<qint64> &ids)
{
    QStringList texts;
    texts.reserve(ids.size());
    for (qint64 id : ids)
        texts.append(QString::number(id));
    return kQueryHead + texts.join(QLatin1Char(',')) + kQueryTail;
}

void QuoteStreamPool::updateKeepAlive()
{
    if (!anyLive())
        m_keepAliveTimer.stop();
    else if (!m_keepAliveTimer.isActive())
        m_keepAliveTimer.start(m_options.stream.keepAliveInterval);
}

QList<qint64> QuoteStreamPool::symbolIds() const
{
    QList<qint64> ids;
    for (const QuoteStream *stream : m_streams)
        ids += stream->symbolIds();
    return ids;
}

void QuoteStreamPool::setSymbolIds(const QList<qint64> &ids)
{
    QList<qint64> wanted;
    QSet<qint64> wantedSet;
    for (qint64 id : ids) {
        if (id > 0 && !wantedSet.contains(id)) {
            wantedSet.insert(id);
            wanted.append(id);
        }
    }
    std::sort(wanted.begin(), wanted.end());

    // Slices lose the ids no longer wanted; an emptied slice goes away.
    QSet<qint64> present;
    const QList<QuoteStream *> streams = m_streams;
    for (QuoteStream *stream : streams) {
        const QList<qint64> before = stream->symbolIds();
        QList<qint64> kept;
        for (qint64 id : before) {
            if (wantedSet.contains(id))
                kept.append(id);
        }
        present.unite(QSet<qint64>(kept.cbegin(), kept.cend()));
        if (kept.isEmpty())
            removeStream(stream);
        else if (kept.size() != before.size())
            stream->setSymbolIds(kept);
    }

    // New ids fill the slices that have room, then new slices.
    QList<qint64> added;
    for (qint64 id : std::as_const(wanted)) {
        if (!present.contains(id))
            added.append(id);
    }
    qsizetype next = 0;
    const int maxLength = maxQueryLength(m_options);
    for (QuoteStream *stream : std::as_const(m_streams)) {
        if (next == added.size())
            break;
        QList<qint64> slice = stream->symbolIds();
        int length = queryLength(slice);
        const qsizetype before = slice.size();
        while (next < added.size() && length + 1 + digits(added.at(next)) <= maxLength) {
            length += 1 + digits(added.at(next));
            slice.append(added.at(next++));
        }
        if (slice.size() != before)
            stream->setSymbolIds(slice);
    }
    const int streamsBefore = int(m_streams.size());
    while (next < added.size()) {
        QList<qint64> slice{added.at(next++)};
        int length = queryLength(slice);
        while (next < added.size() && length + 1 + digits(added.at(next)) <= maxLength) {
            length += 1 + digits(added.at(next));
            slice.append(added.at(next++));
        }
        addStream(slice, int(m_streams.size()));
    }
    if (m_streams.size() != streamsBefore)
        qCInfo(lcBroker, "Quote streams: %lld ids over %lld streams", static_cast<long long>(wanted.size()),
               static_cast<long long>(m_streams.size()));
    Q_EMIT stateChanged();
}

void QuoteStreamPool::start()
{
    if (m_running)
        return;
    m_running = true;
    for (QuoteStream *stream : std::as_const(m_streams))
        stream->start();
}

void QuoteStreamPool::stop()
{
    m_running = false;
    for (QuoteStream *stream : std::as_const(m_streams))
        stream->stop();
}

int QuoteStreamPool::symbolCount() const
{
    int count = 0;
    for (const QuoteStream *stream : m_streams)
        count += int(stream->symbolIds().size());
    return count;
}

int QuoteStreamPool::liveSymbolCount() const
{
    int count = 0;
    for (const QuoteStream *stream : m_streams) {
        if (stream->isLive())
            count += int(stream->symbolIds().size());
    }
    return count;
}

bool QuoteStreamPool::anyLive() const
{
    return std::any_of(m_streams.cbegin(), m_streams.cend(),
                       [](const QuoteStream *s) { return s->isLive(); });
}

bool QuoteStreamPool::anyConnecting() const
{
    return std::any_of(m_streams.cbegin(), m_streams.cend(),
                       [](const QuoteStream *s) { return s->state() == QuoteStream::State::Connecting; });
}

QuoteStream *QuoteStreamPool::addStream(const QList<qint64> &ids, int position)
{
    auto *stream = new QuoteStream(m_client, m_auth, m_options.stream, this);
    stream->setSymbolIds(ids);
    connect(stream, &QuoteStream::stateChanged, this, &QuoteStreamPool::stateChanged);
    connect(stream, &QuoteStream::quotesReceived, this, &QuoteStreamPool::quotesReceived);
    connect(stream, &QuoteStream::faulted, this, &QuoteStreamPool::faulted);
    connect(stream, &QuoteStream::subscriptionTooLong, this, [this, stream] { split(stream); });
    m_streams.insert(position, stream);
    if (m_running)
        stream->start();
    return stream;
}

void QuoteStreamPool::removeStream(QuoteStream *stream)
{
    m_streams.removeOne(stream);
    disconnect(stream, nullptr, this, nullptr);
    stream->stop();
    stream->deleteLater(); // it may be the sender of the signal being handled
}

void QuoteStreamPool::split(QuoteStream *stream)
{
    const QList<qint64> ids = stream->symbolIds();
    const int position = int(m_streams.indexOf(stream));
    if (position < 0)
        return;
    if (ids.size() < 2) {
        qCWarning(lcBroker,
                  "Quote streams: symbol %lld cannot be streamed (even alone the request is too "
                  "long); it is polled",
                  static_cast<long long>(ids.value(0)));
        Q_EMIT stateChanged();
        return;
    }
    const qsizetype half = ids.size() / 2;
    removeStream(stream);
    addStream(ids.mid(half), position);
    addStream(ids.first(half), position);
    qCInfo(lcBroker, "Quote streams: split a slice of %lld ids in two; %lld streams now",
           static_cast<long long>(ids.size()), static_cast<long long>(m_streams.size()));
    Q_EMIT stateChanged();
}

} // namespace trailguard
