#include "secrets/SecretsLogging.h"

Q_LOGGING_CATEGORY(lcSecrets, "trailguard.secrets")
