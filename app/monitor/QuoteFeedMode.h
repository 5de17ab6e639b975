#pragma once

#include <QMetaType>

namespace trailguard {

// How prices reach the monitor right now (the status bar and the log say which).
enum class QuoteFeedMode {
    Polling,    // batched REST quotes every interval (streaming off, not offered, or down)
    Connecting, // a stream is being set up; polling goes on until it is live
    Streaming,  // real-time quotes over the stream; polling only backs it up
    // Some of the streams are live, others not (e.g. the server refused another socket): the monitor
    // polls at its normal interval so the tickers that do not stream are still checked.
    PartlyStreaming,
};

} // namespace trailguard

Q_DECLARE_METATYPE(trailguard::QuoteFeedMode)
