#include "portfolio/PortfolioLogging.h"

Q_LOGGING_CATEGORY(lcPortfolio, "trailguard.portfolio")
