#include "history/CandleChunkQueue.h"

#include <QMutexLocker>

namespace trailguard::PriceHistoryImport {

CandleChunkQueue::CandleChunkQueue(qsizetype capacity)
    : m_capacity(capacity)
{}

bool CandleChunkQueue::push(CandleChunk chunk)
{
    QMutexLocker lock(&m_mutex);
    while (!m_cancelled && m_chunks.size() >= m_capacity)
        m_changed.wait(&m_mutex);
    if (m_cancelled)
        return false;
    m_chunks.append(std::move(chunk));
    m_changed.wakeAll();
    return true;
}

void CandleChunkQueue::close()
{
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_changed.wakeAll();
}

void CandleChunkQueue::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = true;
    m_chunks.clear();
    m_changed.wakeAll();
}

std::optional<CandleChunk> CandleChunkQueue::take()
{
    QMutexLocker lock(&m_mutex);
    while (m_chunks.isEmpty() && !m_closed)
        m_changed.wait(&m_mutex);
    if (m_chunks.isEmpty())
        return std::nullopt;
    CandleChunk chunk = m_chunks.takeFirst();
    m_changed.wakeAll();
    return chunk;
}

} // namespace trailguard::PriceHistoryImport
