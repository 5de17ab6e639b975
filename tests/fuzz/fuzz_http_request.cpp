// The loopback HTTP/1.1 request parser of the fake servers (and anything else that listens): bytes as a
// client may send them, pipelined requests included.
#include "FuzzSupport.h"
#include "demo/HttpMessage.h"

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray buffer = fuzz::bytes(data, size);
    for (int requests = 0; requests < 16 && !buffer.isEmpty(); ++requests) {
        const http::ParseResult result = http::RequestParser::parse(buffer);
        if (result.status != http::ParseStatus::Complete)
            return 0;
        // A complete request used some of the buffer, never more than it had.
        if (result.consumed <= 0 || result.consumed > buffer.size())
            __builtin_trap();
        (void)result.request.keepAlive();
        (void)result.request.header("content-length");
        buffer.remove(0, result.consumed);
    }
    return 0;
}
