#pragma once

#include <QByteArray>

#include <cstddef>

namespace trailguard {

// A fixed-size buffer for keys and passphrases in libsodium's guarded memory (sodium_malloc: locked
// against swapping, surrounded by guard pages) that is wiped when freed. Move-only.
class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    // Copies `bytes` in. The caller should drop or wipe its own copy.
    static SecureBuffer copyOf(const QByteArray &bytes);
    ~SecureBuffer();

    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;

    // False when sodium_malloc failed (out of memory or locked-memory limits).
    bool isValid() const { return m_data != nullptr; }
    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    void release();

    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Best effort: zeroes a byte array's contents if no other QByteArray shares them, then clears it.
void wipe(QByteArray &bytes);

// Initialises libsodium once; false if it cannot be used.
bool sodiumReady();

} // namespace trailguard
