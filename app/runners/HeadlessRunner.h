#pragma once

namespace trailguard {
class SecretRedactor;
}

namespace trailguard::Runners {

// `trailguard --headless [--once] [--interval SECONDS] [--demo] [--data-dir DIR]`: the monitor without a
// window, logging to stderr. Returns the process exit code.
int runHeadless(int argc, char *argv[], SecretRedactor &redactor);

} // namespace trailguard::Runners
