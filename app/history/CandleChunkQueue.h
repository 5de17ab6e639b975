#pragma once

#include "storage/CandleUpsert.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <optional>

namespace trailguard::PriceHistoryImport {

// Candles of one series, finished by the reading thread, waiting to be stored.
struct CandleBatch {
    QString ticker;
    qint64 intervalSeconds = 0;
    QList<CandleRow> candles;
};

// What the reading thread finished over some rows: the candles, and how many rows are read so far.
struct CandleChunk {
    QList<CandleBatch> batches;
    qint64 rowsDone = 0;
    qint64 rowsExpected = 0; // in the whole file (an estimate while one pass reads it)
    bool last = false;       // the end of the file: every candle
};

// Hands chunks from the thread that reads the file to the thread that stores them (the one owning the
// SQLite connection), holding at most `capacity`, so memory stays flat whichever side is slower.
class CandleChunkQueue {
public:
    explicit CandleChunkQueue(qsizetype capacity);

    // Waits for room; false once the store side gave up (stop reading).
    bool push(CandleChunk chunk);
    // The reading side is done (or failed): take() returns nothing once the queue is empty.
    void close();
    // The store side gives up: push() returns false from now on.
    void cancel();
    // Waits for a chunk; nothing once closed and empty.
    std::optional<CandleChunk> take();

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    QList<CandleChunk> m_chunks;
    qsizetype m_capacity;
    bool m_closed = false;
    bool m_cancelled = false;
};

} // namespace trailguard::PriceHistoryImport
