#include "secrets/SecureBuffer.h"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace trailguard {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0; // thread-safe and idempotent
    return ready;
}

SecureBuffer::SecureBuffer(std::size_t size)
{
    if (size == 0 || !sodiumReady())
        return;
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (m_data != nullptr)
        m_size = size;
}

SecureBuffer SecureBuffer::copyOf(const QByteArray &bytes)
{
    SecureBuffer buffer(static_cast<std::size_t>(bytes.size()));
    if (buffer.isValid())
        std::memcpy(buffer.m_data, bytes.constData(), buffer.m_size);
    return buffer;
}

SecureBuffer::~SecureBuffer()
{
    release();
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBuffer::release()
{
    if (m_data != nullptr)
        sodium_free(m_data); // zeroes the memory before freeing it
    m_data = nullptr;
    m_size = 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached() && sodiumReady())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

} // namespace trailguard
