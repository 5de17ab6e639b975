#include "cli/WatchCommand.h"
