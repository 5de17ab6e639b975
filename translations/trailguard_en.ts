<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertAcknowledger</name>
    <message>
        <source>There is no alert %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This acknowledgement code is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertRule</name>
    <message>
        <source>use cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P (for example cross-below-sma:50, rsi-below:14,30, target:120)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule given: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an alert rule: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %2 takes %n parameter(s) separated by commas; %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the target price P must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the RSI level X must be a number between 0 and 100 (for example 30), not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed below its %2-day average: %3 &lt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed above its %2-day average: %3 &gt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2-day RSI fell below %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s %2-day RSI rose above %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s MACD (%2) crossed below its signal line: %3 &lt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s MACD (%2) crossed above its signal line: %3 &gt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed below its lower Bollinger band (%2): %3 &lt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed above its upper Bollinger band (%2): %3 &gt; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reached its target: %2 ≥ %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes below its %1-day average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes above its %1-day average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-day RSI falls below %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-day RSI rises above %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD (%1) crosses below its signal line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD (%1) crosses above its signal line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes below the lower Bollinger band (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes above the upper Bollinger band (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches the target price %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Stop-loss breach: %1 %2 &lt; stop %3 (peak %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 traded at %2, below its trailing stop of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by Trailguard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard test alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test from Trailguard. If you can read it, this channel works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop breached while offline at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop breached while offline on %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (Toronto time), seen in the minute prices after Trailguard was offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsCommand</name>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalations (step channels at UTC, status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 was already acknowledged on %2 UTC from %3; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 (%2) acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n escalation delivery(s) cancelled.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show the latest alerts with their deliveries and escalation steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the latest alerts, newest first: id, when raised, ticker, kind, price and stop, whether and where it was acknowledged, each channel&apos;s delivery, and each escalation step (its channels, when it was due, and whether it went out or was not needed). Works while a guardian runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per alert (id, ticker, kind, raisedAt, price, stop, acknowledgedAt, ackSource, deliveries, escalations); unknown values are null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show at most N alerts (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge an alert: its escalation stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledges the alert ID (see &quot;trailguard alerts list&quot;), recorded as from the command line, and cancels its escalation steps still to come; a running guardian sends none of them. An alert acknowledged before stays as it was: this says when and from where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard alerts %1--help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such alert, or the database failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: trailguard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an alert id: use the number &quot;trailguard alerts list&quot; shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the alerts action: list or ack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown alerts action &quot;%1&quot;: use list or ack.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiGateText</name>
    <message>
        <source>No such API endpoint; the API is under /api/v1/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing or wrong X-CSRF-Token; reload the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such API endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown or revoked API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first (POST /api/v1/session) or send an API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use POST to log in, GET to renew, DELETE to log out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed log-ins; try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send {&quot;password&quot;: &quot;…&quot;} as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiText</name>
    <message>
        <source>There is no alert %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET on /api/v1/alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use POST to %1 an alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;limit&quot; must be a whole number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;days&quot; is missing: snooze for 1 to 365 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 is not about a ticker; there is nothing to snooze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is not valid JSON (%1 at offset %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;; the fields are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2026-01-05) or an ISO 8601 time with a zone (2026-01-05T14:30:00Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET on /api/v1/history/{ticker}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;from&quot; must be before &quot;to&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;points&quot; must be a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET or PATCH on /api/v1/settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are replaced with PUT, never read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use POST to send a test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no secret &quot;%1&quot;; the secrets are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;value&quot; must be a string (empty removes the secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no channel &quot;%1&quot; to test here; the channels are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a time of day as HH:mm (22:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check interval must be 5 to 3600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;repeatPolicy&quot; must be &quot;daily&quot; or &quot;once-per-breach&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;to&quot; must be an array of addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;provider&quot; must be &quot;gmail&quot;, &quot;outlook&quot; or &quot;custom&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;security&quot; must be &quot;ssl&quot;, &quot;starttls&quot; or &quot;none&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ntfy topic is 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET on /api/v1/status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;rules&quot; must be an array of rule strings (&quot;cross-below-sma:50&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET or POST on /api/v1/watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET, PATCH or DELETE on a watched ticker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ticker&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either &quot;ratio&quot; or &quot;strategy&quot;, not both (&quot;trailing:R&quot; sets the ratio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry price must be a number greater than 0, or left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledging is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ackMode&quot; must be &quot;dashboard&quot;, &quot;reply&quot;, &quot;off&quot; or &quot;&quot; (automatic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Telegram bot token looks like 123456789:AA… (as @BotFather gives it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiTokensText</name>
    <message>
        <source>&quot;%1&quot; cannot name a token: use up to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token named &quot;%1&quot; already exists; revoke it first or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no token named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove the autostart entry %1: %2. Remove it by hand to stop Trailguard from starting at login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the autostart entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the autostart entry %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>%1 closed at %2, below the stop %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelSettingsText</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeAckGate</name>
    <message>
        <source>Alert %1 was already acknowledged at %2 from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This acknowledgement link is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong acknowledgement codes; try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use GET or POST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 is acknowledged; its reminders stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use POST.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep the database and the settings in DIR instead of the standard locations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch without a window: check prices on a schedule and log each check and breach to stderr until stopped (SIGTERM/SIGINT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless: run one check, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every SECONDS seconds (5 to 3600; default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the simulated demo market instead of a Questrade account (its own watchlist, prices that move).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo market when no Questrade account is connected yet (the README&apos;s run command uses it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard --help&quot; to see the options and commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir needs a folder, for example --data-dir ~/trailguard-test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interval must be a whole number of seconds from %1 to %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--once only works with --headless, e.g. &quot;trailguard --headless --once&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard keeps a trailing stop-loss for each stock on your watchlist and warns you when a price falls below its stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a command and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options go before the command. &quot;trailguard COMMAND --help&quot; describes a command, for example &quot;trailguard watch add --help&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trailguard.ini in the standard configuration folder ($XDG_CONFIG_HOME/trailguard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files and environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong: an unknown option, or a missing or invalid argument (ticker, ratio, price).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless takes no command; &quot;%1&quot; is unexpected. Run &quot;trailguard --help&quot; to see the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run &quot;trailguard --help&quot; to see the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commands are: %1. Run &quot;trailguard --help&quot; for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start hidden in the system tray (used by &quot;Start at login&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll for quotes every interval instead of streaming them in real time (streaming is used whenever Questrade offers it; --once never streams).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default stop ratio for new tickers, from 0.01 to less than 1; it overrides the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed: the ticker is already (or not) on the watchlist, a database error, an invalid STOP_LOSS, or (positions) not connected to Questrade or Questrade did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Trailguard (the window, --headless or --once) is already watching this data folder; the message names it (PID and mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --headless: serve the web dashboard on [ADDRESS:]PORT (address 127.0.0.1 unless given; another address needs TLS). Needs a password: see &quot;trailguard web password&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --web: serve over TLS with a self-signed certificate made on first use in the data folder (its fingerprint is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--web needs [ADDRESS:]PORT, for example --web 8080 or --web 0.0.0.0:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--web only works with --headless, e.g. &quot;trailguard --headless --web 8080&quot; (the window serves the dashboard when web/listen is set in the settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--web does not work with --once: the dashboard needs a running guardian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Digest</name>
    <message>
        <source>%1: %2 %3, stop %4 (%5 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard daily digest: %1 below the stop, %2 within %3 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscordConfig</name>
    <message>
        <source>The Discord webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Discord webhook URL must look like https://discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;: copy it again from the channel&apos;s settings (Integrations → Webhooks → Copy Webhook URL).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailConfig</name>
    <message>
        <source>Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook / Office 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server is missing: enter its host name, e.g. smtp.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server &quot;%1&quot; is not a valid host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP port %1 is out of range: use a port from 1 to 65535 (usually 587 for STARTTLS, 465 for SSL/TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security &quot;none&quot; would send the password and the alerts to %1 unencrypted: plain SMTP is only allowed to 127.0.0.1/localhost. Use STARTTLS or SSL/TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The From address is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The From address &quot;%1&quot; is not a valid email address (name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no recipient: add at least one To address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; is not a valid email address (name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a login: the user is your full email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; has no password: enter the password (for Gmail and Outlook, an app password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is set but no login (user) to use it with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP timeouts must be at least one second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set but BOT_EMAIL and USER_EMAIL are not: set both to send email alerts, or unset %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER_EMAIL is set but BOT_EMAIL is not: set BOT_EMAIL to the address alerts are sent from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOT_EMAIL is set but USER_EMAIL is not: set USER_EMAIL to the address alerts go to (several separated by commas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOT_EMAIL &quot;%1&quot; is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER_EMAIL: &quot;%1&quot; is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER_EMAIL has no address in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both PROVIDER and SMTP_HOST are set: use PROVIDER for Gmail or Outlook, or SMTP_HOST for another server, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER &quot;%1&quot; is not known: use gmail or outlook, or set SMTP_HOST for another server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only applies to a custom server (SMTP_HOST); with PROVIDER=%2 unset it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMAIL_PASSWORD is not set: %1 needs the account&apos;s app password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_HOST &quot;%1&quot; is not a valid host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_SECURITY &quot;%1&quot; is not known: use ssl, starttls or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_PORT &quot;%1&quot; is not a port number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_SECURITY=none is refused for %1: plain SMTP is only allowed to 127.0.0.1/localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOT_EMAIL is set but not which server sends the mail: set PROVIDER (gmail or outlook) or SMTP_HOST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_CA_FILE &quot;%1&quot; does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP_USER is set but EMAIL_PASSWORD is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email settings from the environment are not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationPolicy</name>
    <message>
        <source>Escalation policy: %1 Write &quot;off&quot; or steps such as &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a delay: write a whole number followed by s, m or h (&quot;90s&quot;, &quot;10m&quot;, &quot;2h&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delay &quot;%1&quot; must be above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;tray&quot; cannot be an escalation channel (the tray shows every alert already); use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is an empty part between two &quot;;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write repeat=N once, N from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step: write DELAY:CHANNELS such as &quot;30m:email&quot;, or repeat=N, or market-hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step &quot;%1&quot; must come later than the one before it: list the steps from the shortest delay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step &quot;%1&quot; names %2 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 steps, repeats included.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderLock</name>
    <message>
        <source>Cannot open the lock file &quot;%1&quot;: %2. Choose a writable folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Trailguard is already watching the data folder &quot;%1&quot; (PID %2, %3). Only one may watch a folder at a time: stop that one first, or give this one another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Stop-loss breach: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt; stop %2 (peak %3)</source>
        <comment>price &lt; stop (peak)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guardian</name>
    <message>
        <source>The demo market could not open a port on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the keychain: the secret of %1 cannot be read yet (%2). Its alerts are kept and sent as soon as it can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianTelegram</name>
    <message>
        <source>no Questrade account connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected to Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected: the Questrade token must be renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health: OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Trailguard is not connected to Questrade. Set refresh_token (or QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade&apos;s API centre, or connect once from the desktop app. Try --demo to see it work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert channel is configured: breaches are only logged. Set NTFY_CHANNEL, WEB_HOOK_URL, TELEGRAM_BOT_TOKEN/TELEGRAM_CHAT_ID or BOT_EMAIL/USER_EMAIL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Trailguard cannot reach your Questrade account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused the saved token, or it could not be renewed: prices are not being checked. Open Trailguard and reconnect with a new refresh token. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard is connected to Questrade again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard receives prices again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard has had no prices for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quote has arrived since %1 although the market is open, so stops are not being checked. Last error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts reach %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are not reaching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard has not been able to deliver alerts through %1 since %2. It keeps trying. Last error: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard cannot save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new price and stop of %1 could not be saved, so its stop is not kept up to date and it raises no alert. The other tickers are still watched. Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard saves %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused an alert and will keep refusing: fix the %1 settings in Trailguard. Until then alerts reach you only through the other channels. The error: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>The price file: date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price rows, with or without a header; dates like 2024-05-14 or Jan 1 2000. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticker the prices are for: required for a file without a symbol column; with one, import only that symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prices were imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad line (the message names it), or the database failed. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv, an invalid ticker, or no --ticker for a file without a symbol column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard history import --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard history import --csv aapl.csv --ticker AAPL&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name it with --ticker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import price history from a CSV file into the database (for the charts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the history action: import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown history action &quot;%1&quot;: use import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores price history from a CSV file in Trailguard&apos;s database, for the charts and backtests, as the file holds it: rows with times become candles of the file&apos;s own interval (one minute, five minutes, an hour…), rows with dates daily candles; rows that fall in one candle make its open, high, low and close. Intraday candles are also summed up into daily ones. What was stored replaces what was stored for the same time, and that span is not downloaded from Questrade again. The file is read a row at a time (any size). All or nothing: if a line cannot be read, the message names it and nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 of %2 rows…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Indicator</name>
    <message>
        <source>use sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or atr:N (for example sma:50, ema:20, rsi:14, macd:12,26,9, bb:20,2, atr:14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the period %2 must be a whole number from 1 to %3, not &quot;%4&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No indicator given: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %2 takes %n parameter(s) separated by commas; %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the fast period F must be shorter than the slow period S (for example macd:12,26,9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the band width K must be a number greater than 0 (2 puts the bands two standard deviations away), not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an indicator: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorsCommand</name>
    <message>
        <source>The price file, in any layout &quot;trailguard replay&quot; reads: date,close, date,open,high,low,close[,adjclose,volume] or symbol,date,price. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticker of a file without a symbol column (default: the file name without its extension, upper-cased); with a symbol column, only that symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An indicator: sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or atr:N. Required; repeat it for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object instead: {&quot;series&quot;:[{&quot;ticker&quot;:…,&quot;rows&quot;:[…]}]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints technical indicators over price history, one row per market day: its close (the last row of the day), then each indicator&apos;s value, empty until the indicator has enough days. The high and low of a day (for atr) are the largest high and smallest low of its rows, else of its closes. A file with a symbol column holds one series per symbol. The values are the ones the chart and the alert rules use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values were printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad row (the message names its line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv or --indicator, or an invalid indicator or ticker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard indicators --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print indicator values (sma, ema, rsi, macd, bb, atr) over price history from a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard indicators --csv aapl.csv&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing an indicator, for example &quot;--indicator sma:50&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows for %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Add Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a ticker in the field above the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the stop ratio of the selected ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart trailing from the last price of the selected ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected ticker from the watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch quotes for the whole watchlist now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to Questrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the Questrade token; connecting again needs a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check interval, default ratio, Questrade account and alert channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recent alert and how each channel delivered it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Positions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the stocks your Questrade accounts hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test stop strategies on the selected ticker&apos;s price history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an account, add tickers, choose the ratio and an alert channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide to Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the window; Trailguard keeps running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit R&amp;ules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts beside the stop: moving averages, RSI, MACD, Bollinger Bands, a target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Markets</name>
    <message>
        <source>Market open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market closed — next open on the next trading day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market closed — next open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market closed — next open %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NtfyConfig</name>
    <message>
        <source>The ntfy server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server, like https://ntfy.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic is empty: choose a topic name, like trailguard-alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic &quot;%1&quot; is not valid: use 1 to %2 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy access token contains spaces, line breaks or other characters that cannot be sent: paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy channel is empty: give a topic name (like trailguard-alerts) or a full topic URL (like https://ntfy.example.com/trailguard-alerts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid ntfy topic: use 1 to %2 letters, digits, &apos;-&apos; or &apos;_&apos;, or give a full URL like https://ntfy.example.com/mytopic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server and topic, like https://ntfy.example.com/mytopic (an access token goes in its own setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic URL has no topic: add one at the end, like https://ntfy.example.com/mytopic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an acknowledgement mode: use dashboard, reply or off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>A stored alert could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordHashText</name>
    <message>
        <source>The password could not be hashed (out of memory?).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>Cannot create the data folder &quot;%1&quot;. Choose a writable folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioImport</name>
    <message>
        <source>The positions of account %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioSync</name>
    <message>
        <source>Account %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PositionsCommand</name>
    <message>
        <source>Trailguard is not connected to Questrade. Connect once from the desktop app, or set refresh_token (or QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade&apos;s API centre, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Questrade: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account %1 on this Questrade login; its accounts are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a short position (a stop below the price does not protect it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option, not a stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (no open quantity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a ticker Trailguard can watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already watched (its peak, stop and entry are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The positions of account %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (account %2): %3 shares, entry %4, stop ratio %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (account %2): %3 shares, entry unknown, stop ratio %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped %1 (account %2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n position(s) to the watchlist</source>
        <translation>
            <numerusform>Added %n position to the watchlist</numerusform>
            <numerusform>Added %n positions to the watchlist</numerusform>
        </translation>
    </message>
    <message>
        <source>(no accounts on this Questrade login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from account(s) %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It uses the Questrade connection of the desktop app and of --headless (the stored token, or refresh_token / QUESTRADE_REFRESH_TOKEN); without one it says so and exits with 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the accounts and positions Questrade reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows every account of the Questrade login and its positions as Questrade reports them: account number and type, symbol, quantity, average entry price, market value, open P/L and currency. Values Questrade does not report are shown as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per account with its positions; unknown values are null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch every open long stock position not watched yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds every open long stock position that is not on the watchlist yet, with its average entry price as the entry and the default stop ratio (STOP_LOSS, else the settings). Prints what it added and what it skipped and why: already watched, short, closed, or an option or other symbol that is not a stock. The accounts are remembered, so a running monitor keeps their positions current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import only this account (repeat for several); default: every account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Questrade, Questrade or the database failed, an --account that is not on the login, or a position could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard %1 --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--account needs an account number, for example --account 26598145.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the positions action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown positions action &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Questrade login has no accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 (%2) holds no positions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceCsv</name>
    <message>
        <source>line %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price, with or without a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no date column; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no close (or price) column; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has a high column without a low column or a low column without a high column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 fields starting with a date; without a header row three fields are symbol,date,price (quote numbers that have commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without a header row; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 where the file has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the symbol is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is missing; use YYYY-MM-DD or like Jan 1 2000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is not valid; use YYYY-MM-DD or like Jan 1 2000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 &quot;%2&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 %2 is not a price greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the high is below the low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the adjusted close &quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the volume &quot;%1&quot; is not a number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no price rows; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceHistoryImport</name>
    <message>
        <source>The file has no symbol column: say which ticker its prices are for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no rows for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed while it was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 one-minute candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 one-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 five-minute candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 five-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 15-minute candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 15-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 30-minute candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 30-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hourly candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hourly candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 daily candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 daily candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 %1-minute candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 %1-second candle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2-second candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 for %3 (%4 to %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and %1 made from them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped: their symbol is not %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Trailguard cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard is already running for this data folder but does not answer; close it (or end it) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestradeHttp</name>
    <message>
        <source>%1 &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must use https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login URL (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestradeParsing</name>
    <message>
        <source>Questrade sent an answer Trailguard does not understand: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON (%1 at offset %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token answer has no access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token answer has no refresh_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token answer has no valid api_server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token answer has no valid expires_in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a symbol entry is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a symbol entry lacks a valid symbol or symbolId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbol %1 has a field of the wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lastTradePrice of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>isHalted or delay of quote %1 is not a flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a market entry lacks a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;time&quot; is missing or not a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account entry is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account entry lacks its number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a position is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a position lacks a valid symbol or symbolId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the openQuantity of %1 is missing or not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candle is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candle lacks a valid start or end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candle of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the volume of %1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the symbol of a quote is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quote of %1 lacks a valid symbolId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lastTradePriceTrHrs of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefreshBackoff</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>%1 needs daily highs and lows, and the prices of %2 have none (line %3); use a file with date,open,high,low,close rows or another strategy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>The price file: date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price rows, with or without a header; dates like 2024-05-14 or Jan 1 2000. Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticker of a file without a symbol column (default: the file name without its extension, upper-cased); with a symbol column, replay only that symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry price, greater than 0: the peak starts there, and fixed-pct and activation start from it (default: the first price).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the price stays below the stop: &quot;daily&quot; alerts on every market day below it (the default), &quot;once-per-breach&quot; once until the price is back at or above the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object instead: {&quot;alerts&quot;:[...], &quot;summary&quot;:{...}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay ran (whether or not it alerted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad row (the message names its line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard replay --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy %1; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one alert per breach, until the price is back at or above the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an alert on every market day below the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit at breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns are measured from the entry price, else the first close: &quot;Exit at breach&quot; sells at the close of the first breach, &quot;Hold&quot; keeps the stock to the last row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay was stopped before the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard replay --csv aapl.csv&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--repeat takes &quot;%1&quot; or &quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop strategy: trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K. Default: %1, or none with --rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert rule: cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P. Repeat it for more. Without --strategy, only the rules alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replays price history through the same stop-loss engine the monitor uses: each row is one observation on its date (its market day), its price the close (or price; adjclose is ignored), with the high and low when the row has them. Prints the alerts that would have fired, in time order, and for each series its rows, first breach, number of alerts, final peak and stop, and the return of selling at the close of the first breach against holding to the last row (both from the entry price, else the first close). A file with a symbol column holds one series per symbol. Nothing is written to the watchlist. Each --rule fires on a market day when its condition holds at the close and did not hold the day before (a day of several rows closes at its last row); every alert says its kind: &quot;stop&quot; or the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv, an invalid strategy, rule, entry or ticker, or a strategy the file has no data for (atr needs highs and lows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay price history from a CSV file through a stop strategy and alert rules and show the alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stop strategy: only the rules alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule firings:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretFile</name>
    <message>
        <source>The secrets file %1 could not be decrypted: the encryption_key is wrong or the file was changed. Set the encryption_key that wrote it, or move the file away to start over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted secrets file cannot be used: libsodium could not be initialised or encryption_key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted secrets file cannot be used: out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for the secrets file could not be derived from encryption_key (out of memory?). Free some memory and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 has a format this version of Trailguard cannot read. Update Trailguard, or move the file away to start over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 could not be made private to its owner: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret named &quot;%1&quot; is stored in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 is locked by another program (%2) and could not be changed. Try again; if it stays locked, remove %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStoreFactory</name>
    <message>
        <source>No system keychain was found and encryption_key is not set: Questrade tokens are kept in memory only and will be lost when Trailguard exits. Start a keyring (e.g. gnome-keyring) or set encryption_key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsText</name>
    <message>
        <source>The environment variable STOP_LOSS=&quot;%1&quot; is not a valid stop ratio. Set it to a number from 0.01 to less than 1 (for example 0.9), or unset it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpTransfer</name>
    <message>
        <source>The SMTP server %1 could not check the login for now (%2); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server %1 asked to try again later (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server refused the login (%1): check the user and the app password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server %1 does not offer STARTTLS (%2): choose SSL/TLS (usually port 465). Trailguard never sends the password unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server requires a login (%1): enter the user and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server refused a recipient (%1): check the To addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server refused the sender (%1): check the From address; many servers only accept the account&apos;s own address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server refused the message (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the SMTP server %1 (%2): check the host name and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the SMTP server %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server %1 did not answer in time (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the SMTP server %1 broke off (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the SMTP server %1 could not be set up (%2). If this persists, check the security setting: SSL/TLS usually uses port 465, STARTTLS port 587.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server %1 presented a certificate that cannot be trusted (%2): check the host name, or for a private server give the file of the CA that signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; cannot be used (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP server %1 refused the login (%2): check the user and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 did not answer like an SMTP server (%2): check the host, the port and the security setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libcurl cannot send this email (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email was not sent: Trailguard is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the SMTP server %1 failed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libcurl could not be initialised (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libcurl could not be initialised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory while preparing the email.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopLossEngine</name>
    <message>
        <source>%1: %2 gives a stop of %3, at or below zero (the average true range is wider than the prices), so there is no stop yet. A smaller multiplier K gives one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopStrategy</name>
    <message>
        <source>use trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K (for example trailing:0.9, fixed:95.5, fixed-pct:0.92, activation:0.9,0.1, atr:14,3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No strategy given: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 takes %3; %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two parameters separated by a comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the stop price P must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the activation gain A must be a number of 0 or more (0.1 starts trailing once the price is 10% above the entry), not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the period N must be a whole number from 1 to %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the multiplier K must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known strategy; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the ratio R must be a number from %2 to less than 1 (0.9 puts the stop 10% below), not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>A database command failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery to update no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Trailguard database (%2). Move it away or choose another data folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upgrade the database to version %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database &quot;%1&quot;: %2. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; was written by a newer version of Trailguard (schema %2; this version understands up to %3). Install the newer Trailguard, or use another data folder with --data-dir. The database was not modified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the watchlist. Check the spelling, or list the watchlist first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already on the watchlist; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a database transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database transaction is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 is not among the imported accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quote needs a ticker, a time and a positive price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A candle of %1 has no valid time or close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery is no longer claimed by this dispatcher: another one took it over after its lease ran out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not convert the price history to the compact format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The escalation step is no longer claimed by this dispatcher.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubcommandHelp</name>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;trailguard %1 ACTION --help&quot; describes an action.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SymbolResolver</name>
    <message>
        <source>%1 was not found on Questrade, and Questrade offered no similar listing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a ticker and its company name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found on Questrade. Closest listings: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between listings</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelegramCommands</name>
    <message>
        <source>an unknown place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Trailguard&lt;/b&gt; answers:
/status — the guardian&apos;s health and how quotes arrive
/list — the watchlist with each price, stop and distance to the stop
/ack ID — acknowledge alert ID (its escalation stops)
/help — this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guardian is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watchlist cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watchlist is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1% below the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1% above the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, stop %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the alert&apos;s number: /ack 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already acknowledged %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This button does nothing any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already acknowledged %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more not shown: the dashboard and “trailguard watch list” show the whole watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelegramConfig</name>
    <message>
        <source>The Telegram bot token is empty: create a bot with @BotFather in Telegram and paste the token it gives (like 123456789:AA…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram bot token does not look like one from @BotFather (digits, &apos;:&apos;, then letters, digits, &apos;-&apos; or &apos;_&apos;): copy it again from BotFather&apos;s message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram chat id is empty: send a message to your bot, then give your chat&apos;s number (see the README) or a channel&apos;s @name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram chat id &quot;%1&quot; is not valid: give a number (negative for a group, like -1001234567890) or a public channel&apos;s @name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram Bot API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram Bot API URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server, like https://api.telegram.org.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TlsFiles</name>
    <message>
        <source>The TLS certificate or key in %1 cannot be read (PEM files expected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate &quot;%1&quot; or key &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make a self-signed TLS certificate (OpenSSL failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the TLS certificate into &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenSet</name>
    <message>
        <source>The saved Questrade connection is damaged (%1). Reconnect the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no refresh token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter a ticker symbol, for example AAPL or SHOP.TO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid ticker. Use 1 to 15 letters, digits, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit (for example AAPL, BRK.B, RY.TO, BBD-B.TO).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid price. Enter a number greater than 0, for example 101.25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop ratio must be a number from %1 to less than 1 (0.9 puts the stop 10% below the peak).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stop ratio. Enter a number from %2 to less than 1, for example 0.9.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchCommand</name>
    <message>
        <source>Added %1 with stop ratio %2; the stop starts at %3 (entry price %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 with stop ratio %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ratio comes from the STOP_LOSS environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 from the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TICKER is trimmed and upper-cased (shop.to becomes SHOP.TO): 1 to 15 letters, digits, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start watching a ticker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds TICKER to the watchlist. Its stop follows the highest price seen, at R times that peak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase price, greater than 0; the peak starts there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows every ticker on the watchlist with its last price, peak, stop and last alert. Unknown values are shown as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per ticker; unknown values are null and times are ISO 8601 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching a ticker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes TICKER and everything Trailguard remembers about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard %1 --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options go before the command, for example &quot;trailguard --data-dir DIR watch %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the ticker, for example &quot;trailguard watch %1 SHOP.TO&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the watch action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown watch action &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watchlist is empty. Add a ticker with &quot;trailguard watch add TICKER&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --ratio or --strategy, not both (--strategy trailing:R sets the ratio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 with strategy %2; the stop starts at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 with strategy %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the stop moves, instead of --ratio: trailing:R (the default, stop = peak × R), fixed:P (stop at P), fixed-pct:R (stop = entry × R), activation:R,A (entry × R until the price is A above the entry, then trailing), atr:N,K (chandelier exit: highest high of N days − K × ATR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop ratio, from 0.01 to less than 1 (0.9 keeps the stop 10% below the peak). Default: STOP_LOSS, else the default ratio in the settings (0.9 unless changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its alert rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchRules</name>
    <message>
        <source>%1 already has the rule %2; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rules; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rule %2; its rules are: %3. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert rule beside the stop, e.g. cross-below-sma:50 or target:120 (repeat for more; see &quot;trailguard watch rules --help&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this rule (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this rule (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List, add or remove a ticker&apos;s alert rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without --add or --remove, lists TICKER&apos;s alert rules, one per line. A rule alerts once on the market day its condition starts to hold, through the same channels as a stop breach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules: cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K, target:P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change is checked first: if one is refused, nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the watchlist. Add it first with &quot;trailguard watch add %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no alert rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the rule %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the rule %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Watchlist</name>
    <message>
        <source>The entry price must be a number greater than 0, or left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze for 1 to 365 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has the rule %2; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rules; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rule %2; its rules are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebCommand</name>
    <message>
        <source>Set the web dashboard&apos;s password (asked twice, or one line from stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets the password of the web dashboard (trailguard --headless --web PORT). On a terminal it is asked twice without showing it; otherwise the first line of stdin is used. At least %1 characters. Only its Argon2id hash is stored, in the settings file; a running guardian uses the new password at the next log-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an API token for scripts and print it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes an API token named NAME (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;) and prints it, the only time it is shown: scripts send it as &quot;Authorization: Bearer TOKEN&quot;. Only its hash is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the API tokens&apos; names and when they were made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the API tokens: each one&apos;s name and when it was made (never the token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke an API token: it stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revokes the API token named NAME; a running guardian refuses it from its next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;trailguard web --help&quot; for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New web dashboard password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given (stdin ended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web dashboard&apos;s password is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time the token is shown; keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API tokens; make one with &quot;trailguard web token create NAME&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked the token &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing the web action: password or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no argument; &quot;%2&quot; is unexpected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: trailguard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown token action &quot;%1&quot;: use create, list or revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown web action &quot;%1&quot;: use password or token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebDashboard</name>
    <message>
        <source>&quot;%1&quot; is no IP address; use [ADDRESS:]PORT, for example 127.0.0.1:8080 or 0.0.0.0:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no port; use [ADDRESS:]PORT, for example 8080 or 0.0.0.0:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web dashboard needs a password: set one with `trailguard web password` or TRAILGUARD_WEB_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving the web dashboard on %1, which other computers can reach, needs TLS: set web/tlsCertificate and web/tlsKey (or TRAILGUARD_WEB_CERT and TRAILGUARD_WEB_KEY), or add --web-self-signed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebPasswordText</name>
    <message>
        <source>The password is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebServerText</name>
    <message>
        <source>The web dashboard cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not answer for that host name; add it to web/hostNames in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large (at most %1 KiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only GET is allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookHttp</name>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid URL: it should look like https://host/path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must start with https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found (is this computer offline?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2. The alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::CandleFetcher</name>
    <message>
        <source>Candles need a Questrade symbol id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::DiscordChannel</name>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord is rate limiting this webhook (HTTP 429); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord is rate limiting this webhook (HTTP 429); the alert will be sent again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord could not take the message now (HTTP %1); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no explanation given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Discord code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord refused the message (HTTP %1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook may have been deleted or its URL changed: copy the URL again from the channel&apos;s settings (Integrations → Webhooks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord answered with a redirect (HTTP %1): check the webhook URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord gave an unexpected answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::EmailChannel</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge this alert: %1 (a one-time link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a one-time link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To acknowledge this alert, use Trailguard&apos;s alert history, the dashboard, or run `trailguard alerts ack %1`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::EncryptedFileSecretStore</name>
    <message>
        <source>the encrypted file %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::KeychainSecretStore</name>
    <message>
        <source>No secret named &quot;%1&quot; is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a keyring such as gnome-keyring (and unlock it), or set encryption_key to keep tokens in an encrypted file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be read from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be saved in the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be removed from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::MemorySecretStore</name>
    <message>
        <source>memory only (lost when Trailguard exits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret named &quot;%1&quot; is kept in memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::NtfyChannel</name>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server is limiting how often we publish (HTTP 429); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server could not take the message now (HTTP %1); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no explanation given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server refused the access token (HTTP %1: %2): check the token in the ntfy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy topic needs an access token (HTTP %1: %2): add one in the ntfy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is too large for the ntfy server (HTTP 413: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server refused the message (HTTP %1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server answered with a redirect (HTTP %1): check the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ntfy server gave an unexpected answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeAuth</name>
    <message>
        <source>Connect a Questrade account: paste a refresh token from the API centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the refresh token Questrade&apos;s API centre shows for your personal app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Questrade account was disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the saved Questrade connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Questrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the saved Questrade connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Questrade, but the new token could not be saved (%1); you may have to reconnect after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused the new refresh token; Trailguard keeps using the saved connection. Copy a fresh token from the API centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Questrade account is connected: paste a refresh token from the API centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused the saved token. Reconnect: paste a new refresh token from the API centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the Questrade token (%1); retrying in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeClient</name>
    <message>
        <source>No account number was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade&apos;s stream answer has no valid streamPort.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeTokenExchange</name>
    <message>
        <source>no answer: timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade&apos;s login server did not answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade&apos;s api_server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade&apos;s login server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeTransport</name>
    <message>
        <source>Questrade&apos;s answer was larger than %1 MiB and was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Questrade (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused a freshly issued access token (%1). Reconnect the account if this persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade&apos;s rate limit was still exceeded after %1 tries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade found the request too long (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Questrade app lacks market-data permission: enable it in the App Hub and reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade does not know this account (%1). Reload the list of accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade does not know the symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade had a server problem (HTTP %1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade rejected the request (HTTP %1, code %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::QuoteStream</name>
    <message>
        <source>Questrade gave no stream port (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token for the stream (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server is not https: the stream would not be encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote stream closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote stream closed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote stream failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused the stream (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote stream was not connected and authenticated within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote stream did not answer a ping within %1 s: the connection is dead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade found the stream&apos;s list of %1 ids too long (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream&apos;s URL for %1 ids would be %2 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream server found the socket URL too long (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::Runners::DesktopSession</name>
    <message>
        <source>waiting for the keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::Settings</name>
    <message>
        <source>&quot;%1&quot; is not a web address; give the dashboard&apos;s address as your phone reaches it, like https://guard.example.net:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard&apos;s public address must start with https:// (acknowledgement links must not travel in clear).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard&apos;s public address must not contain a user, &apos;?&apos; or &apos;#&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramApi</name>
    <message>
        <source>Could not reach the Telegram Bot API: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the bot token (%1): copy the token again from @BotFather.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bot may not write to this chat (%1): open the chat with the bot and press Start (or unblock it), or add the bot to the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram does not know this chat (%1): check the chat id, and send the bot a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram asks to wait before the next request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramBot</name>
    <message>
        <source>Another program is reading this bot&apos;s updates (HTTP 409: %1): only one guardian may use a bot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramChannel</name>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still below the stop — reminder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is limiting how often the bot sends (HTTP 429); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram could not take the message now (HTTP %1: %2); the alert will be sent again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AddTickerForm</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SHOP.TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price you paid. Trailing starts from it instead of the first price seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the ticker to the watchlist (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed % of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing after a gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ATR chandelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the stop moves. Trailing: ratio × the highest price. Fixed price: a stop that never moves. Fixed % of entry: ratio × the entry (else the first price). Trailing after a gain: ratio × the entry until the price rises by the gain, then trailing. ATR chandelier: the highest high of N days minus K average true ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop price P, for example 95.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gain, e.g. 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gain A above the entry that starts trailing: 0.1 starts once the price is 10% above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N,K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N days of average true range (at least 1) and the multiplier K (greater than 0), e.g. 14,3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This strategy takes only the stop ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ules (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules to add with the ticker, besides its stop: a moving average crossed, RSI, MACD, Bollinger bands, a target price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added with the ticker: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AddTickerRulesDialog</name>
    <message>
        <source>Rules for the New Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticker is added with these rules. Besides its stop, it alerts when one of them happens at a market day&apos;s close (once a day, when it did not hold the day before):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AlertHistoryDialog</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoo&amp;ze Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to snooze the ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts for the selected alert&apos;s ticker for that many days; its stop keeps trailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert for the selected alert&apos;s ticker again from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged 1 alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged %1 alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is snoozed until %2: its breaches raise no alerts until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer snoozed: its breaches raise alerts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is snoozed until %2; alert for it again from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts for %1 for that many days; its stop keeps trailing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AlertHistoryModel</name>
    <message>
        <source>delivered at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying (attempt %1, next at %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Failed for good after %n attempt(s), the last at %1: %2</source>
        <translation>
            <numerusform>Failed for good after %n attempt, the last at %1: %2</numerusform>
            <numerusform>Failed for good after %n attempts, the last at %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet; due at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed, the last at %1: %2
The next attempt is at %3.</source>
        <translation>
            <numerusform>%n attempt failed, the last at %1: %2
The next attempt is at %3.</numerusform>
            <numerusform>%n attempts failed, the last at %1: %2
The next attempt is at %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent through this channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 due at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestDialog</name>
    <message>
        <source>+%1%</source>
        <comment>a positive return</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a return</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing: the stop follows the peak at %1% of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed: the stop stays at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed at %1% of the entry price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of the entry, trailing once the price is %2% above the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chandelier exit: highest high of %1 days minus %2 × ATR(%1); needs daily highs and lows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the prices of the period through the checked strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a CSV file of daily prices to backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the stored prices of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored daily prices of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: it has no prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: it has prices of %2 but none of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check strategies and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period has no prices: choose other dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n strategy(ies)</source>
        <translation>
            <numerusform>Replaying %n strategy</numerusform>
            <numerusform>Replaying %n strategies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> over %n day(s)…</source>
        <translation>
            <numerusform> over %n day…</numerusform>
            <numerusform> over %n days…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n strategy(ies) finished before.</source>
        <translation>
            <numerusform>Cancelled: %n strategy finished before.</numerusform>
            <numerusform>Cancelled: %n strategies finished before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n strategy(ies)</source>
        <translation>
            <numerusform>Replayed %n strategy</numerusform>
            <numerusform>Replayed %n strategies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> over %n day(s), %1 to %2.</source>
        <translation>
            <numerusform> over %n day, %1 to %2.</numerusform>
            <numerusform> over %n days, %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strategy(ies) could not run: see the table.</source>
        <translation>
            <numerusform>%n strategy could not run: see the table.</numerusform>
            <numerusform>%n strategies could not run: see the table.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the running backtest; the strategies finished so far are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window; a running backtest stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one strategy or rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert rule(s) replayed: see their table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestPeriodBox</name>
    <message>
        <source>Period and Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price bought at: it seeds the peak and is the basis of the returns and of the fixed-pct and activation stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (first close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether an alert repeats every market day the price stays below the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every market day below the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once per breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat alerts:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestResultsModel</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exiting at the first breach did better than holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding did at least as well as exiting at the first breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit at Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestResultsView</name>
    <message>
        <source>Backtest results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per strategy: the first breach, the number of alerts, and the return of exiting at the first breach against holding; choosing a row draws that strategy on the chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestRuleResultsModel</name>
    <message>
        <source>The rule did not fire in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestRuleResultsView</name>
    <message>
        <source>Alert rule results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per alert rule: the days it fired and the first one; choosing a row marks its firings on the chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestSourceBox</name>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;Stored Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load CSV File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use stored prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily prices the app stored for this ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily prices as date,close or date,open,high,low,close rows (Yahoo&apos;s export works), or symbol,date,price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price file error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the stored daily prices of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Daily Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No daily prices of %1 are stored yet: load a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s), %2 to %3</source>
        <translation type="unfinished">
            <numerusform>%1: %n day, %2 to %3</numerusform>
            <numerusform>%1: %n days, %2 to %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BreachNotifier</name>
    <message>
        <source>Open alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 (%2) acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 was already acknowledged on %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 snoozed for 1 day; alert %2 acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ChannelSettingsPage</name>
    <message>
        <source>Send &amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test alert with these settings, saved or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches and health alerts go out through this channel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ChartController</name>
    <message>
        <source>No price history yet for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ConnectDialog</name>
    <message>
        <source>&amp;Live account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practice account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Trailguard reads quotes with a refresh token of a Questrade personal app:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Sign in to Questrade and open the &lt;a href=&quot;%1&quot;&gt;App Hub (API centre)&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Under &lt;b&gt;Personal apps&lt;/b&gt;, register a personal app with the &lt;b&gt;market data&lt;/b&gt; permission (once).&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;New device&lt;/b&gt; to generate a token, and copy it.&lt;/li&gt;&lt;li&gt;Paste it here and say whether it belongs to a live or a practice account.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A token works only once: Trailguard exchanges it at once and keeps the token that replaces it in your keychain, so you paste one only to connect or reconnect.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the refresh token from Questrade&apos;s App Hub first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ConnectionBanner</name>
    <message>
        <source>Try the &amp;Demo Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected — reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade refused the saved token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Questrade account connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated prices on this computer, with a watchlist of their own; no account needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::CustomIndicatorDialog</name>
    <message>
        <source>Custom Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator, for example sma:30, ema:12, bb:20,2.5, rsi:7 or macd:8,21,5:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::CycleCostLabel</name>
    <message>
        <source>Full check: %1 s</source>
        <comment>how long the last check of every ticker took</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full check: about %1 s</source>
        <comment>estimated from Questrade&apos;s rate limits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — interval too short</source>
        <comment>full check, then a warning</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticker(s), quote requests per check: %1. Questrade allows %2 a second and %3 an hour, so a check can start every %4 s at the most.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Prices are checked every %1 s: set at least %2 s in Settings &gt; General, or turn on streaming.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::DiscordSettingsPage</name>
    <message>
        <source>&amp;Enable Discord alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://discord.com/api/webhooks/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Discord: the channel&apos;s settings, Integrations, Webhooks, Copy Webhook URL. It works like a password: it is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::EmailSettingsPage</name>
    <message>
        <source>&amp;Enable email alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook / Office 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your full email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Gmail and Outlook, an app password. Kept in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alerts@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com, partner@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or more addresses, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sec&amp;urity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail and Outlook fill in the server; Custom server lets you type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server&apos;s port: 465 for SSL/TLS, 587 for STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the connection to the mail server is encrypted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::EscalationPolicyEditor</name>
    <message>
        <source>Escalate only while the stock&apos;s &amp;market is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off — e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While a breach is not acknowledged, repeat it after each delay through more channels: DELAY:CHANNELS steps separated by &quot;;&quot;, delays in s, m or h from when the alert was raised, channels %1; add &quot;repeat=N&quot; to repeat the last step. &quot;off&quot;: never escalate. Example: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step due while the market is closed waits for the next open; unchecked, steps also go out after the close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::GeneralSettingsPage</name>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Trailguard when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often prices are checked while connected: 5 seconds to 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by STOP_LOSS in the environment; unset it to choose here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every market day while below the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once per breach, until the price recovers above the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds Trailguard, minimised, to the programs your desktop starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check prices every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default stop &amp;ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat an alert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;daily digest at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiet hours from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One email/ntfy summary a day of the stocks below their stop or near it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily digest time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest distance to the stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests and health alerts wait until quiet hours end; breaches never wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a ticker below its stop is alerted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the tray icon at start; click it to show the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the daily digest is sent, in local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stocks this close to their stop, in percent, are in the digest too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this time digests and health alerts wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this time what waited is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;streaming quotes (real time; polls while the stream is down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices arrive over Questrade&apos;s stream as they trade; off: they are checked every interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only while a watched &amp;market is open, for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the trading sessions Questrade reports, scheduled checks pause; Check Now always checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min after the close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period after the close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long checks go on after a market closes, to catch late prints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include e&amp;xtended-hours trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-market and after-hours trades raise the peak and can breach a stop; off: stops follow the regular session, and those trades only appear on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too short for %n ticker(s) (quote requests per check: %1): Questrade&apos;s limits allow a check every %2 s at the most.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Escalation:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::HistoryConversionDialog</name>
    <message>
        <source>Updating Trailguard&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting the price history to a more compact format…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting the price history to a more compact format… %1 of %2 prices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::HistoryProgressIndicator</name>
    <message>
        <source>Loading a year of daily prices for the watched tickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price history %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ImportPositionsDialog</name>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the accounts to import. Each stock you hold is watched with its average entry price as the entry; tickers you already watch keep their peak and stop and show their position. Trailguard keeps the quantities current while connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg. entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop = peak × ratio, for the tickers this import adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;ratio for new tickers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions in the checked accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Questrade for your accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts could not be read: %1 Check the connection to Questrade, then press Reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade lists no account for this login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>account type, then number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <comment>account status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the positions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Press Reload to read the accounts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already watched: keeps its peak and stop; position shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: no entry price known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short position: not imported (a trailing stop guards long positions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option: not imported (only stocks and ETFs can be watched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed today: nothing held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a ticker Trailguard can watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checked accounts hold no positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) can be imported; %1 cannot (see Note).</source>
        <translation>
            <numerusform>%n position can be imported; %1 cannot (see Note).</numerusform>
            <numerusform>%n positions can be imported; %1 cannot (see Note).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) can be imported.</source>
        <translation>
            <numerusform>%n position can be imported.</numerusform>
            <numerusform>%n positions can be imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>The positions could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::IndicatorMenuButton</name>
    <message>
        <source>Simple Moving Average %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential Moving Average %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bollinger Bands %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD %1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average True Range %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving averages, Bollinger Bands, RSI and MACD on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::MainWindow</name>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo market — simulated prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here is a real quote; breaches are practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist (Demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <comment>tickers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the tickers that contain this text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a ticker to see its chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticker to see its chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a Questrade account first (Account &gt; Connect to Questrade…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::MainWindowDialogs</name>
    <message>
        <source>Disconnect Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect the Questrade account? Trailguard forgets its token and stops checking prices; to connect again you need a new token from the App Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::NtfySettingsPage</name>
    <message>
        <source>&amp;Enable ntfy alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for %1; give your own server when self-hosting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trailguard-alerts, or a full topic URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a public server the topic works like a password: pick one that is hard to guess. A full URL such as https://ntfy.example.com/mytopic sets the server too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a protected topic (tk_…). Kept in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply on ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Acknowledge button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web dashboard&apos;s address as your phone reaches it (https://). Mails then carry a one-time link that acknowledges the alert, and ntfy messages an &quot;Open dashboard&quot; button. Add its host name to web/hostNames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge button:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the dashboard, since its address is set below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply on ntfy, since the dashboard&apos;s address is not set below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The button sends the alert&apos;s one-time code to the dashboard: your phone must reach it at the address below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the dashboard&apos;s address below; until then the button replies on ntfy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The button publishes the alert&apos;s one-time code to a private topic Trailguard listens to. With an access token, the token travels in the button to your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches come without an Acknowledge button; acknowledge them in the alert history, on the dashboard or with `trailguard alerts ack`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How ntfy&apos;s Acknowledge button under a breach tells Trailguard the alert was seen; the sentence below says what the chosen way needs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PortfolioView</name>
    <message>
        <source>Market value of the watched tickers you hold, per currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position data for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not added: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts imported; no position was picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions not updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No longer held: %1.</source>
        <translation>
            <numerusform>No longer held: %1.</numerusform>
            <numerusform>No longer held: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The imported accounts do not hold %n of these any more. Keep watching?</source>
        <translation>
            <numerusform>The imported accounts do not hold %n of these any more. Keep watching?</numerusform>
            <numerusform>The imported accounts do not hold %n of these any more. Keep watching?</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped watching %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>currency, then amount</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceChartPanel</name>
    <message>
        <source>The last trading day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last five trading days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last six months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All the stored history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price history yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole range again (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1D</source>
        <comment>chart range: one day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5D</source>
        <comment>chart range: five days</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1M</source>
        <comment>chart range: one month</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6M</source>
        <comment>chart range: six months</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1Y</source>
        <comment>chart range: one year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <comment>chart range: all history</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price history yet for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>ticker (currency)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price: %1 %2</source>
        <comment>price, currency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy&apos;s stop before watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ATR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules fired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceChartView</name>
    <message>
        <source>Wheel: zoom · Drag: pan · Shift+drag: zoom to a range
Arrow keys: pan and zoom · Double-click or Esc: reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceHistoryImportController</name>
    <message>
        <source>Import Price &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Price History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price history was not imported. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no symbol column. Which ticker are its prices for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add price history from a CSV file to the charts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::QuestradeSettingsPage</name>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub, for a live or a practice account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the Questrade token; connecting again needs a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to a practice account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to a live account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice account, offline (retrying by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live account, offline (retrying by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected: Questrade refused the token, connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RatioSpinBox</name>
    <message>
        <source>Stop = peak × ratio; 0.90 keeps the stop 10% below the highest price.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RuleChecklist</name>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules to backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the alert rules to replay beside the strategies; Space toggles one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. cross-below-sma:50 or rsi-below:14,30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add alert rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the rule typed beside to the list, checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RulesDialog</name>
    <message>
        <source>Closes below its moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N: days of the simple moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes above its moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI falls below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N,X: RSI days, level (0-100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSI rises above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD crosses below its signal line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F,S,G: fast, slow and signal days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACD crosses above its signal line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes below the lower Bollinger band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N,K: days, band width in deviations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes above the upper Bollinger band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches a target price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P: the price (take-profit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besides its stop, %1 alerts when one of these happens at a market day&apos;s close (once a day, when it did not hold the day before):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rules yet: only the stop alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: the alert settings could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: the alert settings are still loading. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings and keep this window open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::StatusPanel</name>
    <message>
        <source>Last check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade: disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Questrade account connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected: reconnect needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, retrying; last check %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching 1 ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching %1 tickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, checking now</source>
        <comment>watching N tickers, ...</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not checked yet</source>
        <comment>watching N tickers, ...</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, last check %2</source>
        <comment>watching N tickers, last check 10:42</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo market: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices are checked while a watched market is open; Check Now works at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: streaming live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real-time quotes arrive over Questrade&apos;s stream; polling only backs it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: connecting stream…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the real-time stream; prices are polled meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices are checked every interval (the stream is off or down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; quotes streaming live</source>
        <comment>watching N tickers, last check 10:42; ...</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming %1 of %2 tickers; %3 on polling</source>
        <comment>streaming 800 of 1,000 tickers; 200 on polling</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes: %1</source>
        <comment>Quotes: streaming 800 of 1,000 tickers; ...</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the streams are not live (refused by the server, or reconnecting): their tickers are polled every interval meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>watching N tickers, last check 10:42; streaming 800 of 1,000 tickers; ...</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::StrategyChecklist</name>
    <message>
        <source>Strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategies to backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the strategies to replay; Space toggles one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. trailing:0.92 or atr:20,2.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add custom strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the strategy typed beside to the list, checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom strategy error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>spec — description</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TelegramSettingsPage</name>
    <message>
        <source>&amp;Enable Telegram alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123456789:AA… from @BotFather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your chat&apos;s number, or @channelname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your bot a message, then find the chat&apos;s number as the README explains. A group&apos;s number is negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty unless you run your own Bot API server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Telegram whether the token is right, and the bot&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot &amp;API server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to @%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TickerCommands</name>
    <message>
        <source>Remove Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the watchlist? Its peak and stop are forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peak of %1 restarts at %2; the stop is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peak of %1 is cleared; it restarts at the next price.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TrayIcon</name>
    <message>
        <source>&amp;Quit Trailguard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TraySettingsPage</name>
    <message>
        <source>&amp;Pop up breaches from the tray icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no system tray on this desktop to show the message in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown by the tray icon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WatchlistModel</name>
    <message>
        <source>not found</source>
        <comment>no such listing at the broker</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (halted)</source>
        <comment>a price; trading is halted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>halted</source>
        <comment>trading is halted and no price is known</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>distance to stop in percent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 below stop</source>
        <comment>e.g. -1.2% below stop</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 near stop</source>
        <comment>e.g. 1.5% near stop</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, entry price %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading was halted at the last quote; no price received yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price received yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last trade at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quote is delayed (shown in italics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading was halted at the last quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last price is below the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last price is within %1% of the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the price can fall before it reaches the stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown once both a price and a stop are known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop = peak × ratio. Double-click to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert raised yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questrade has no listing for %1. Remove it and add the ticker as Questrade writes it (for example RY.TO for Toronto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (snoozed until %2)</source>
        <comment>last alert, then the end of the snooze</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the stop moves. Double-click to change it: trailing:R (stop = peak × R), fixed:P (stop at P), fixed-pct:R (entry × R), activation:R,A (entry × R until the price is A above the entry, then trailing), atr:N,K (highest high of N days − K × ATR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price history for the last month yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month: from %1 to %2 (low %3, high %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not held in the imported accounts (File &gt; Import Positions…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n share(s) in account(s) %1</source>
        <translation>
            <numerusform>%n share in account(s) %1</numerusform>
            <numerusform>%n shares in account(s) %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Average entry price %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <comment>the last saved price; the newer one could not be saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest price of %1 could not be saved, so its stop is not kept up to date and it raises no alert (the other tickers are watched). Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the ratio as a number from 0.01 to less than 1, for example 0.9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert rules beside the stop. Edit Rules… adds some.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules beside the stop:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WatchlistTableView</name>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each ticker with its price, peak, stop and distance to the stop; F2 edits the ratio, Delete removes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WelcomeAccountPage</name>
    <message>
        <source>Connect your Questrade account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard reads quotes through your account. It never places orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;To create a refresh token:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Log in to Questrade and open the &lt;a href=&quot;%1&quot;&gt;App Hub&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Register a personal app with market data access (or open the one you have).&lt;/li&gt;&lt;li&gt;Choose &lt;i&gt;New device&lt;/i&gt; and generate a new token.&lt;/li&gt;&lt;li&gt;Press &lt;b&gt;Connect Questrade Account…&lt;/b&gt; below, paste the token and choose a live or a practice account.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A token works once; Trailguard keeps the rotating chain in your keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to create a refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps in Questrade&apos;s App Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect Questrade Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Questrade Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a refresh token for a live or a practice account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;Demo Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the Demo Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated prices on this computer, with a watchlist of their own; no account needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether an account is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are trying the demo market: simulated prices, a watchlist of its own. Connect your account whenever you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the demo market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WelcomeWizard</name>
    <message>
        <source>Welcome to Trailguard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five optional steps: account, tickers, default ratio, alerts, done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip This Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next step without saving this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous step (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this step and go to the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the welcome; Help &gt; Welcome opens it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the positions you hold, or add tickers one by one (SHOP.TO, AAPL, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Positions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the symbols your Questrade accounts hold, with their average price as the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched tickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tickers on the watchlist so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the default stop ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tickers start with it. At 0.90 the stop follows 10% below the highest price seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default stop ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greater than 0 and less than 1; 0.90 keeps the stop 10% below the peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP_LOSS sets the default ratio in this environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get alerts away from the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches always show in the tray. Choose one more channel, fill it in and press Send test; Settings has the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email, Discord or ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert channel status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the channel was saved, or why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert channels are set up in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Fill it in, or press Skip This Step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are all set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the welcome set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailguard keeps watching from the tray when the window is closed. Settings (Ctrl+,) has everything else; Help &gt; Welcome opens these steps again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market: the demo market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: not connected yet (Account &gt; Connect to Questrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n ticker(s).</source>
        <translation>
            <numerusform>Watching %n ticker.</numerusform>
            <numerusform>Watching %n tickers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Default ratio: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: the tray and %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
