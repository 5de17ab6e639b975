<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AlertAcknowledger</name>
    <message>
        <source>There is no alert %1.</source>
        <translation>Il n&apos;y a pas d&apos;alerte %1.</translation>
    </message>
    <message>
        <source>This acknowledgement code is not valid.</source>
        <translation>Ce code d&apos;accusé de réception n&apos;est pas valide.</translation>
    </message>
</context>
<context>
    <name>AlertRule</name>
    <message>
        <source>use cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P (for example cross-below-sma:50, rsi-below:14,30, target:120)</source>
        <translation>utilisez cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K ou target:P (par exemple cross-below-sma:50, rsi-below:14,30, target:120)</translation>
    </message>
    <message>
        <source>No rule given: %1.</source>
        <translation>Aucune règle indiquée : %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an alert rule: %2.</source>
        <translation>« %1 » n’est pas une règle d’alerte : %2.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %2 takes %n parameter(s) separated by commas; %3.</source>
        <translation>
            <numerusform>« %1 » : %2 prend %n paramètre séparé par des virgules; %3.</numerusform>
            <numerusform>« %1 » : %2 prend %n paramètres séparés par des virgules; %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the target price P must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation>« %1 » : le prix cible P doit être un nombre supérieur à 0, pas « %2 ».</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the RSI level X must be a number between 0 and 100 (for example 30), not &quot;%2&quot;.</source>
        <translation>« %1 » : le niveau de RSI X doit être un nombre entre 0 et 100 (par exemple 30), pas « %2 ».</translation>
    </message>
    <message>
        <source>%1 closed below its %2-day average: %3 &lt; %4</source>
        <translation>%1 a clôturé sous sa moyenne sur %2 jours : %3 &lt; %4</translation>
    </message>
    <message>
        <source>%1 closed above its %2-day average: %3 &gt; %4</source>
        <translation>%1 a clôturé au-dessus de sa moyenne sur %2 jours : %3 &gt; %4</translation>
    </message>
    <message>
        <source>%1&apos;s %2-day RSI fell below %3: %4</source>
        <translation>Le RSI sur %2 jours de %1 est passé sous %3 : %4</translation>
    </message>
    <message>
        <source>%1&apos;s %2-day RSI rose above %3: %4</source>
        <translation>Le RSI sur %2 jours de %1 est passé au-dessus de %3 : %4</translation>
    </message>
    <message>
        <source>%1&apos;s MACD (%2) crossed below its signal line: %3 &lt; %4</source>
        <translation>Le MACD (%2) de %1 a croisé sa ligne de signal à la baisse : %3 &lt; %4</translation>
    </message>
    <message>
        <source>%1&apos;s MACD (%2) crossed above its signal line: %3 &gt; %4</source>
        <translation>Le MACD (%2) de %1 a croisé sa ligne de signal à la hausse : %3 &gt; %4</translation>
    </message>
    <message>
        <source>%1 closed below its lower Bollinger band (%2): %3 &lt; %4</source>
        <translation>%1 a clôturé sous sa bande de Bollinger inférieure (%2) : %3 &lt; %4</translation>
    </message>
    <message>
        <source>%1 closed above its upper Bollinger band (%2): %3 &gt; %4</source>
        <translation>%1 a clôturé au-dessus de sa bande de Bollinger supérieure (%2) : %3 &gt; %4</translation>
    </message>
    <message>
        <source>%1 reached its target: %2 ≥ %3</source>
        <translation>%1 a atteint sa cible : %2 ≥ %3</translation>
    </message>
    <message>
        <source>Closes below its %1-day average</source>
        <translation>Clôture sous sa moyenne de %1 jours</translation>
    </message>
    <message>
        <source>Closes above its %1-day average</source>
        <translation>Clôture au-dessus de sa moyenne de %1 jours</translation>
    </message>
    <message>
        <source>%1-day RSI falls below %2</source>
        <translation>Le RSI sur %1 jours passe sous %2</translation>
    </message>
    <message>
        <source>%1-day RSI rises above %2</source>
        <translation>Le RSI sur %1 jours passe au-dessus de %2</translation>
    </message>
    <message>
        <source>MACD (%1) crosses below its signal line</source>
        <translation>Le MACD (%1) croise sa ligne de signal à la baisse</translation>
    </message>
    <message>
        <source>MACD (%1) crosses above its signal line</source>
        <translation>Le MACD (%1) croise sa ligne de signal à la hausse</translation>
    </message>
    <message>
        <source>Closes below the lower Bollinger band (%1)</source>
        <translation>Clôture sous la bande de Bollinger inférieure (%1)</translation>
    </message>
    <message>
        <source>Closes above the upper Bollinger band (%1)</source>
        <translation>Clôture au-dessus de la bande de Bollinger supérieure (%1)</translation>
    </message>
    <message>
        <source>Reaches the target price %1</source>
        <translation>Atteint le prix cible %1</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Stop-loss breach: %1 %2 &lt; stop %3 (peak %4)</source>
        <translation>Stop franchi&#xa0;: %1 %2 &lt; stop %3 (sommet %4)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Distance to stop</source>
        <translation>Distance jusqu’au stop</translation>
    </message>
    <message>
        <source>Quote time</source>
        <translation>Heure de la cotation</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>%1 traded at %2, below its trailing stop of %3.</source>
        <translation>%1 s’est négocié à %2, sous son stop suiveur de %3.</translation>
    </message>
    <message>
        <source>Sent by Trailguard.</source>
        <translation>Envoyé par Trailguard.</translation>
    </message>
    <message>
        <source>Trailguard test alert</source>
        <translation>Alerte d’essai de Trailguard</translation>
    </message>
    <message>
        <source>This is a test from Trailguard. If you can read it, this channel works.</source>
        <translation>Ceci est un essai de Trailguard. Si vous pouvez le lire, ce canal fonctionne.</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Heure d’envoi</translation>
    </message>
    <message>
        <source>stop breached while offline at %1</source>
        <translation>stop franchi hors ligne à %1</translation>
    </message>
    <message>
        <source>stop breached while offline on %1 at %2</source>
        <translation>stop franchi hors ligne le %1 à %2</translation>
    </message>
    <message>
        <source>%1: %2 (Toronto time), seen in the minute prices after Trailguard was offline.</source>
        <translation>%1&#xa0;: %2 (heure de Toronto), constaté dans les prix à la minute après une période hors ligne de Trailguard.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Market day</source>
        <translation>Jour de bourse</translation>
    </message>
</context>
<context>
    <name>AlertsCommand</name>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>No alerts yet.</source>
        <translation>Aucune alerte pour l&apos;instant.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Raised (UTC)</source>
        <translation>Levée (UTC)</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Accusée</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>Escalations (step channels at UTC, status)</source>
        <translation>Escalades (étape canaux à UTC, état)</translation>
    </message>
    <message>
        <source>Alert %1 was already acknowledged on %2 UTC from %3; nothing changed.</source>
        <translation>L&apos;alerte %1 avait déjà été accusée le %2 UTC depuis %3; rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>Alert %1 (%2) acknowledged.</source>
        <translation>Alerte %1 (%2) accusée.</translation>
    </message>
    <message numerus="yes">
        <source>%n escalation delivery(s) cancelled.</source>
        <translation>
            <numerusform>%n envoi(s) d&apos;escalade annulé(s).</numerusform>
            <numerusform>%n envoi(s) d&apos;escalade annulé(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the latest alerts with their deliveries and escalation steps.</source>
        <translation>Affiche les dernières alertes avec leurs envois et leurs étapes d&apos;escalade.</translation>
    </message>
    <message>
        <source>Shows the latest alerts, newest first: id, when raised, ticker, kind, price and stop, whether and where it was acknowledged, each channel&apos;s delivery, and each escalation step (its channels, when it was due, and whether it went out or was not needed). Works while a guardian runs.</source>
        <translation>Affiche les dernières alertes, les plus récentes d&apos;abord : id, levée, symbole, type, prix et stop, si et d&apos;où elle a été accusée, l&apos;envoi de chaque canal et chaque étape d&apos;escalade (ses canaux, son échéance, et si elle est partie ou n&apos;était plus nécessaire). Fonctionne pendant qu&apos;un gardien tourne.</translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per alert (id, ticker, kind, raisedAt, price, stop, acknowledgedAt, ackSource, deliveries, escalations); unknown values are null.</source>
        <translation>Affiche plutôt un tableau JSON, un objet par alerte (id, ticker, kind, raisedAt, price, stop, acknowledgedAt, ackSource, deliveries, escalations); les valeurs inconnues sont null.</translation>
    </message>
    <message>
        <source>Show at most N alerts (default %1).</source>
        <translation>Affiche au plus N alertes (par défaut %1).</translation>
    </message>
    <message>
        <source>Acknowledge an alert: its escalation stops.</source>
        <translation>Accuser réception d&apos;une alerte : son escalade s&apos;arrête.</translation>
    </message>
    <message>
        <source>Acknowledges the alert ID (see &quot;trailguard alerts list&quot;), recorded as from the command line, and cancels its escalation steps still to come; a running guardian sends none of them. An alert acknowledged before stays as it was: this says when and from where.</source>
        <translation>Accuse réception de l&apos;alerte ID (voir « trailguard alerts list »), enregistrée comme venant de la ligne de commande, et annule ses étapes d&apos;escalade à venir; un gardien en marche n&apos;en envoie aucune. Une alerte accusée auparavant reste telle quelle : la commande dit quand et d&apos;où.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard alerts %1--help&quot; for help.</source>
        <translation>Lancez « trailguard alerts %1--help » pour l&apos;aide.</translation>
    </message>
    <message>
        <source>Success.</source>
        <translation>Succès.</translation>
    </message>
    <message>
        <source>No such alert, or the database failed.</source>
        <translation>Alerte inexistante, ou la base de données a échoué.</translation>
    </message>
    <message>
        <source>The command line is wrong.</source>
        <translation>La ligne de commande est erronée.</translation>
    </message>
    <message>
        <source>Usage: trailguard %1</source>
        <translation>Usage : trailguard %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an alert id: use the number &quot;trailguard alerts list&quot; shows.</source>
        <translation>« %1 » n&apos;est pas un id d&apos;alerte : utilisez le numéro qu&apos;affiche « trailguard alerts list ».</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to %1.</source>
        <translation>--limit demande un nombre de 1 à %1.</translation>
    </message>
    <message>
        <source>Missing the alerts action: list or ack.</source>
        <translation>Il manque l&apos;action : list ou ack.</translation>
    </message>
    <message>
        <source>Unknown alerts action &quot;%1&quot;: use list or ack.</source>
        <translation>Action inconnue « %1 » : utilisez list ou ack.</translation>
    </message>
</context>
<context>
    <name>ApiGateText</name>
    <message>
        <source>No such API endpoint; the API is under /api/v1/.</source>
        <translation>Ce point d&apos;accès de l&apos;API n&apos;existe pas; l&apos;API se trouve sous /api/v1/.</translation>
    </message>
    <message>
        <source>Use GET.</source>
        <translation>Utilisez GET.</translation>
    </message>
    <message>
        <source>Missing or wrong X-CSRF-Token; reload the page.</source>
        <translation>X-CSRF-Token absent ou erroné; rechargez la page.</translation>
    </message>
    <message>
        <source>No such API endpoint.</source>
        <translation>Ce point d&apos;accès de l&apos;API n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Unknown or revoked API token.</source>
        <translation>Jeton d&apos;API inconnu ou révoqué.</translation>
    </message>
    <message>
        <source>Log in first (POST /api/v1/session) or send an API token.</source>
        <translation>Connectez-vous d&apos;abord (POST /api/v1/session) ou envoyez un jeton d&apos;API.</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Use POST to log in, GET to renew, DELETE to log out.</source>
        <translation>Utilisez POST pour vous connecter, GET pour renouveler, DELETE pour vous déconnecter.</translation>
    </message>
    <message>
        <source>Too many failed log-ins; try again in %1 s.</source>
        <translation>Trop de connexions échouées; réessayez dans %1 s.</translation>
    </message>
    <message>
        <source>Send {&quot;password&quot;: &quot;…&quot;} as JSON.</source>
        <translation>Envoyez {&quot;password&quot;: &quot;…&quot;} en JSON.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Mot de passe erroné.</translation>
    </message>
</context>
<context>
    <name>ApiText</name>
    <message>
        <source>There is no alert %1.</source>
        <translation>Il n&apos;y a pas d&apos;alerte %1.</translation>
    </message>
    <message>
        <source>Use GET on /api/v1/alerts.</source>
        <translation>Utilisez GET sur /api/v1/alerts.</translation>
    </message>
    <message>
        <source>Use POST to %1 an alert.</source>
        <translation>Utilisez POST pour %1 une alerte.</translation>
    </message>
    <message>
        <source>&quot;limit&quot; must be a whole number from 1 to %1.</source>
        <translation>« limit » doit être un nombre entier de 1 à %1.</translation>
    </message>
    <message>
        <source>&quot;days&quot; is missing: snooze for 1 to 365 days.</source>
        <translation>« days » manque : mettez en veille de 1 à 365 jours.</translation>
    </message>
    <message>
        <source>Alert %1 is not about a ticker; there is nothing to snooze.</source>
        <translation>L&apos;alerte %1 ne concerne aucun symbole; il n&apos;y a rien à mettre en veille.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2.</source>
        <translation>« %1 » doit être %2.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON (%1 at offset %2).</source>
        <translation>Le corps de la requête n&apos;est pas du JSON valide (%1 à la position %2).</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Le corps de la requête doit être un objet JSON.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;; the fields are: %2.</source>
        <translation>Champ inconnu « %1 »; les champs sont : %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (2026-01-05) or an ISO 8601 time with a zone (2026-01-05T14:30:00Z).</source>
        <translation>« %1 » n&apos;est pas une date (2026-01-05) ni une heure ISO 8601 avec fuseau (2026-01-05T14:30:00Z).</translation>
    </message>
    <message>
        <source>Use GET on /api/v1/history/{ticker}.</source>
        <translation>Utilisez GET sur /api/v1/history/{ticker}.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation>%1 n&apos;est pas dans la liste de surveillance.</translation>
    </message>
    <message>
        <source>&quot;from&quot; must be before &quot;to&quot;.</source>
        <translation>« from » doit précéder « to ».</translation>
    </message>
    <message>
        <source>&quot;points&quot; must be a whole number from %1 to %2.</source>
        <translation>« points » doit être un nombre entier de %1 à %2.</translation>
    </message>
    <message>
        <source>Use GET or PATCH on /api/v1/settings.</source>
        <translation>Utilisez GET ou PATCH sur /api/v1/settings.</translation>
    </message>
    <message>
        <source>Secrets are replaced with PUT, never read.</source>
        <translation>Les secrets se remplacent avec PUT et ne se lisent jamais.</translation>
    </message>
    <message>
        <source>Use POST to send a test.</source>
        <translation>Utilisez POST pour envoyer un test.</translation>
    </message>
    <message>
        <source>There is no secret &quot;%1&quot;; the secrets are: %2.</source>
        <translation>Il n&apos;y a pas de secret « %1 »; les secrets sont : %2.</translation>
    </message>
    <message>
        <source>&quot;value&quot; must be a string (empty removes the secret).</source>
        <translation>« value » doit être une chaîne (vide, elle supprime le secret).</translation>
    </message>
    <message>
        <source>There is no channel &quot;%1&quot; to test here; the channels are: %2.</source>
        <translation>Il n&apos;y a pas de canal « %1 » à tester ici; les canaux sont : %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object.</source>
        <translation>« %1 » doit être un objet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a time of day as HH:mm (22:00).</source>
        <translation>« %1 » doit être une heure au format HH:mm (22:00).</translation>
    </message>
    <message>
        <source>The check interval must be 5 to 3600 seconds.</source>
        <translation>L&apos;intervalle de vérification doit être de 5 à 3600 secondes.</translation>
    </message>
    <message>
        <source>&quot;repeatPolicy&quot; must be &quot;daily&quot; or &quot;once-per-breach&quot;.</source>
        <translation>« repeatPolicy » doit être « daily » ou « once-per-breach ».</translation>
    </message>
    <message>
        <source>&quot;to&quot; must be an array of addresses.</source>
        <translation>« to » doit être un tableau d&apos;adresses.</translation>
    </message>
    <message>
        <source>&quot;provider&quot; must be &quot;gmail&quot;, &quot;outlook&quot; or &quot;custom&quot;.</source>
        <translation>« provider » doit être « gmail », « outlook » ou « custom ».</translation>
    </message>
    <message>
        <source>&quot;security&quot; must be &quot;ssl&quot;, &quot;starttls&quot; or &quot;none&quot;.</source>
        <translation>« security » doit être « ssl », « starttls » ou « none ».</translation>
    </message>
    <message>
        <source>An ntfy topic is 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Un sujet ntfy compte de 1 à 64 lettres, chiffres, « - » ou « _ ».</translation>
    </message>
    <message>
        <source>Use GET on /api/v1/status.</source>
        <translation>Utilisez GET sur /api/v1/status.</translation>
    </message>
    <message>
        <source>&quot;rules&quot; must be an array of rule strings (&quot;cross-below-sma:50&quot;).</source>
        <translation>« rules » doit être un tableau de règles en texte (« cross-below-sma:50 »).</translation>
    </message>
    <message>
        <source>Use GET or POST on /api/v1/watchlist.</source>
        <translation>Utilisez GET ou POST sur /api/v1/watchlist.</translation>
    </message>
    <message>
        <source>Use GET, PATCH or DELETE on a watched ticker.</source>
        <translation>Utilisez GET, PATCH ou DELETE sur un symbole surveillé.</translation>
    </message>
    <message>
        <source>&quot;ticker&quot; is missing.</source>
        <translation>« ticker » manque.</translation>
    </message>
    <message>
        <source>Give either &quot;ratio&quot; or &quot;strategy&quot;, not both (&quot;trailing:R&quot; sets the ratio).</source>
        <translation>Donnez « ratio » ou « strategy », pas les deux (« trailing:R » fixe le ratio).</translation>
    </message>
    <message>
        <source>The entry price must be a number greater than 0, or left empty.</source>
        <translation>Le prix d&apos;entrée doit être un nombre supérieur à 0, ou rester vide.</translation>
    </message>
    <message>
        <source>Acknowledging is not available yet.</source>
        <translation>L&apos;accusé de réception n&apos;est pas encore disponible.</translation>
    </message>
    <message>
        <source>&quot;ackMode&quot; must be &quot;dashboard&quot;, &quot;reply&quot;, &quot;off&quot; or &quot;&quot; (automatic).</source>
        <translation>« ackMode » doit être « dashboard », « reply », « off » ou « » (automatique).</translation>
    </message>
    <message>
        <source>A Telegram bot token looks like 123456789:AA… (as @BotFather gives it).</source>
        <translation>Un jeton de robot Telegram ressemble à 123456789:AA… (tel que @BotFather le donne).</translation>
    </message>
</context>
<context>
    <name>ApiTokensText</name>
    <message>
        <source>&quot;%1&quot; cannot name a token: use up to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>« %1 » ne peut pas nommer un jeton : utilisez jusqu&apos;à 64 lettres, chiffres, « . », « _ » ou « - ».</translation>
    </message>
    <message>
        <source>A token named &quot;%1&quot; already exists; revoke it first or choose another name.</source>
        <translation>Un jeton nommé « %1 » existe déjà; révoquez-le d&apos;abord ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>There is no token named &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de jeton nommé « %1 ».</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove the autostart entry %1: %2. Remove it by hand to stop Trailguard from starting at login.</source>
        <translation>Impossible de supprimer l’entrée de démarrage automatique %1&#xa0;: %2. Supprimez-la à la main pour que Trailguard ne démarre plus à l’ouverture de session.</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the autostart entry.</source>
        <translation>Impossible de créer le dossier %1 pour l’entrée de démarrage automatique.</translation>
    </message>
    <message>
        <source>Could not write the autostart entry %1: %2.</source>
        <translation>Impossible d’écrire l’entrée de démarrage automatique %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>%1 closed at %2, below the stop %3 (%4)</source>
        <translation>%1 a clôturé à %2, sous le stop %3 (%4)</translation>
    </message>
</context>
<context>
    <name>ChannelSettingsText</name>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
</context>
<context>
    <name>CodeAckGate</name>
    <message>
        <source>Alert %1 was already acknowledged at %2 from %3.</source>
        <translation>L&apos;alerte %1 avait déjà été accusée le %2 depuis %3.</translation>
    </message>
    <message>
        <source>This acknowledgement link is not valid.</source>
        <translation>Ce lien d&apos;accusé de réception n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Too many wrong acknowledgement codes; try again in %1 s.</source>
        <translation>Trop de codes d&apos;accusé erronés; réessayez dans %1 s.</translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>Trop de tentatives</translation>
    </message>
    <message>
        <source>Use GET or POST.</source>
        <translation>Utilisez GET ou POST.</translation>
    </message>
    <message>
        <source>Acknowledge alert</source>
        <translation>Accuser réception de l&apos;alerte</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Alerte accusée</translation>
    </message>
    <message>
        <source>Alert %1 is acknowledged; its reminders stop.</source>
        <translation>L&apos;alerte %1 est accusée; ses rappels s&apos;arrêtent.</translation>
    </message>
    <message>
        <source>Use POST.</source>
        <translation>Utilisez POST.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep the database and the settings in DIR instead of the standard locations.</source>
        <translation>Conserver la base de données et les réglages dans DIR au lieu des emplacements standard.</translation>
    </message>
    <message>
        <source>Watch without a window: check prices on a schedule and log each check and breach to stderr until stopped (SIGTERM/SIGINT).</source>
        <translation>Surveiller sans fenêtre&#xa0;: vérifier les prix à intervalles réguliers et consigner chaque vérification et chaque franchissement dans stderr jusqu’à l’arrêt (SIGTERM/SIGINT).</translation>
    </message>
    <message>
        <source>With --headless: run one check, then exit.</source>
        <translation>Avec --headless&#xa0;: effectuer une seule vérification, puis quitter.</translation>
    </message>
    <message>
        <source>Check every SECONDS seconds (5 to 3600; default 300).</source>
        <translation>Vérifier toutes les SECONDS secondes (de 5 à 3600; 300 par défaut).</translation>
    </message>
    <message>
        <source>Use the simulated demo market instead of a Questrade account (its own watchlist, prices that move).</source>
        <translation>Utiliser le marché de démonstration simulé au lieu d’un compte Questrade (sa propre liste de surveillance, des prix qui bougent).</translation>
    </message>
    <message>
        <source>Open the demo market when no Questrade account is connected yet (the README&apos;s run command uses it).</source>
        <translation>Ouvrir le marché de démonstration quand aucun compte Questrade n’est encore connecté (la commande de lancement du README l’utilise).</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard --help&quot; to see the options and commands.</source>
        <translation>Exécutez «&#xa0;trailguard --help&#xa0;» pour voir les options et les commandes.</translation>
    </message>
    <message>
        <source>--data-dir needs a folder, for example --data-dir ~/trailguard-test.</source>
        <translation>--data-dir exige un dossier, par exemple --data-dir ~/trailguard-test.</translation>
    </message>
    <message>
        <source>--interval must be a whole number of seconds from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--interval doit être un nombre entier de secondes de %1 à %2, et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>--once only works with --headless, e.g. &quot;trailguard --headless --once&quot;.</source>
        <translation>--once ne fonctionne qu’avec --headless, p. ex. «&#xa0;trailguard --headless --once&#xa0;».</translation>
    </message>
    <message>
        <source>Trailguard keeps a trailing stop-loss for each stock on your watchlist and warns you when a price falls below its stop.</source>
        <translation>Trailguard tient un stop suiveur pour chaque titre de votre liste de surveillance et vous avertit quand un prix tombe sous son stop.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Utilisation&#xa0;:</translation>
    </message>
    <message>
        <source>Open the window.</source>
        <translation>Ouvrir la fenêtre.</translation>
    </message>
    <message>
        <source>Run a command and exit.</source>
        <translation>Exécuter une commande et quitter.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options&#xa0;:</translation>
    </message>
    <message>
        <source>Global options go before the command. &quot;trailguard COMMAND --help&quot; describes a command, for example &quot;trailguard watch add --help&quot;.</source>
        <translation>Les options globales se placent avant la commande. «&#xa0;trailguard COMMAND --help&#xa0;» décrit une commande, par exemple «&#xa0;trailguard watch add --help&#xa0;».</translation>
    </message>
    <message>
        <source>trailguard.ini in the standard configuration folder ($XDG_CONFIG_HOME/trailguard)</source>
        <translation>trailguard.ini dans le dossier de configuration standard ($XDG_CONFIG_HOME/trailguard)</translation>
    </message>
    <message>
        <source>Files and environment:</source>
        <translation>Fichiers et environnement&#xa0;:</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation>Code de sortie&#xa0;:</translation>
    </message>
    <message>
        <source>Success.</source>
        <translation>Succès.</translation>
    </message>
    <message>
        <source>The command line is wrong: an unknown option, or a missing or invalid argument (ticker, ratio, price).</source>
        <translation>La ligne de commande est incorrecte&#xa0;: une option inconnue, ou un argument manquant ou invalide (symbole, ratio, prix).</translation>
    </message>
    <message>
        <source>--headless takes no command; &quot;%1&quot; is unexpected. Run &quot;trailguard --help&quot; to see the options.</source>
        <translation>--headless ne prend aucune commande; «&#xa0;%1&#xa0;» est inattendu. Exécutez «&#xa0;trailguard --help&#xa0;» pour voir les options.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run &quot;trailguard --help&quot; to see the commands.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;». Exécutez «&#xa0;trailguard --help&#xa0;» pour voir les commandes.</translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation>Commande manquante.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The commands are: %1. Run &quot;trailguard --help&quot; for details.</source>
        <translation>Les commandes sont&#xa0;: %1. Exécutez «&#xa0;trailguard --help&#xa0;» pour les détails.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Start hidden in the system tray (used by &quot;Start at login&quot;).</source>
        <translation>Démarrer masqué dans la zone de notification (utilisé par «&#xa0;Démarrer à l’ouverture de session&#xa0;»).</translation>
    </message>
    <message>
        <source>Poll for quotes every interval instead of streaming them in real time (streaming is used whenever Questrade offers it; --once never streams).</source>
        <translation>Interroger les cotations à chaque intervalle au lieu de les recevoir en continu en temps réel (le flux en continu est utilisé chaque fois que Questrade l’offre; --once ne l’utilise jamais).</translation>
    </message>
    <message>
        <source>The default stop ratio for new tickers, from 0.01 to less than 1; it overrides the settings.</source>
        <translation>Le ratio du stop par défaut des nouveaux symboles, de 0.01 à moins de 1; il a priorité sur les réglages.</translation>
    </message>
    <message>
        <source>The operation failed: the ticker is already (or not) on the watchlist, a database error, an invalid STOP_LOSS, or (positions) not connected to Questrade or Questrade did not answer.</source>
        <translation>L’opération a échoué&#xa0;: le symbole est déjà (ou n’est pas) dans la liste de surveillance, erreur de base de données, STOP_LOSS invalide, ou (positions) aucune connexion à Questrade ou Questrade n’a pas répondu.</translation>
    </message>
    <message>
        <source>Another Trailguard (the window, --headless or --once) is already watching this data folder; the message names it (PID and mode).</source>
        <translation>Un autre Trailguard (la fenêtre, --headless ou --once) surveille déjà ce dossier de données; le message l’identifie (PID et mode).</translation>
    </message>
    <message>
        <source>With --headless: serve the web dashboard on [ADDRESS:]PORT (address 127.0.0.1 unless given; another address needs TLS). Needs a password: see &quot;trailguard web password&quot;.</source>
        <translation>Avec --headless : sert le tableau de bord web sur [ADRESSE:]PORT (adresse 127.0.0.1 par défaut; une autre adresse exige TLS). Exige un mot de passe : voir « trailguard web password ».</translation>
    </message>
    <message>
        <source>With --web: serve over TLS with a self-signed certificate made on first use in the data folder (its fingerprint is logged).</source>
        <translation>Avec --web : sert en TLS avec un certificat autosigné créé à la première utilisation dans le dossier de données (son empreinte est journalisée).</translation>
    </message>
    <message>
        <source>--web needs [ADDRESS:]PORT, for example --web 8080 or --web 0.0.0.0:8443.</source>
        <translation>--web exige [ADRESSE:]PORT, par exemple --web 8080 ou --web 0.0.0.0:8443.</translation>
    </message>
    <message>
        <source>--web only works with --headless, e.g. &quot;trailguard --headless --web 8080&quot; (the window serves the dashboard when web/listen is set in the settings).</source>
        <translation>--web ne fonctionne qu&apos;avec --headless, p. ex. « trailguard --headless --web 8080 » (la fenêtre sert le tableau de bord quand web/listen est défini dans les réglages).</translation>
    </message>
    <message>
        <source>--web does not work with --once: the dashboard needs a running guardian.</source>
        <translation>--web ne fonctionne pas avec --once : le tableau de bord exige un gardien en marche.</translation>
    </message>
</context>
<context>
    <name>Digest</name>
    <message>
        <source>%1: %2 %3, stop %4 (%5 %)</source>
        <translation>%1&#xa0;: %2 %3, stop %4 (%5&#xa0;%)</translation>
    </message>
    <message>
        <source>Trailguard daily digest: %1 below the stop, %2 within %3 %</source>
        <translation>Résumé quotidien de Trailguard&#xa0;: %1 sous le stop, %2 à moins de %3&#xa0;% du stop</translation>
    </message>
</context>
<context>
    <name>DiscordConfig</name>
    <message>
        <source>The Discord webhook URL</source>
        <translation>L’URL du webhook Discord</translation>
    </message>
    <message>
        <source>The Discord webhook URL must look like https://discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;: copy it again from the channel&apos;s settings (Integrations → Webhooks → Copy Webhook URL).</source>
        <translation>L’URL du webhook Discord doit ressembler à https://discord.com/api/webhooks/&lt;id&gt;/&lt;token&gt;&#xa0;: copiez-la de nouveau depuis les paramètres du salon (Intégrations → Webhooks → Copier l’URL du webhook).</translation>
    </message>
</context>
<context>
    <name>EmailConfig</name>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Outlook / Office 365</source>
        <translation>Outlook / Office 365</translation>
    </message>
    <message>
        <source>The SMTP server is missing: enter its host name, e.g. smtp.example.com.</source>
        <translation>Le serveur SMTP manque : entrez son nom d’hôte, p. ex. smtp.example.com.</translation>
    </message>
    <message>
        <source>The SMTP server &quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>Le serveur SMTP « %1 » n’est pas un nom d’hôte ni une adresse IP valide.</translation>
    </message>
    <message>
        <source>The SMTP port %1 is out of range: use a port from 1 to 65535 (usually 587 for STARTTLS, 465 for SSL/TLS).</source>
        <translation>Le port SMTP %1 est hors limites : utilisez un port de 1 à 65535 (habituellement 587 pour STARTTLS, 465 pour SSL/TLS).</translation>
    </message>
    <message>
        <source>Security &quot;none&quot; would send the password and the alerts to %1 unencrypted: plain SMTP is only allowed to 127.0.0.1/localhost. Use STARTTLS or SSL/TLS.</source>
        <translation>La sécurité « aucune » enverrait le mot de passe et les alertes à %1 sans chiffrement : le SMTP en clair n’est permis que vers 127.0.0.1/localhost. Utilisez STARTTLS ou SSL/TLS.</translation>
    </message>
    <message>
        <source>The From address is missing.</source>
        <translation>L’adresse de l’expéditeur (From) manque.</translation>
    </message>
    <message>
        <source>The From address &quot;%1&quot; is not a valid email address (name@example.com).</source>
        <translation>L’adresse de l’expéditeur « %1 » n’est pas une adresse courriel valide (nom@example.com).</translation>
    </message>
    <message>
        <source>There is no recipient: add at least one To address.</source>
        <translation>Il n’y a aucun destinataire : ajoutez au moins une adresse (To).</translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; is not a valid email address (name@example.com).</source>
        <translation>Le destinataire « %1 » n’est pas une adresse courriel valide (nom@example.com).</translation>
    </message>
    <message>
        <source>%1 needs a login: the user is your full email address.</source>
        <translation>%1 exige une connexion : l’utilisateur est votre adresse courriel complète.</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; has no password: enter the password (for Gmail and Outlook, an app password).</source>
        <translation>L’identifiant « %1 » n’a pas de mot de passe : entrez le mot de passe (pour Gmail et Outlook, un mot de passe d’application).</translation>
    </message>
    <message>
        <source>A password is set but no login (user) to use it with.</source>
        <translation>Un mot de passe est défini, mais aucun identifiant (utilisateur) avec lequel l’utiliser.</translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>Le fichier de certificat d’AC « %1 » n’existe pas ou ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The SMTP timeouts must be at least one second.</source>
        <translation>Les délais SMTP doivent être d’au moins une seconde.</translation>
    </message>
    <message>
        <source>%1 is set but BOT_EMAIL and USER_EMAIL are not: set both to send email alerts, or unset %1.</source>
        <translation>%1 est défini, mais pas BOT_EMAIL ni USER_EMAIL : définissez les deux pour envoyer des alertes par courriel, ou retirez %1.</translation>
    </message>
    <message>
        <source>USER_EMAIL is set but BOT_EMAIL is not: set BOT_EMAIL to the address alerts are sent from.</source>
        <translation>USER_EMAIL est défini, mais pas BOT_EMAIL : définissez BOT_EMAIL à l’adresse d’où partent les alertes.</translation>
    </message>
    <message>
        <source>BOT_EMAIL is set but USER_EMAIL is not: set USER_EMAIL to the address alerts go to (several separated by commas).</source>
        <translation>BOT_EMAIL est défini, mais pas USER_EMAIL : définissez USER_EMAIL à l’adresse qui reçoit les alertes (plusieurs séparées par des virgules).</translation>
    </message>
    <message>
        <source>BOT_EMAIL &quot;%1&quot; is not a valid email address.</source>
        <translation>BOT_EMAIL « %1 » n’est pas une adresse courriel valide.</translation>
    </message>
    <message>
        <source>USER_EMAIL: &quot;%1&quot; is not a valid email address.</source>
        <translation>USER_EMAIL : « %1 » n’est pas une adresse courriel valide.</translation>
    </message>
    <message>
        <source>USER_EMAIL has no address in it.</source>
        <translation>USER_EMAIL ne contient aucune adresse.</translation>
    </message>
    <message>
        <source>Both PROVIDER and SMTP_HOST are set: use PROVIDER for Gmail or Outlook, or SMTP_HOST for another server, not both.</source>
        <translation>PROVIDER et SMTP_HOST sont tous deux définis : utilisez PROVIDER pour Gmail ou Outlook, ou SMTP_HOST pour un autre serveur, pas les deux.</translation>
    </message>
    <message>
        <source>PROVIDER &quot;%1&quot; is not known: use gmail or outlook, or set SMTP_HOST for another server.</source>
        <translation>PROVIDER « %1 » est inconnu : utilisez gmail ou outlook, ou définissez SMTP_HOST pour un autre serveur.</translation>
    </message>
    <message>
        <source>%1 only applies to a custom server (SMTP_HOST); with PROVIDER=%2 unset it.</source>
        <translation>%1 ne s’applique qu’à un serveur personnalisé (SMTP_HOST); avec PROVIDER=%2, retirez-le.</translation>
    </message>
    <message>
        <source>EMAIL_PASSWORD is not set: %1 needs the account&apos;s app password.</source>
        <translation>EMAIL_PASSWORD n’est pas défini : %1 exige le mot de passe d’application du compte.</translation>
    </message>
    <message>
        <source>SMTP_HOST &quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>SMTP_HOST « %1 » n’est pas un nom d’hôte ni une adresse IP valide.</translation>
    </message>
    <message>
        <source>SMTP_SECURITY &quot;%1&quot; is not known: use ssl, starttls or none.</source>
        <translation>SMTP_SECURITY « %1 » est inconnu : utilisez ssl, starttls ou none.</translation>
    </message>
    <message>
        <source>SMTP_PORT &quot;%1&quot; is not a port number from 1 to 65535.</source>
        <translation>SMTP_PORT « %1 » n’est pas un numéro de port de 1 à 65535.</translation>
    </message>
    <message>
        <source>SMTP_SECURITY=none is refused for %1: plain SMTP is only allowed to 127.0.0.1/localhost.</source>
        <translation>SMTP_SECURITY=none est refusé pour %1 : le SMTP en clair n’est permis que vers 127.0.0.1/localhost.</translation>
    </message>
    <message>
        <source>BOT_EMAIL is set but not which server sends the mail: set PROVIDER (gmail or outlook) or SMTP_HOST.</source>
        <translation>BOT_EMAIL est défini, mais pas le serveur qui envoie le courriel : définissez PROVIDER (gmail ou outlook) ou SMTP_HOST.</translation>
    </message>
    <message>
        <source>SMTP_CA_FILE &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>SMTP_CA_FILE « %1 » n’existe pas ou ne peut pas être lu.</translation>
    </message>
    <message>
        <source>SMTP_USER is set but EMAIL_PASSWORD is not.</source>
        <translation>SMTP_USER est défini, mais pas EMAIL_PASSWORD.</translation>
    </message>
    <message>
        <source>The email settings from the environment are not valid: %1</source>
        <translation>Les réglages de courriel tirés de l’environnement ne sont pas valides : %1</translation>
    </message>
</context>
<context>
    <name>EscalationPolicy</name>
    <message>
        <source>Escalation policy: %1 Write &quot;off&quot; or steps such as &quot;%2&quot;.</source>
        <translation>Politique d&apos;escalade : %1 Écrivez « off » ou des étapes comme « %2 ».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a delay: write a whole number followed by s, m or h (&quot;90s&quot;, &quot;10m&quot;, &quot;2h&quot;).</source>
        <translation>« %1 » n&apos;est pas un délai : écrivez un nombre entier suivi de s, m ou h (« 90s », « 10m », « 2h »).</translation>
    </message>
    <message>
        <source>the delay &quot;%1&quot; must be above zero.</source>
        <translation>le délai « %1 » doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>&quot;tray&quot; cannot be an escalation channel (the tray shows every alert already); use %1.</source>
        <translation>« tray » ne peut pas être un canal d&apos;escalade (la barre système affiche déjà chaque alerte); utilisez %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel; use %2.</source>
        <translation>« %1 » n&apos;est pas un canal; utilisez %2.</translation>
    </message>
    <message>
        <source>there is an empty part between two &quot;;&quot;.</source>
        <translation>il y a une partie vide entre deux « ; ».</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write repeat=N once, N from 0 to %2.</source>
        <translation>« %1 » : écrivez repeat=N une seule fois, N de 0 à %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step: write DELAY:CHANNELS such as &quot;30m:email&quot;, or repeat=N, or market-hours.</source>
        <translation>« %1 » n&apos;est pas une étape : écrivez DÉLAI:CANAUX comme « 30m:email », ou repeat=N, ou market-hours.</translation>
    </message>
    <message>
        <source>the step &quot;%1&quot; must come later than the one before it: list the steps from the shortest delay.</source>
        <translation>l&apos;étape « %1 » doit venir après la précédente : donnez les étapes du plus court délai au plus long.</translation>
    </message>
    <message>
        <source>the step &quot;%1&quot; names %2 twice.</source>
        <translation>l&apos;étape « %1 » nomme %2 deux fois.</translation>
    </message>
    <message>
        <source>there is no step.</source>
        <translation>il n&apos;y a aucune étape.</translation>
    </message>
    <message>
        <source>at most %1 steps, repeats included.</source>
        <translation>au plus %1 étapes, répétitions comprises.</translation>
    </message>
</context>
<context>
    <name>FolderLock</name>
    <message>
        <source>Cannot open the lock file &quot;%1&quot;: %2. Choose a writable folder with --data-dir.</source>
        <translation>Impossible d’ouvrir le fichier de verrou «&#xa0;%1&#xa0;»&#xa0;: %2. Choisissez un dossier accessible en écriture avec --data-dir.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>en démarrage</translation>
    </message>
    <message>
        <source>Another Trailguard is already watching the data folder &quot;%1&quot; (PID %2, %3). Only one may watch a folder at a time: stop that one first, or give this one another folder with --data-dir.</source>
        <translation>Un autre Trailguard surveille déjà le dossier de données «&#xa0;%1&#xa0;» (PID %2, %3). Un seul peut surveiller un dossier à la fois&#xa0;: arrêtez d’abord l’autre, ou donnez à celui-ci un autre dossier avec --data-dir.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Stop-loss breach: %1</source>
        <translation>Stop franchi&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 &lt; stop %2 (peak %3)</source>
        <comment>price &lt; stop (peak)</comment>
        <translation>%1 &lt; stop %2 (sommet %3)</translation>
    </message>
</context>
<context>
    <name>Guardian</name>
    <message>
        <source>The demo market could not open a port on 127.0.0.1.</source>
        <translation>Le marché de démonstration n’a pas pu ouvrir de port sur 127.0.0.1.</translation>
    </message>
    <message>
        <source>Waiting for the keychain: the secret of %1 cannot be read yet (%2). Its alerts are kept and sent as soon as it can be read.</source>
        <translation>En attente du trousseau&#xa0;: le secret de %1 ne peut pas encore être lu (%2). Ses alertes sont conservées et seront envoyées dès qu’il pourra être lu.</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>la fenêtre</translation>
    </message>
</context>
<context>
    <name>GuardianTelegram</name>
    <message>
        <source>no Questrade account connected</source>
        <translation>aucun compte Questrade connecté</translation>
    </message>
    <message>
        <source>connecting to Questrade</source>
        <translation>connexion à Questrade</translation>
    </message>
    <message>
        <source>connected to Questrade</source>
        <translation>connecté à Questrade</translation>
    </message>
    <message>
        <source>offline, retrying</source>
        <translation>hors ligne, nouvel essai</translation>
    </message>
    <message>
        <source>disconnected: the Questrade token must be renewed</source>
        <translation>déconnecté : le jeton Questrade doit être renouvelé</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>en continu</translation>
    </message>
    <message>
        <source>partly streaming</source>
        <translation>partiellement en continu</translation>
    </message>
    <message>
        <source>connecting the stream</source>
        <translation>connexion du flux</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>interrogation périodique</translation>
    </message>
    <message>
        <source>Guardian: %1.</source>
        <translation>Gardien : %1.</translation>
    </message>
    <message>
        <source>Quotes: %1.</source>
        <translation>Cotes : %1.</translation>
    </message>
    <message>
        <source>Last check: %1.</source>
        <translation>Dernière vérification : %1.</translation>
    </message>
    <message>
        <source>No check yet.</source>
        <translation>Aucune vérification pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Health: OK.</source>
        <translation>Santé : OK.</translation>
    </message>
    <message>
        <source>Health alert: %1</source>
        <translation>Alerte de santé : %1</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Trailguard is not connected to Questrade. Set refresh_token (or QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade&apos;s API centre, or connect once from the desktop app. Try --demo to see it work.</source>
        <translation>Trailguard n’est pas connecté à Questrade. Définissez refresh_token (ou QUESTRADE_REFRESH_TOKEN) à un jeton d’actualisation du centre API de Questrade, ou connectez-vous une fois depuis l’application de bureau. Essayez --demo pour le voir à l’œuvre.</translation>
    </message>
    <message>
        <source>the demo market</source>
        <translation>le marché de démonstration</translation>
    </message>
    <message>
        <source>Questrade</source>
        <translation>Questrade</translation>
    </message>
    <message>
        <source>No alert channel is configured: breaches are only logged. Set NTFY_CHANNEL, WEB_HOOK_URL, TELEGRAM_BOT_TOKEN/TELEGRAM_CHAT_ID or BOT_EMAIL/USER_EMAIL.</source>
        <translation>Aucun canal d&apos;alerte n&apos;est configuré : les franchissements sont seulement journalisés. Définissez NTFY_CHANNEL, WEB_HOOK_URL, TELEGRAM_BOT_TOKEN/TELEGRAM_CHAT_ID ou BOT_EMAIL/USER_EMAIL.</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Trailguard cannot reach your Questrade account</source>
        <translation>Trailguard ne peut pas joindre votre compte Questrade</translation>
    </message>
    <message>
        <source>Questrade refused the saved token, or it could not be renewed: prices are not being checked. Open Trailguard and reconnect with a new refresh token. (%1)</source>
        <translation>Questrade a refusé le jeton enregistré, ou celui-ci n’a pas pu être renouvelé&#xa0;: les prix ne sont pas vérifiés. Ouvrez Trailguard et reconnectez-vous avec un nouveau jeton d’actualisation. (%1)</translation>
    </message>
    <message>
        <source>Trailguard is connected to Questrade again</source>
        <translation>Trailguard est de nouveau connecté à Questrade</translation>
    </message>
    <message>
        <source>Trailguard receives prices again</source>
        <translation>Trailguard reçoit de nouveau les prix</translation>
    </message>
    <message>
        <source>Trailguard has had no prices for a while</source>
        <translation>Trailguard ne reçoit plus de prix depuis un moment</translation>
    </message>
    <message>
        <source>No quote has arrived since %1 although the market is open, so stops are not being checked. Last error: %2</source>
        <translation>Aucune cotation n’est arrivée depuis %1 alors que le marché est ouvert; les stops ne sont donc pas vérifiés. Dernière erreur&#xa0;: %2</translation>
    </message>
    <message>
        <source>Alerts reach %1 again</source>
        <translation>Les alertes sont de nouveau livrées par %1</translation>
    </message>
    <message>
        <source>Alerts are not reaching %1</source>
        <translation>Les alertes ne sont pas livrées par %1</translation>
    </message>
    <message>
        <source>Trailguard has not been able to deliver alerts through %1 since %2. It keeps trying. Last error: %3</source>
        <translation>Trailguard n’arrive pas à livrer les alertes par %1 depuis %2. Il continue d’essayer. Dernière erreur&#xa0;: %3</translation>
    </message>
    <message>
        <source>Trailguard cannot save %1</source>
        <translation>Trailguard ne peut pas enregistrer %1</translation>
    </message>
    <message>
        <source>The new price and stop of %1 could not be saved, so its stop is not kept up to date and it raises no alert. The other tickers are still watched. Reason: %2</source>
        <translation>Le nouveau prix et le nouveau stop de %1 n’ont pas pu être enregistrés; son stop n’est donc pas tenu à jour et il ne déclenche aucune alerte. Les autres symboles sont toujours surveillés. Raison&#xa0;: %2</translation>
    </message>
    <message>
        <source>Trailguard saves %1 again</source>
        <translation>Trailguard enregistre de nouveau %1</translation>
    </message>
    <message>
        <source>%1 refused an alert and will keep refusing: fix the %1 settings in Trailguard. Until then alerts reach you only through the other channels. The error: %2</source>
        <translation>%1 a refusé une alerte et continuera de les refuser&#xa0;: corrigez les réglages %1 dans Trailguard. D’ici là, les alertes ne vous parviennent que par les autres canaux. L’erreur&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>The price file: date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price rows, with or without a header; dates like 2024-05-14 or Jan 1 2000. Required.</source>
        <translation>Le fichier de prix&#xa0;: des lignes date,close ou date,open,high,low,close[,adjclose,volume] ou symbol,date,price, avec ou sans ligne d’en-tête; des dates comme 2024-05-14 ou Jan 1 2000. Obligatoire.</translation>
    </message>
    <message>
        <source>The ticker the prices are for: required for a file without a symbol column; with one, import only that symbol.</source>
        <translation>Le symbole auquel les prix se rapportent&#xa0;: obligatoire pour un fichier sans colonne de symbole; avec une telle colonne, n’importer que ce symbole.</translation>
    </message>
    <message>
        <source>The prices were imported.</source>
        <translation>Les prix ont été importés.</translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad line (the message names it), or the database failed. Nothing was saved.</source>
        <translation>Le fichier ne peut pas être lu ou contient une ligne incorrecte (le message l’indique), ou la base de données a échoué. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv, an invalid ticker, or no --ticker for a file without a symbol column.</source>
        <translation>La ligne de commande est incorrecte&#xa0;: --csv manquant, symbole invalide, ou aucun --ticker pour un fichier sans colonne de symbole.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard history import --help&quot; for help.</source>
        <translation>Exécutez «&#xa0;trailguard history import --help&#xa0;» pour obtenir de l’aide.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard history import --csv aapl.csv --ticker AAPL&quot;.</source>
        <translation>Fichier de prix manquant, par exemple «&#xa0;trailguard history import --csv aapl.csv --ticker AAPL&#xa0;».</translation>
    </message>
    <message>
        <source>Name it with --ticker.</source>
        <translation>Indiquez-le avec --ticker.</translation>
    </message>
    <message>
        <source>Import price history from a CSV file into the database (for the charts).</source>
        <translation>Importer l’historique des prix d’un fichier CSV dans la base de données (pour les graphiques).</translation>
    </message>
    <message>
        <source>Missing the history action: import.</source>
        <translation>Action history manquante&#xa0;: import.</translation>
    </message>
    <message>
        <source>Unknown history action &quot;%1&quot;: use import.</source>
        <translation>Action history inconnue «&#xa0;%1&#xa0;»&#xa0;: utilisez import.</translation>
    </message>
    <message>
        <source>Stores price history from a CSV file in Trailguard&apos;s database, for the charts and backtests, as the file holds it: rows with times become candles of the file&apos;s own interval (one minute, five minutes, an hour…), rows with dates daily candles; rows that fall in one candle make its open, high, low and close. Intraday candles are also summed up into daily ones. What was stored replaces what was stored for the same time, and that span is not downloaded from Questrade again. The file is read a row at a time (any size). All or nothing: if a line cannot be read, the message names it and nothing is saved.</source>
        <translation>Enregistre l’historique des prix d’un fichier CSV dans la base de données de Trailguard, pour les graphiques et les simulations, tel que le fichier le contient : les lignes avec une heure deviennent des chandeliers de l’intervalle du fichier (une minute, cinq minutes, une heure…), les lignes avec une date des chandeliers quotidiens; les lignes d’un même chandelier en donnent l’ouverture, le haut, le bas et la clôture. Les chandeliers intrajournaliers sont aussi résumés en chandeliers quotidiens. Ce qui est enregistré remplace ce qui l’était pour la même période, et cette période n’est plus téléchargée de Questrade. Le fichier est lu ligne par ligne (toute taille). Tout ou rien : si une ligne est illisible, le message la nomme et rien n’est enregistré.</translation>
    </message>
    <message>
        <source>Importing… %1%</source>
        <translation>Importation… %1 %</translation>
    </message>
    <message>
        <source>Stored %1 of %2 rows…</source>
        <translation>%1 lignes sur %2 enregistrées…</translation>
    </message>
</context>
<context>
    <name>Indicator</name>
    <message>
        <source>use sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or atr:N (for example sma:50, ema:20, rsi:14, macd:12,26,9, bb:20,2, atr:14)</source>
        <translation>utilisez sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K ou atr:N (par exemple sma:50, ema:20, rsi:14, macd:12,26,9, bb:20,2, atr:14)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the period %2 must be a whole number from 1 to %3, not &quot;%4&quot;.</source>
        <translation>« %1 » : la période %2 doit être un nombre entier de 1 à %3, pas « %4 ».</translation>
    </message>
    <message>
        <source>No indicator given: %1.</source>
        <translation>Aucun indicateur indiqué : %1.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %2 takes %n parameter(s) separated by commas; %3.</source>
        <translation>
            <numerusform>« %1 » : %2 prend %n paramètre séparé par des virgules; %3.</numerusform>
            <numerusform>« %1 » : %2 prend %n paramètres séparés par des virgules; %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the fast period F must be shorter than the slow period S (for example macd:12,26,9).</source>
        <translation>« %1 » : la période rapide F doit être plus courte que la période lente S (par exemple macd:12,26,9).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the band width K must be a number greater than 0 (2 puts the bands two standard deviations away), not &quot;%2&quot;.</source>
        <translation>« %1 » : la largeur de bande K doit être un nombre supérieur à 0 (2 place les bandes à deux écarts-types), pas « %2 ».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an indicator: %2.</source>
        <translation>« %1 » n’est pas un indicateur : %2.</translation>
    </message>
</context>
<context>
    <name>IndicatorsCommand</name>
    <message>
        <source>The price file, in any layout &quot;trailguard replay&quot; reads: date,close, date,open,high,low,close[,adjclose,volume] or symbol,date,price. Required.</source>
        <translation>Le fichier de prix, dans toute disposition que « trailguard replay » lit : date,close, date,open,high,low,close[,adjclose,volume] ou symbol,date,price. Obligatoire.</translation>
    </message>
    <message>
        <source>The ticker of a file without a symbol column (default: the file name without its extension, upper-cased); with a symbol column, only that symbol.</source>
        <translation>Le titre d’un fichier sans colonne de symbole (par défaut : le nom du fichier sans extension, en majuscules); avec une colonne de symbole, seulement ce symbole.</translation>
    </message>
    <message>
        <source>An indicator: sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or atr:N. Required; repeat it for more.</source>
        <translation>Un indicateur : sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K ou atr:N. Obligatoire; répétez-le pour en avoir plus.</translation>
    </message>
    <message>
        <source>Print one JSON object instead: {&quot;series&quot;:[{&quot;ticker&quot;:…,&quot;rows&quot;:[…]}]}.</source>
        <translation>Afficher plutôt un objet JSON : {&quot;series&quot;:[{&quot;ticker&quot;:…,&quot;rows&quot;:[…]}]}.</translation>
    </message>
    <message>
        <source>Prints technical indicators over price history, one row per market day: its close (the last row of the day), then each indicator&apos;s value, empty until the indicator has enough days. The high and low of a day (for atr) are the largest high and smallest low of its rows, else of its closes. A file with a symbol column holds one series per symbol. The values are the ones the chart and the alert rules use.</source>
        <translation>Affiche des indicateurs techniques sur l’historique des prix, une ligne par jour de bourse : sa clôture (la dernière ligne du jour), puis la valeur de chaque indicateur, vide tant que l’indicateur n’a pas assez de jours. Le haut et le bas d’un jour (pour atr) sont le plus haut et le plus bas de ses lignes, sinon de ses clôtures. Un fichier avec une colonne de symbole contient une série par symbole. Ce sont les valeurs qu’utilisent le graphique et les règles d’alerte.</translation>
    </message>
    <message>
        <source>The values were printed.</source>
        <translation>Les valeurs ont été affichées.</translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad row (the message names its line).</source>
        <translation>Le fichier est illisible ou a une ligne invalide (le message en donne le numéro).</translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv or --indicator, or an invalid indicator or ticker.</source>
        <translation>La ligne de commande est erronée : --csv ou --indicator manquant, ou indicateur ou titre invalide.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard indicators --help&quot; for help.</source>
        <translation>Lancez « trailguard indicators --help » pour obtenir de l’aide.</translation>
    </message>
    <message>
        <source>Print indicator values (sma, ema, rsi, macd, bb, atr) over price history from a CSV file.</source>
        <translation>Afficher les valeurs d’indicateurs (sma, ema, rsi, macd, bb, atr) sur l’historique des prix d’un fichier CSV.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu « %1 ».</translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard indicators --csv aapl.csv&quot;.</source>
        <translation>Le fichier de prix manque, par exemple « trailguard indicators --csv aapl.csv ».</translation>
    </message>
    <message>
        <source>Missing an indicator, for example &quot;--indicator sma:50&quot;.</source>
        <translation>Un indicateur manque, par exemple « --indicator sma:50 ».</translation>
    </message>
    <message>
        <source>%1 has no rows for %2.</source>
        <translation>%1 n’a aucune ligne pour %2.</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Add Ticker</source>
        <translation>&amp;Ajouter un symbole</translation>
    </message>
    <message>
        <source>Type a ticker in the field above the table</source>
        <translation>Tapez un symbole dans le champ au-dessus du tableau</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrer</translation>
    </message>
    <message>
        <source>Change &amp;Ratio</source>
        <translation>Modifier le &amp;ratio</translation>
    </message>
    <message>
        <source>Edit the stop ratio of the selected ticker</source>
        <translation>Modifier le ratio du stop du symbole sélectionné</translation>
    </message>
    <message>
        <source>Reset &amp;Peak</source>
        <translation>Réinitialiser le &amp;sommet</translation>
    </message>
    <message>
        <source>Restart trailing from the last price of the selected ticker</source>
        <translation>Reprendre le suivi à partir du dernier prix du symbole sélectionné</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Remove the selected ticker from the watchlist</source>
        <translation>Retirer le symbole sélectionné de la liste de surveillance</translation>
    </message>
    <message>
        <source>Check &amp;Now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Fetch quotes for the whole watchlist now</source>
        <translation>Obtenir maintenant les cotations de toute la liste de surveillance</translation>
    </message>
    <message>
        <source>&amp;Connect to Questrade…</source>
        <translation>Se &amp;connecter à Questrade…</translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub</source>
        <translation>Coller un jeton d’actualisation provenant de l’App Hub de Questrade</translation>
    </message>
    <message>
        <source>&amp;Disconnect Account…</source>
        <translation>&amp;Déconnecter le compte…</translation>
    </message>
    <message>
        <source>Forget the Questrade token; connecting again needs a new one</source>
        <translation>Oublier le jeton Questrade; pour se reconnecter, il en faudra un nouveau</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ré&amp;glages…</translation>
    </message>
    <message>
        <source>Check interval, default ratio, Questrade account and alert channels</source>
        <translation>Intervalle de vérification, ratio par défaut, compte Questrade et canaux d’alerte</translation>
    </message>
    <message>
        <source>Alert &amp;History…</source>
        <translation>&amp;Historique des alertes…</translation>
    </message>
    <message>
        <source>Every recent alert and how each channel delivered it</source>
        <translation>Toutes les alertes récentes et la façon dont chaque canal les a livrées</translation>
    </message>
    <message>
        <source>&amp;Import Positions…</source>
        <translation>&amp;Importer les positions…</translation>
    </message>
    <message>
        <source>Watch the stocks your Questrade accounts hold</source>
        <translation>Surveiller les titres que détiennent vos comptes Questrade</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>&amp;Test rétrospectif…</translation>
    </message>
    <message>
        <source>Test stop strategies on the selected ticker&apos;s price history</source>
        <translation>Tester des stratégies de stop sur l’historique des prix du symbole sélectionné</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Bienvenue…</translation>
    </message>
    <message>
        <source>Connect an account, add tickers, choose the ratio and an alert channel</source>
        <translation>Connecter un compte, ajouter des symboles, choisir le ratio et un canal d’alerte</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Watchlist</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Liste de surveillance</translation>
    </message>
    <message>
        <source>&amp;Hide to Tray</source>
        <translation>&amp;Réduire dans la zone de notification</translation>
    </message>
    <message>
        <source>Hide the window; Trailguard keeps running in the tray</source>
        <translation>Masquer la fenêtre; Trailguard continue de fonctionner dans la zone de notification</translation>
    </message>
    <message>
        <source>Close the window and quit</source>
        <translation>Fermer la fenêtre et quitter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edit R&amp;ules…</source>
        <translation>Modifier les r&amp;ègles…</translation>
    </message>
    <message>
        <source>Alerts beside the stop: moving averages, RSI, MACD, Bollinger Bands, a target</source>
        <translation>Alertes à côté du stop : moyennes mobiles, RSI, MACD, bandes de Bollinger, un objectif</translation>
    </message>
</context>
<context>
    <name>Markets</name>
    <message>
        <source>Market open</source>
        <translation>Marché ouvert</translation>
    </message>
    <message>
        <source>Market closed — next open on the next trading day</source>
        <translation>Marché fermé — réouverture le prochain jour de bourse</translation>
    </message>
    <message>
        <source>Market closed — next open %1</source>
        <translation>Marché fermé — réouverture à %1</translation>
    </message>
    <message>
        <source>Market closed — next open %1 %2</source>
        <translation>Marché fermé — réouverture %1 à %2</translation>
    </message>
</context>
<context>
    <name>NtfyConfig</name>
    <message>
        <source>The ntfy server URL</source>
        <translation>L’URL du serveur ntfy</translation>
    </message>
    <message>
        <source>The ntfy server URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server, like https://ntfy.example.com.</source>
        <translation>L’URL du serveur ntfy ne doit pas contenir &apos;?&apos; ni &apos;#&apos;&#xa0;: indiquez seulement le serveur, comme https://ntfy.example.com.</translation>
    </message>
    <message>
        <source>The ntfy topic is empty: choose a topic name, like trailguard-alerts.</source>
        <translation>Le sujet ntfy est vide&#xa0;: choisissez un nom de sujet, comme trailguard-alerts.</translation>
    </message>
    <message>
        <source>The ntfy topic &quot;%1&quot; is not valid: use 1 to %2 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Le sujet ntfy «&#xa0;%1&#xa0;» n’est pas valide&#xa0;: utilisez de 1 à %2 lettres, chiffres, &apos;-&apos; ou &apos;_&apos;.</translation>
    </message>
    <message>
        <source>The ntfy access token contains spaces, line breaks or other characters that cannot be sent: paste it again.</source>
        <translation>Le jeton d’accès ntfy contient des espaces, des sauts de ligne ou d’autres caractères qui ne peuvent pas être envoyés&#xa0;: collez-le de nouveau.</translation>
    </message>
    <message>
        <source>The ntfy channel is empty: give a topic name (like trailguard-alerts) or a full topic URL (like https://ntfy.example.com/trailguard-alerts).</source>
        <translation>Le canal ntfy est vide&#xa0;: indiquez un nom de sujet (comme trailguard-alerts) ou l’URL complète d’un sujet (comme https://ntfy.example.com/trailguard-alerts).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid ntfy topic: use 1 to %2 letters, digits, &apos;-&apos; or &apos;_&apos;, or give a full URL like https://ntfy.example.com/mytopic.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un sujet ntfy valide&#xa0;: utilisez de 1 à %2 lettres, chiffres, &apos;-&apos; ou &apos;_&apos;, ou indiquez une URL complète comme https://ntfy.example.com/mytopic.</translation>
    </message>
    <message>
        <source>The ntfy topic URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server and topic, like https://ntfy.example.com/mytopic (an access token goes in its own setting).</source>
        <translation>L’URL du sujet ntfy ne doit pas contenir &apos;?&apos; ni &apos;#&apos;&#xa0;: indiquez seulement le serveur et le sujet, comme https://ntfy.example.com/mytopic (un jeton d’accès va dans son propre réglage).</translation>
    </message>
    <message>
        <source>The ntfy topic URL</source>
        <translation>L’URL du sujet ntfy</translation>
    </message>
    <message>
        <source>The ntfy topic URL has no topic: add one at the end, like https://ntfy.example.com/mytopic.</source>
        <translation>L’URL du sujet ntfy ne contient aucun sujet&#xa0;: ajoutez-en un à la fin, comme https://ntfy.example.com/mytopic.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an acknowledgement mode: use dashboard, reply or off.</source>
        <translation>« %1 » n&apos;est pas un mode d&apos;accusé de réception : utilisez dashboard, reply ou off.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>A stored alert could not be read (%1).</source>
        <translation>Une alerte enregistrée n’a pas pu être lue (%1).</translation>
    </message>
</context>
<context>
    <name>PasswordHashText</name>
    <message>
        <source>The password could not be hashed (out of memory?).</source>
        <translation>Le mot de passe n&apos;a pas pu être haché (mémoire insuffisante?).</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>Cannot create the data folder &quot;%1&quot;. Choose a writable folder with --data-dir.</source>
        <translation>Impossible de créer le dossier de données «&#xa0;%1&#xa0;». Choisissez un dossier accessible en écriture avec --data-dir.</translation>
    </message>
</context>
<context>
    <name>PortfolioImport</name>
    <message>
        <source>The positions of account %1 could not be read: %2</source>
        <translation>Les positions du compte %1 n’ont pas pu être lues&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>PortfolioSync</name>
    <message>
        <source>Account %1: %2</source>
        <translation>Compte %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>PositionsCommand</name>
    <message>
        <source>Trailguard is not connected to Questrade. Connect once from the desktop app, or set refresh_token (or QUESTRADE_REFRESH_TOKEN) to a refresh token from Questrade&apos;s API centre, then try again.</source>
        <translation>Trailguard n’est pas connecté à Questrade. Connectez-vous une fois depuis l’application de bureau, ou définissez refresh_token (ou QUESTRADE_REFRESH_TOKEN) à un jeton d’actualisation du centre API de Questrade, puis réessayez.</translation>
    </message>
    <message>
        <source>Could not reach Questrade: %1</source>
        <translation>Impossible de joindre Questrade&#xa0;: %1</translation>
    </message>
    <message>
        <source>No account %1 on this Questrade login; its accounts are: %2.</source>
        <translation>Aucun compte %1 dans cette connexion Questrade; ses comptes sont&#xa0;: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>a short position (a stop below the price does not protect it)</source>
        <translation>une position à découvert (un stop sous le prix ne la protège pas)</translation>
    </message>
    <message>
        <source>an option, not a stock</source>
        <translation>une option, pas une action</translation>
    </message>
    <message>
        <source>closed (no open quantity)</source>
        <translation>fermée (aucune quantité détenue)</translation>
    </message>
    <message>
        <source>not a ticker Trailguard can watch</source>
        <translation>pas un symbole que Trailguard peut surveiller</translation>
    </message>
    <message>
        <source>already watched (its peak, stop and entry are kept)</source>
        <translation>déjà surveillé (son sommet, son stop et son prix d’entrée sont conservés)</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>Impossible de lire les comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>The positions of account %1 could not be read: %2</source>
        <translation>Les positions du compte %1 n’ont pas pu être lues&#xa0;: %2</translation>
    </message>
    <message>
        <source>Added %1 (account %2): %3 shares, entry %4, stop ratio %5.</source>
        <translation>%1 ajouté (compte %2)&#xa0;: %3 actions, prix d’entrée %4, ratio du stop %5.</translation>
    </message>
    <message>
        <source>Added %1 (account %2): %3 shares, entry unknown, stop ratio %4.</source>
        <translation>%1 ajouté (compte %2)&#xa0;: %3 actions, prix d’entrée inconnu, ratio du stop %4.</translation>
    </message>
    <message>
        <source>Skipped %1 (account %2): %3.</source>
        <translation>%1 ignoré (compte %2)&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Could not add %1: %2</source>
        <translation>Impossible d’ajouter %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n position(s) to the watchlist</source>
        <translation>
            <numerusform>%n position ajoutée à la liste de surveillance</numerusform>
            <numerusform>%n positions ajoutées à la liste de surveillance</numerusform>
        </translation>
    </message>
    <message>
        <source>(no accounts on this Questrade login).</source>
        <translation>(aucun compte dans cette connexion Questrade).</translation>
    </message>
    <message>
        <source>from account(s) %1.</source>
        <translation>depuis le ou les comptes %1.</translation>
    </message>
    <message>
        <source>It uses the Questrade connection of the desktop app and of --headless (the stored token, or refresh_token / QUESTRADE_REFRESH_TOKEN); without one it says so and exits with 1.</source>
        <translation>Utilise la connexion Questrade de l’application de bureau et de --headless (le jeton enregistré, ou refresh_token / QUESTRADE_REFRESH_TOKEN); sans connexion, le signale et quitte avec le code 1.</translation>
    </message>
    <message>
        <source>Show the accounts and positions Questrade reports.</source>
        <translation>Afficher les comptes et les positions déclarés par Questrade.</translation>
    </message>
    <message>
        <source>Shows every account of the Questrade login and its positions as Questrade reports them: account number and type, symbol, quantity, average entry price, market value, open P/L and currency. Values Questrade does not report are shown as %1.</source>
        <translation>Affiche chaque compte de la connexion Questrade et ses positions telles que Questrade les déclare&#xa0;: numéro et type de compte, symbole, quantité, prix d’entrée moyen, valeur marchande, G/P non réalisés et devise. Les valeurs que Questrade ne déclare pas sont affichées sous la forme %1.</translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per account with its positions; unknown values are null.</source>
        <translation>Afficher plutôt un tableau JSON, un objet par compte avec ses positions; les valeurs inconnues sont null.</translation>
    </message>
    <message>
        <source>Watch every open long stock position not watched yet.</source>
        <translation>Surveiller toutes les positions acheteur ouvertes en actions qui ne sont pas encore surveillées.</translation>
    </message>
    <message>
        <source>Adds every open long stock position that is not on the watchlist yet, with its average entry price as the entry and the default stop ratio (STOP_LOSS, else the settings). Prints what it added and what it skipped and why: already watched, short, closed, or an option or other symbol that is not a stock. The accounts are remembered, so a running monitor keeps their positions current.</source>
        <translation>Ajoute toutes les positions acheteur ouvertes en actions qui ne sont pas encore dans la liste de surveillance, avec leur prix d’entrée moyen comme prix d’entrée et le ratio du stop par défaut (STOP_LOSS, sinon les réglages). Affiche ce qui a été ajouté et ce qui a été ignoré, avec la raison&#xa0;: déjà surveillé, position à découvert, fermée, ou option ou autre symbole qui n’est pas une action. Les comptes sont mémorisés, de sorte qu’une surveillance en cours tient leurs positions à jour.</translation>
    </message>
    <message>
        <source>Import only this account (repeat for several); default: every account.</source>
        <translation>N’importer que ce compte (à répéter pour plusieurs); par défaut&#xa0;: tous les comptes.</translation>
    </message>
    <message>
        <source>Success.</source>
        <translation>Succès.</translation>
    </message>
    <message>
        <source>Not connected to Questrade, Questrade or the database failed, an --account that is not on the login, or a position could not be added.</source>
        <translation>Aucune connexion à Questrade, échec de Questrade ou de la base de données, un --account absent de la connexion, ou une position n’a pas pu être ajoutée.</translation>
    </message>
    <message>
        <source>The command line is wrong.</source>
        <translation>La ligne de commande est incorrecte.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard %1 --help&quot; for help.</source>
        <translation>Exécutez «&#xa0;trailguard %1 --help&#xa0;» pour obtenir de l’aide.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--account needs an account number, for example --account 26598145.</source>
        <translation>--account exige un numéro de compte, par exemple --account 26598145.</translation>
    </message>
    <message>
        <source>Missing the positions action.</source>
        <translation>Action positions manquante.</translation>
    </message>
    <message>
        <source>Unknown positions action &quot;%1&quot;.</source>
        <translation>Action positions inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Use %1.</source>
        <translation>Utilisez %1.</translation>
    </message>
    <message>
        <source>This Questrade login has no accounts.</source>
        <translation>Cette connexion Questrade n’a aucun compte.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Avg entry</source>
        <translation>Entrée moy.</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Valeur marchande</translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation>G/P non réalisés</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Account %1 (%2) holds no positions.</source>
        <translation>Le compte %1 (%2) ne détient aucune position.</translation>
    </message>
</context>
<context>
    <name>PriceCsv</name>
    <message>
        <source>line %1: %2: %3</source>
        <translation>ligne %1&#xa0;: %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 champ</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 champs</translation>
    </message>
    <message>
        <source>expected date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price, with or without a header row</source>
        <translation>attendu&#xa0;: date,close ou date,open,high,low,close[,adjclose,volume] ou symbol,date,price, avec ou sans ligne d’en-tête</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>un champ entre guillemets n’est pas fermé</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>texte inattendu après un guillemet fermant</translation>
    </message>
    <message>
        <source>the header has no date column; %1</source>
        <translation>l’en-tête n’a pas de colonne de date; %1</translation>
    </message>
    <message>
        <source>the header has no close (or price) column; %1</source>
        <translation>l’en-tête n’a pas de colonne de clôture (close ou price); %1</translation>
    </message>
    <message>
        <source>the header has a high column without a low column or a low column without a high column</source>
        <translation>l’en-tête a une colonne du plus haut sans colonne du plus bas, ou une colonne du plus bas sans colonne du plus haut</translation>
    </message>
    <message>
        <source>3 fields starting with a date; without a header row three fields are symbol,date,price (quote numbers that have commas)</source>
        <translation>3 champs commençant par une date; sans ligne d’en-tête, trois champs sont symbol,date,price (mettez entre guillemets les nombres qui contiennent des virgules)</translation>
    </message>
    <message>
        <source>%1 without a header row; %2</source>
        <translation>%1 sans ligne d’en-tête; %2</translation>
    </message>
    <message>
        <source>%1 where the file has %2</source>
        <translation>%1 alors que le fichier en compte %2</translation>
    </message>
    <message>
        <source>the symbol is missing</source>
        <translation>le symbole est absent</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid symbol</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un symbole valide</translation>
    </message>
    <message>
        <source>the date is missing; use YYYY-MM-DD or like Jan 1 2000</source>
        <translation>la date est absente; utilisez AAAA-MM-JJ ou une forme comme Jan 1 2000</translation>
    </message>
    <message>
        <source>the date is not valid; use YYYY-MM-DD or like Jan 1 2000</source>
        <translation>la date n’est pas valide; utilisez AAAA-MM-JJ ou une forme comme Jan 1 2000</translation>
    </message>
    <message>
        <source>the %1 is missing</source>
        <translation>le %1 est absent</translation>
    </message>
    <message>
        <source>the %1 &quot;%2&quot; is not a number</source>
        <translation>le %1 «&#xa0;%2&#xa0;» n’est pas un nombre</translation>
    </message>
    <message>
        <source>the %1 %2 is not a price greater than 0</source>
        <translation>le %1 %2 n’est pas un prix supérieur à 0</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prix</translation>
    </message>
    <message>
        <source>close</source>
        <translation>cours de clôture</translation>
    </message>
    <message>
        <source>open</source>
        <translation>cours d’ouverture</translation>
    </message>
    <message>
        <source>high</source>
        <translation>plus haut</translation>
    </message>
    <message>
        <source>low</source>
        <translation>plus bas</translation>
    </message>
    <message>
        <source>the high is below the low</source>
        <translation>le plus haut est inférieur au plus bas</translation>
    </message>
    <message>
        <source>the adjusted close &quot;%1&quot; is not a number</source>
        <translation>le cours de clôture ajusté «&#xa0;%1&#xa0;» n’est pas un nombre</translation>
    </message>
    <message>
        <source>the volume &quot;%1&quot; is not a number of 0 or more</source>
        <translation>le volume «&#xa0;%1&#xa0;» n’est pas un nombre égal ou supérieur à 0</translation>
    </message>
    <message>
        <source>the file has no price rows; %1</source>
        <translation>le fichier ne contient aucune ligne de prix; %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>PriceHistoryImport</name>
    <message>
        <source>The file has no symbol column: say which ticker its prices are for.</source>
        <translation>Le fichier n’a pas de colonne de symbole&#xa0;: indiquez à quel symbole ses prix se rapportent.</translation>
    </message>
    <message>
        <source>The file has no rows for %1.</source>
        <translation>Le fichier ne contient aucune ligne pour %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 changed while it was imported.</source>
        <translation>%1 a changé pendant l’importation.</translation>
    </message>
    <message>
        <source>1 one-minute candle</source>
        <translation>1 chandelier d’une minute</translation>
    </message>
    <message>
        <source>%1 one-minute candles</source>
        <translation>%1 chandeliers d’une minute</translation>
    </message>
    <message>
        <source>1 five-minute candle</source>
        <translation>1 chandelier de cinq minutes</translation>
    </message>
    <message>
        <source>%1 five-minute candles</source>
        <translation>%1 chandeliers de cinq minutes</translation>
    </message>
    <message>
        <source>1 15-minute candle</source>
        <translation>1 chandelier de 15 minutes</translation>
    </message>
    <message>
        <source>%1 15-minute candles</source>
        <translation>%1 chandeliers de 15 minutes</translation>
    </message>
    <message>
        <source>1 30-minute candle</source>
        <translation>1 chandelier de 30 minutes</translation>
    </message>
    <message>
        <source>%1 30-minute candles</source>
        <translation>%1 chandeliers de 30 minutes</translation>
    </message>
    <message>
        <source>1 hourly candle</source>
        <translation>1 chandelier horaire</translation>
    </message>
    <message>
        <source>%1 hourly candles</source>
        <translation>%1 chandeliers horaires</translation>
    </message>
    <message>
        <source>1 daily candle</source>
        <translation>1 chandelier quotidien</translation>
    </message>
    <message>
        <source>%1 daily candles</source>
        <translation>%1 chandeliers quotidiens</translation>
    </message>
    <message>
        <source>1 %1-minute candle</source>
        <translation>1 chandelier de %1 minutes</translation>
    </message>
    <message>
        <source>%1 %2-minute candles</source>
        <translation>%1 chandeliers de %2 minutes</translation>
    </message>
    <message>
        <source>1 %1-second candle</source>
        <translation>1 chandelier de %1 secondes</translation>
    </message>
    <message>
        <source>%1 %2-second candles</source>
        <translation>%1 chandeliers de %2 secondes</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>%1 → %2 for %3 (%4 to %5)</source>
        <translation>%1 → %2 pour %3 (du %4 au %5)</translation>
    </message>
    <message>
        <source>, and %1 made from them</source>
        <translation>, et %1 faits à partir de ceux-ci</translation>
    </message>
    <message>
        <source>%1 skipped: their symbol is not %2.</source>
        <translation>%1 ignorées : leur symbole n’est pas %2.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Trailguard cannot start</source>
        <translation>Trailguard ne peut pas démarrer</translation>
    </message>
    <message>
        <source>Trailguard is already running for this data folder but does not answer; close it (or end it) and try again.</source>
        <translation>Trailguard est déjà en cours d’exécution pour ce dossier de données, mais ne répond pas; fermez-le (ou mettez-y fin) et réessayez.</translation>
    </message>
</context>
<context>
    <name>QuestradeHttp</name>
    <message>
        <source>%1 &quot;%2&quot; is not a valid URL.</source>
        <translation>%1 «&#xa0;%2&#xa0;» n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must use https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1).</source>
        <translation>%1 «&#xa0;%2&#xa0;» doit utiliser https:// (le http:// en clair n’est permis que pour cet ordinateur, p. ex. http://127.0.0.1).</translation>
    </message>
    <message>
        <source>The login URL (%1)</source>
        <translation>L’URL de connexion (%1)</translation>
    </message>
</context>
<context>
    <name>QuestradeParsing</name>
    <message>
        <source>Questrade sent an answer Trailguard does not understand: %1.</source>
        <translation>Questrade a envoyé une réponse que Trailguard ne comprend pas&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is not a valid price</source>
        <translation>%1 n’est pas un prix valide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not a list</source>
        <translation>«&#xa0;%1&#xa0;» est absent ou n’est pas une liste</translation>
    </message>
    <message>
        <source>invalid JSON (%1 at offset %2)</source>
        <translation>JSON invalide (%1 à la position %2)</translation>
    </message>
    <message>
        <source>the JSON is not an object</source>
        <translation>le JSON n’est pas un objet</translation>
    </message>
    <message>
        <source>the token answer has no access_token</source>
        <translation>la réponse de jeton ne contient pas d’access_token</translation>
    </message>
    <message>
        <source>the token answer has no refresh_token</source>
        <translation>la réponse de jeton ne contient pas de refresh_token</translation>
    </message>
    <message>
        <source>the token answer has no valid api_server</source>
        <translation>la réponse de jeton ne contient pas d’api_server valide</translation>
    </message>
    <message>
        <source>the token answer has no valid expires_in</source>
        <translation>la réponse de jeton ne contient pas d’expires_in valide</translation>
    </message>
    <message>
        <source>a symbol entry is not an object</source>
        <translation>une entrée de symbole n’est pas un objet</translation>
    </message>
    <message>
        <source>a symbol entry lacks a valid symbol or symbolId</source>
        <translation>une entrée de symbole n’a pas de symbol ni de symbolId valide</translation>
    </message>
    <message>
        <source>symbol %1 has a field of the wrong type</source>
        <translation>le symbole %1 a un champ du mauvais type</translation>
    </message>
    <message>
        <source>a quote is not an object</source>
        <translation>une cotation n’est pas un objet</translation>
    </message>
    <message>
        <source>lastTradePrice of %1</source>
        <translation>lastTradePrice de %1</translation>
    </message>
    <message>
        <source>isHalted or delay of quote %1 is not a flag</source>
        <translation>isHalted ou delay de la cotation %1 n’est pas un booléen</translation>
    </message>
    <message>
        <source>a market entry lacks a name</source>
        <translation>une entrée de marché n’a pas de nom</translation>
    </message>
    <message>
        <source>&quot;time&quot; is missing or not a time</source>
        <translation>«&#xa0;time&#xa0;» est absent ou n’est pas une heure</translation>
    </message>
    <message>
        <source>an account entry is not an object</source>
        <translation>une entrée de compte n’est pas un objet</translation>
    </message>
    <message>
        <source>an account entry lacks its number</source>
        <translation>une entrée de compte n’a pas de numéro</translation>
    </message>
    <message>
        <source>a position is not an object</source>
        <translation>une position n’est pas un objet</translation>
    </message>
    <message>
        <source>a position lacks a valid symbol or symbolId</source>
        <translation>une position n’a pas de symbol ni de symbolId valide</translation>
    </message>
    <message>
        <source>the openQuantity of %1 is missing or not a number</source>
        <translation>l’openQuantity de %1 est absent ou n’est pas un nombre</translation>
    </message>
    <message>
        <source>a candle is not an object</source>
        <translation>une chandelle n’est pas un objet</translation>
    </message>
    <message>
        <source>a candle lacks a valid start or end</source>
        <translation>une chandelle n’a pas de début ni de fin valide</translation>
    </message>
    <message>
        <source>a candle of %1</source>
        <translation>une chandelle de %1</translation>
    </message>
    <message>
        <source>the volume of %1 is not a number</source>
        <translation>le volume de %1 n’est pas un nombre</translation>
    </message>
    <message>
        <source>the symbol of a quote is not text</source>
        <translation>le symbole d’une cotation n’est pas du texte</translation>
    </message>
    <message>
        <source>the quote of %1 lacks a valid symbolId</source>
        <translation>la cotation de %1 n’a pas de symbolId valide</translation>
    </message>
    <message>
        <source>lastTradePriceTrHrs of %1</source>
        <translation>lastTradePriceTrHrs de %1</translation>
    </message>
</context>
<context>
    <name>RefreshBackoff</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n&#xa0;s</numerusform>
            <numerusform>%n&#xa0;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n&#xa0;min</numerusform>
            <numerusform>%n&#xa0;min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>%1 needs daily highs and lows, and the prices of %2 have none (line %3); use a file with date,open,high,low,close rows or another strategy.</source>
        <translation>%1 exige les plus hauts et plus bas quotidiens, et les prix de %2 n’en ont pas (ligne %3); utilisez un fichier aux lignes date,open,high,low,close ou une autre stratégie.</translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>The price file: date,close or date,open,high,low,close[,adjclose,volume] or symbol,date,price rows, with or without a header; dates like 2024-05-14 or Jan 1 2000. Required.</source>
        <translation>Le fichier de prix&#xa0;: des lignes date,close ou date,open,high,low,close[,adjclose,volume] ou symbol,date,price, avec ou sans ligne d’en-tête; des dates comme 2024-05-14 ou Jan 1 2000. Obligatoire.</translation>
    </message>
    <message>
        <source>The ticker of a file without a symbol column (default: the file name without its extension, upper-cased); with a symbol column, replay only that symbol.</source>
        <translation>Le symbole d’un fichier sans colonne de symbole (par défaut&#xa0;: le nom du fichier sans son extension, en majuscules); avec une colonne de symbole, ne rejouer que ce symbole.</translation>
    </message>
    <message>
        <source>Entry price, greater than 0: the peak starts there, and fixed-pct and activation start from it (default: the first price).</source>
        <translation>Prix d’entrée, supérieur à 0&#xa0;: le sommet part de ce prix, tout comme fixed-pct et activation (par défaut&#xa0;: le premier prix).</translation>
    </message>
    <message>
        <source>When the price stays below the stop: &quot;daily&quot; alerts on every market day below it (the default), &quot;once-per-breach&quot; once until the price is back at or above the stop.</source>
        <translation>Quand le prix reste sous le stop&#xa0;: «&#xa0;daily&#xa0;» alerte chaque jour de marché passé sous le stop (par défaut), «&#xa0;once-per-breach&#xa0;» une seule fois, jusqu’à ce que le prix revienne au niveau du stop ou au-dessus.</translation>
    </message>
    <message>
        <source>Print one JSON object instead: {&quot;alerts&quot;:[...], &quot;summary&quot;:{...}}.</source>
        <translation>Afficher plutôt un seul objet JSON&#xa0;: {&quot;alerts&quot;:[...], &quot;summary&quot;:{...}}.</translation>
    </message>
    <message>
        <source>The replay ran (whether or not it alerted).</source>
        <translation>La simulation a été rejouée (qu’elle ait déclenché des alertes ou non).</translation>
    </message>
    <message>
        <source>The file cannot be read or has a bad row (the message names its line).</source>
        <translation>Le fichier ne peut pas être lu ou contient une ligne incorrecte (le message en indique le numéro).</translation>
    </message>
    <message>
        <source>Run &quot;trailguard replay --help&quot; for help.</source>
        <translation>Exécutez «&#xa0;trailguard replay --help&#xa0;» pour obtenir de l’aide.</translation>
    </message>
    <message>
        <source>Strategy %1; %2.</source>
        <translation>Stratégie %1; %2.</translation>
    </message>
    <message>
        <source>one alert per breach, until the price is back at or above the stop</source>
        <translation>une alerte par franchissement, jusqu’à ce que le prix revienne au niveau du stop ou au-dessus</translation>
    </message>
    <message>
        <source>an alert on every market day below the stop</source>
        <translation>une alerte chaque jour de marché passé sous le stop</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Aucune alerte.</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>Alertes&#xa0;:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Résumé&#xa0;:</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>First breach</source>
        <translation>Premier franchissement</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Final peak</source>
        <translation>Sommet final</translation>
    </message>
    <message>
        <source>Final stop</source>
        <translation>Stop final</translation>
    </message>
    <message>
        <source>Exit at breach</source>
        <translation>Sortie au franchissement</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Returns are measured from the entry price, else the first close: &quot;Exit at breach&quot; sells at the close of the first breach, &quot;Hold&quot; keeps the stock to the last row.</source>
        <translation>Les rendements sont calculés à partir du prix d’entrée, sinon de la première clôture&#xa0;: «&#xa0;Sortie au franchissement&#xa0;» vend à la clôture du premier franchissement, «&#xa0;Conservation&#xa0;» garde le titre jusqu’à la dernière ligne.</translation>
    </message>
    <message>
        <source>The replay was stopped before the end.</source>
        <translation>La simulation a été arrêtée avant la fin.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Missing the price file, for example &quot;trailguard replay --csv aapl.csv&quot;.</source>
        <translation>Fichier de prix manquant, par exemple «&#xa0;trailguard replay --csv aapl.csv&#xa0;».</translation>
    </message>
    <message>
        <source>--repeat takes &quot;%1&quot; or &quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation>--repeat accepte «&#xa0;%1&#xa0;» ou «&#xa0;%2&#xa0;», et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>%1 has no rows for %2.</source>
        <translation>%1 ne contient aucune ligne pour %2.</translation>
    </message>
    <message>
        <source>The stop strategy: trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K. Default: %1, or none with --rule.</source>
        <translation>La stratégie de stop : trailing:R, fixed:P, fixed-pct:R, activation:R,A ou atr:N,K. Par défaut : %1, ou aucune avec --rule.</translation>
    </message>
    <message>
        <source>An alert rule: cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P. Repeat it for more. Without --strategy, only the rules alert.</source>
        <translation>Une règle d’alerte : cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K ou target:P. Répétez-la pour en ajouter. Sans --strategy, seules les règles alertent.</translation>
    </message>
    <message>
        <source>Replays price history through the same stop-loss engine the monitor uses: each row is one observation on its date (its market day), its price the close (or price; adjclose is ignored), with the high and low when the row has them. Prints the alerts that would have fired, in time order, and for each series its rows, first breach, number of alerts, final peak and stop, and the return of selling at the close of the first breach against holding to the last row (both from the entry price, else the first close). A file with a symbol column holds one series per symbol. Nothing is written to the watchlist. Each --rule fires on a market day when its condition holds at the close and did not hold the day before (a day of several rows closes at its last row); every alert says its kind: &quot;stop&quot; or the rule.</source>
        <translation>Rejoue l’historique des prix dans le même moteur de stop que la surveillance : chaque ligne est une observation à sa date (son jour de bourse), son prix la clôture (ou price ; adjclose est ignoré), avec le haut et le bas quand la ligne les a. Affiche les alertes qui auraient été déclenchées, dans l’ordre chronologique, et pour chaque série ses lignes, le premier franchissement, le nombre d’alertes, le sommet et le stop finaux, et le rendement d’une vente à la clôture du premier franchissement contre la détention jusqu’à la dernière ligne (tous deux depuis le prix d’entrée, sinon la première clôture). Un fichier avec une colonne de symbole contient une série par symbole. Rien n’est écrit dans la liste de surveillance. Chaque --rule se déclenche un jour de bourse où sa condition est vraie à la clôture et ne l’était pas la veille (un jour de plusieurs lignes clôture à sa dernière ligne) ; chaque alerte indique son type : « stop » ou la règle.</translation>
    </message>
    <message>
        <source>The command line is wrong: a missing --csv, an invalid strategy, rule, entry or ticker, or a strategy the file has no data for (atr needs highs and lows).</source>
        <translation>La ligne de commande est incorrecte : --csv manquant, stratégie, règle, prix d’entrée ou symbole invalide, ou stratégie pour laquelle le fichier n’a pas de données (atr exige les hauts et les bas).</translation>
    </message>
    <message>
        <source>Replay price history from a CSV file through a stop strategy and alert rules and show the alerts.</source>
        <translation>Rejouer l’historique des prix d’un fichier CSV à travers une stratégie de stop et des règles d’alerte et afficher les alertes.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Firings</source>
        <translation>Déclenchements</translation>
    </message>
    <message>
        <source>First firing</source>
        <translation>Premier déclenchement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>No stop strategy: only the rules alert.</source>
        <translation>Aucune stratégie de stop : seules les règles alertent.</translation>
    </message>
    <message>
        <source>Rules: %1.</source>
        <translation>Règles : %1.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rule firings:</source>
        <translation>Déclenchements des règles :</translation>
    </message>
</context>
<context>
    <name>SecretFile</name>
    <message>
        <source>The secrets file %1 could not be decrypted: the encryption_key is wrong or the file was changed. Set the encryption_key that wrote it, or move the file away to start over.</source>
        <translation>Le fichier de secrets %1 n&apos;a pas pu être déchiffré : la valeur de encryption_key est erronée ou le fichier a été modifié. Définissez l&apos;encryption_key qui l&apos;a écrit, ou déplacez le fichier pour repartir de zéro.</translation>
    </message>
    <message>
        <source>The encrypted secrets file cannot be used: libsodium could not be initialised or encryption_key is empty.</source>
        <translation>Le fichier de secrets chiffré est inutilisable : libsodium n&apos;a pas pu être initialisée ou encryption_key est vide.</translation>
    </message>
    <message>
        <source>The encrypted secrets file cannot be used: out of memory.</source>
        <translation>Le fichier de secrets chiffré est inutilisable : mémoire insuffisante.</translation>
    </message>
    <message>
        <source>The key for the secrets file could not be derived from encryption_key (out of memory?). Free some memory and try again.</source>
        <translation>La clé du fichier de secrets n&apos;a pas pu être dérivée de encryption_key (mémoire insuffisante?). Libérez de la mémoire et réessayez.</translation>
    </message>
    <message>
        <source>The secrets file %1 could not be read: %2</source>
        <translation>Le fichier de secrets %1 n&apos;a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>The secrets file %1 has a format this version of Trailguard cannot read. Update Trailguard, or move the file away to start over.</source>
        <translation>Le fichier de secrets %1 est dans un format que cette version de Trailguard ne sait pas lire. Mettez Trailguard à jour, ou déplacez le fichier pour repartir de zéro.</translation>
    </message>
    <message>
        <source>The secrets file %1 could not be written: %2</source>
        <translation>Le fichier de secrets %1 n&apos;a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>The secrets file %1 could not be made private to its owner: %2</source>
        <translation>Le fichier de secrets %1 n&apos;a pas pu être réservé à son propriétaire : %2</translation>
    </message>
    <message>
        <source>No secret named &quot;%1&quot; is stored in %2.</source>
        <translation>Aucun secret nommé « %1 » n&apos;est enregistré dans %2.</translation>
    </message>
    <message>
        <source>The secrets file %1 is locked by another program (%2) and could not be changed. Try again; if it stays locked, remove %3.</source>
        <translation>Le fichier de secrets %1 est verrouillé par un autre programme (%2) et n’a pas pu être modifié. Réessayez; s’il reste verrouillé, supprimez %3.</translation>
    </message>
</context>
<context>
    <name>SecretStoreFactory</name>
    <message>
        <source>No system keychain was found and encryption_key is not set: Questrade tokens are kept in memory only and will be lost when Trailguard exits. Start a keyring (e.g. gnome-keyring) or set encryption_key.</source>
        <translation>Aucun trousseau système n&apos;a été trouvé et encryption_key n&apos;est pas définie : les jetons Questrade sont gardés en mémoire seulement et seront perdus à la fermeture de Trailguard. Démarrez un trousseau (p. ex. gnome-keyring) ou définissez encryption_key.</translation>
    </message>
</context>
<context>
    <name>SettingsText</name>
    <message>
        <source>The environment variable STOP_LOSS=&quot;%1&quot; is not a valid stop ratio. Set it to a number from 0.01 to less than 1 (for example 0.9), or unset it.</source>
        <translation>La variable d’environnement STOP_LOSS=&quot;%1&quot; n’est pas un ratio du stop valide. Donnez-lui un nombre de 0.01 à moins de 1 (par exemple 0.9), ou retirez-la.</translation>
    </message>
</context>
<context>
    <name>SmtpTransfer</name>
    <message>
        <source>The SMTP server %1 could not check the login for now (%2); the alert will be sent again later.</source>
        <translation>Le serveur SMTP %1 n’a pas pu vérifier l’identifiant pour l’instant (%2); l’alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>The SMTP server %1 asked to try again later (%2).</source>
        <translation>Le serveur SMTP %1 a demandé de réessayer plus tard (%2).</translation>
    </message>
    <message>
        <source>The SMTP server refused the login (%1): check the user and the app password.</source>
        <translation>Le serveur SMTP a refusé l’identifiant (%1) : vérifiez l’utilisateur et le mot de passe d’application.</translation>
    </message>
    <message>
        <source>The SMTP server %1 does not offer STARTTLS (%2): choose SSL/TLS (usually port 465). Trailguard never sends the password unencrypted.</source>
        <translation>Le serveur SMTP %1 n’offre pas STARTTLS (%2) : choisissez SSL/TLS (habituellement le port 465). Trailguard n’envoie jamais le mot de passe sans chiffrement.</translation>
    </message>
    <message>
        <source>The SMTP server requires a login (%1): enter the user and the password.</source>
        <translation>Le serveur SMTP exige une connexion (%1) : entrez l’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The SMTP server refused a recipient (%1): check the To addresses.</source>
        <translation>Le serveur SMTP a refusé un destinataire (%1) : vérifiez les adresses des destinataires.</translation>
    </message>
    <message>
        <source>The SMTP server refused the sender (%1): check the From address; many servers only accept the account&apos;s own address.</source>
        <translation>Le serveur SMTP a refusé l’expéditeur (%1) : vérifiez l’adresse de l’expéditeur; bien des serveurs n’acceptent que l’adresse du compte.</translation>
    </message>
    <message>
        <source>The SMTP server refused the message (%1).</source>
        <translation>Le serveur SMTP a refusé le message (%1).</translation>
    </message>
    <message>
        <source>Could not find the SMTP server %1 (%2): check the host name and the network connection.</source>
        <translation>Impossible de trouver le serveur SMTP %1 (%2) : vérifiez le nom d’hôte et la connexion réseau.</translation>
    </message>
    <message>
        <source>Could not connect to the SMTP server %1 (%2).</source>
        <translation>Impossible de se connecter au serveur SMTP %1 (%2).</translation>
    </message>
    <message>
        <source>The SMTP server %1 did not answer in time (%2).</source>
        <translation>Le serveur SMTP %1 n’a pas répondu à temps (%2).</translation>
    </message>
    <message>
        <source>The connection to the SMTP server %1 broke off (%2).</source>
        <translation>La connexion au serveur SMTP %1 a été interrompue (%2).</translation>
    </message>
    <message>
        <source>The secure connection to the SMTP server %1 could not be set up (%2). If this persists, check the security setting: SSL/TLS usually uses port 465, STARTTLS port 587.</source>
        <translation>La connexion sécurisée au serveur SMTP %1 n’a pas pu être établie (%2). Si le problème persiste, vérifiez le réglage de sécurité : SSL/TLS utilise habituellement le port 465, STARTTLS le port 587.</translation>
    </message>
    <message>
        <source>The SMTP server %1 presented a certificate that cannot be trusted (%2): check the host name, or for a private server give the file of the CA that signed it.</source>
        <translation>Le serveur SMTP %1 a présenté un certificat non fiable (%2) : vérifiez le nom d’hôte ou, pour un serveur privé, indiquez le fichier de l’AC qui l’a signé.</translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; cannot be used (%2).</source>
        <translation>Le fichier de certificat d’AC « %1 » est inutilisable (%2).</translation>
    </message>
    <message>
        <source>The SMTP server %1 refused the login (%2): check the user and the password.</source>
        <translation>Le serveur SMTP %1 a refusé l’identifiant (%2) : vérifiez l’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer like an SMTP server (%2): check the host, the port and the security setting.</source>
        <translation>Le serveur à %1 n’a pas répondu comme un serveur SMTP (%2) : vérifiez l’hôte, le port et le réglage de sécurité.</translation>
    </message>
    <message>
        <source>libcurl cannot send this email (%1).</source>
        <translation>libcurl ne peut pas envoyer ce courriel (%1).</translation>
    </message>
    <message>
        <source>The email was not sent: Trailguard is shutting down.</source>
        <translation>Le courriel n’a pas été envoyé : Trailguard se ferme.</translation>
    </message>
    <message>
        <source>Sending to the SMTP server %1 failed (%2).</source>
        <translation>L’envoi au serveur SMTP %1 a échoué (%2).</translation>
    </message>
    <message>
        <source>libcurl could not be initialised (%1).</source>
        <translation>libcurl n’a pas pu être initialisé (%1).</translation>
    </message>
    <message>
        <source>libcurl could not be initialised.</source>
        <translation>libcurl n’a pas pu être initialisé.</translation>
    </message>
    <message>
        <source>Out of memory while preparing the email.</source>
        <translation>Mémoire insuffisante pour préparer le courriel.</translation>
    </message>
</context>
<context>
    <name>StopLossEngine</name>
    <message>
        <source>%1: %2 gives a stop of %3, at or below zero (the average true range is wider than the prices), so there is no stop yet. A smaller multiplier K gives one.</source>
        <translation>%1&#xa0;: %2 donne un stop de %3, égal ou inférieur à zéro (l’écart vrai moyen dépasse les prix); il n’y a donc pas encore de stop. Un multiplicateur K plus petit en donnera un.</translation>
    </message>
</context>
<context>
    <name>StopStrategy</name>
    <message>
        <source>use trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K (for example trailing:0.9, fixed:95.5, fixed-pct:0.92, activation:0.9,0.1, atr:14,3)</source>
        <translation>utilisez trailing:R, fixed:P, fixed-pct:R, activation:R,A ou atr:N,K (par exemple trailing:0.9, fixed:95.5, fixed-pct:0.92, activation:0.9,0.1, atr:14,3)</translation>
    </message>
    <message>
        <source>No strategy given: %1.</source>
        <translation>Aucune stratégie indiquée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 takes %3; %4.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2 prend %3; %4.</translation>
    </message>
    <message>
        <source>one parameter</source>
        <translation>un paramètre</translation>
    </message>
    <message>
        <source>two parameters separated by a comma</source>
        <translation>deux paramètres séparés par une virgule</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the stop price P must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: le prix du stop P doit être un nombre supérieur à 0, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the activation gain A must be a number of 0 or more (0.1 starts trailing once the price is 10% above the entry), not &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: le gain d’activation A doit être un nombre égal ou supérieur à 0 (avec 0.1, le suivi commence quand le prix dépasse de 10&#xa0;% le prix d’entrée), et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the period N must be a whole number from 1 to %2, not &quot;%3&quot;.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: la période N doit être un nombre entier de 1 à %2, et non «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the multiplier K must be a number greater than 0, not &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: le multiplicateur K doit être un nombre supérieur à 0, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known strategy; %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une stratégie connue; %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the ratio R must be a number from %2 to less than 1 (0.9 puts the stop 10% below), not &quot;%3&quot;.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: le ratio R doit être un nombre de %2 à moins de 1 (0.9 place le stop 10&#xa0;% plus bas), et non «&#xa0;%3&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>A database command failed: %1</source>
        <translation>Une commande de base de données a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The delivery to update no longer exists.</source>
        <translation>La livraison à mettre à jour n’existe plus.</translation>
    </message>
    <message>
        <source>Alert %1 is not in the database.</source>
        <translation>L’alerte %1 n’est pas dans la base de données.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Trailguard database (%2). Move it away or choose another data folder with --data-dir.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une base de données Trailguard (%2). Déplacez ce fichier ailleurs ou choisissez un autre dossier de données avec --data-dir.</translation>
    </message>
    <message>
        <source>Could not upgrade the database to version %1 (%2): %3</source>
        <translation>Impossible de mettre à niveau la base de données vers la version %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Could not open the database &quot;%1&quot;: %2. Check that the folder exists and is writable.</source>
        <translation>Impossible d’ouvrir la base de données «&#xa0;%1&#xa0;»&#xa0;: %2. Vérifiez que le dossier existe et qu’il est accessible en écriture.</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; was written by a newer version of Trailguard (schema %2; this version understands up to %3). Install the newer Trailguard, or use another data folder with --data-dir. The database was not modified.</source>
        <translation>La base de données «&#xa0;%1&#xa0;» a été écrite par une version plus récente de Trailguard (schéma %2; cette version comprend jusqu’au schéma %3). Installez la version plus récente de Trailguard, ou utilisez un autre dossier de données avec --data-dir. La base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist. Check the spelling, or list the watchlist first.</source>
        <translation>%1 n’est pas dans la liste de surveillance. Vérifiez l’orthographe, ou affichez d’abord la liste de surveillance.</translation>
    </message>
    <message>
        <source>%1 is already on the watchlist; nothing was changed.</source>
        <translation>%1 est déjà dans la liste de surveillance; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Could not start a database transaction: %1</source>
        <translation>Impossible de démarrer une transaction de base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>No database transaction is open.</source>
        <translation>Aucune transaction de base de données n’est ouverte.</translation>
    </message>
    <message>
        <source>Could not save to the database: %1</source>
        <translation>Impossible d’enregistrer dans la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Account %1 is not among the imported accounts.</source>
        <translation>Le compte %1 ne fait pas partie des comptes importés.</translation>
    </message>
    <message>
        <source>A quote needs a ticker, a time and a positive price.</source>
        <translation>Une cotation exige un symbole, une heure et un prix positif.</translation>
    </message>
    <message>
        <source>A candle of %1 has no valid time or close.</source>
        <translation>Une chandelle de %1 n’a pas d’heure ni de clôture valide.</translation>
    </message>
    <message>
        <source>The delivery is no longer claimed by this dispatcher: another one took it over after its lease ran out.</source>
        <translation>Cette livraison n’est plus réservée par ce répartiteur&#xa0;: un autre l’a reprise après l’expiration de son bail.</translation>
    </message>
    <message>
        <source>Could not convert the price history to the compact format: %1</source>
        <translation>Impossible de convertir l’historique des prix au format compact : %1</translation>
    </message>
    <message>
        <source>The escalation step is no longer claimed by this dispatcher.</source>
        <translation>L&apos;étape d&apos;escalade n&apos;est plus réservée par ce répartiteur.</translation>
    </message>
</context>
<context>
    <name>SubcommandHelp</name>
    <message>
        <source>Options:</source>
        <translation>Options&#xa0;:</translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation>Code de sortie&#xa0;:</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Actions&#xa0;:</translation>
    </message>
    <message>
        <source>&quot;trailguard %1 ACTION --help&quot; describes an action.</source>
        <translation>« trailguard %1 ACTION --help » décrit une action.</translation>
    </message>
</context>
<context>
    <name>SymbolResolver</name>
    <message>
        <source>%1 was not found on Questrade, and Questrade offered no similar listing.</source>
        <translation>%1 est introuvable chez Questrade, et Questrade n’a proposé aucun titre semblable.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a ticker and its company name</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 was not found on Questrade. Closest listings: %2.</source>
        <translation>%1 est introuvable chez Questrade. Titres les plus proches&#xa0;: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between listings</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TelegramCommands</name>
    <message>
        <source>an unknown place</source>
        <translation>un endroit inconnu</translation>
    </message>
    <message>
        <source>at %1 from %2</source>
        <translation>le %1 depuis %2</translation>
    </message>
    <message>
        <source>alert %1</source>
        <translation>l&apos;alerte %1</translation>
    </message>
    <message>
        <source>alert %1 (%2)</source>
        <translation>l&apos;alerte %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trailguard&lt;/b&gt; answers:
/status — the guardian&apos;s health and how quotes arrive
/list — the watchlist with each price, stop and distance to the stop
/ack ID — acknowledge alert ID (its escalation stops)
/help — this list</source>
        <translation>&lt;b&gt;Trailguard&lt;/b&gt; répond :
/status — la santé du gardien et l&apos;arrivée des cotes
/list — la liste de surveillance avec prix, stop et distance au stop
/ack ID — accuser réception de l&apos;alerte ID (son escalade s&apos;arrête)
/help — cette liste</translation>
    </message>
    <message>
        <source>Unknown command %1.</source>
        <translation>Commande inconnue %1.</translation>
    </message>
    <message>
        <source>The guardian is running.</source>
        <translation>Le gardien est en marche.</translation>
    </message>
    <message>
        <source>The watchlist cannot be read: %1</source>
        <translation>La liste de surveillance ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>The watchlist is empty.</source>
        <translation>La liste de surveillance est vide.</translation>
    </message>
    <message>
        <source>no price yet</source>
        <translation>pas encore de prix</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>, %1% below the stop</source>
        <translation>, %1 % sous le stop</translation>
    </message>
    <message>
        <source>, %1% above the stop</source>
        <translation>, %1 % au-dessus du stop</translation>
    </message>
    <message>
        <source>%1, stop %2%3</source>
        <translation>%1, stop %2%3</translation>
    </message>
    <message>
        <source>Give the alert&apos;s number: /ack 42</source>
        <translation>Donnez le numéro de l&apos;alerte : /ack 42</translation>
    </message>
    <message>
        <source>Acknowledged %1.</source>
        <translation>%1 accusée.</translation>
    </message>
    <message>
        <source>%1 was already acknowledged %2.</source>
        <translation>%1 avait déjà été accusée %2.</translation>
    </message>
    <message>
        <source>This button does nothing any more.</source>
        <translation>Ce bouton ne fait plus rien.</translation>
    </message>
    <message>
        <source>Already acknowledged %1.</source>
        <translation>Déjà accusée %1.</translation>
    </message>
    <message>
        <source>… and %1 more not shown: the dashboard and “trailguard watch list” show the whole watchlist.</source>
        <translation>… et %1 de plus non affichés : le tableau de bord et « trailguard watch list » montrent toute la liste de surveillance.</translation>
    </message>
</context>
<context>
    <name>TelegramConfig</name>
    <message>
        <source>The Telegram bot token is empty: create a bot with @BotFather in Telegram and paste the token it gives (like 123456789:AA…).</source>
        <translation>Le jeton du bot Telegram est vide : créez un bot avec @BotFather dans Telegram et collez le jeton qu&apos;il donne (comme 123456789:AA…).</translation>
    </message>
    <message>
        <source>The Telegram bot token does not look like one from @BotFather (digits, &apos;:&apos;, then letters, digits, &apos;-&apos; or &apos;_&apos;): copy it again from BotFather&apos;s message.</source>
        <translation>Le jeton du bot Telegram ne ressemble pas à un jeton de @BotFather (des chiffres, « : », puis lettres, chiffres, « - » ou « _ ») : copiez-le de nouveau depuis le message de BotFather.</translation>
    </message>
    <message>
        <source>The Telegram chat id is empty: send a message to your bot, then give your chat&apos;s number (see the README) or a channel&apos;s @name.</source>
        <translation>L&apos;id de conversation Telegram est vide : écrivez à votre bot, puis donnez le numéro de votre conversation (voir le README) ou le @nom d&apos;une chaîne.</translation>
    </message>
    <message>
        <source>The Telegram chat id &quot;%1&quot; is not valid: give a number (negative for a group, like -1001234567890) or a public channel&apos;s @name.</source>
        <translation>L&apos;id de conversation Telegram « %1 » n&apos;est pas valide : donnez un nombre (négatif pour un groupe, comme -1001234567890) ou le @nom d&apos;une chaîne publique.</translation>
    </message>
    <message>
        <source>The Telegram Bot API URL</source>
        <translation>L&apos;URL de l&apos;API Bot Telegram</translation>
    </message>
    <message>
        <source>The Telegram Bot API URL must not contain &apos;?&apos; or &apos;#&apos;: give just the server, like https://api.telegram.org.</source>
        <translation>L&apos;URL de l&apos;API Bot Telegram ne doit contenir ni « ? » ni « # » : donnez seulement le serveur, comme https://api.telegram.org.</translation>
    </message>
</context>
<context>
    <name>TlsFiles</name>
    <message>
        <source>The TLS certificate or key in %1 cannot be read (PEM files expected).</source>
        <translation>Le certificat ou la clé TLS dans %1 ne peuvent pas être lus (fichiers PEM attendus).</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate &quot;%1&quot; or key &quot;%2&quot;.</source>
        <translation>Impossible de lire le certificat TLS « %1 » ou la clé « %2 ».</translation>
    </message>
    <message>
        <source>Cannot make a self-signed TLS certificate (OpenSSL failed).</source>
        <translation>Impossible de créer un certificat TLS autosigné (échec d&apos;OpenSSL).</translation>
    </message>
    <message>
        <source>Cannot write the TLS certificate into &quot;%1&quot;.</source>
        <translation>Impossible d&apos;écrire le certificat TLS dans « %1 ».</translation>
    </message>
</context>
<context>
    <name>TokenSet</name>
    <message>
        <source>The saved Questrade connection is damaged (%1). Reconnect the account.</source>
        <translation>La connexion Questrade enregistrée est endommagée (%1). Reconnectez le compte.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>format inconnu</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 est absent</translation>
    </message>
    <message>
        <source>unknown environment</source>
        <translation>environnement inconnu</translation>
    </message>
    <message>
        <source>no refresh token</source>
        <translation>aucun jeton d’actualisation</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter a ticker symbol, for example AAPL or SHOP.TO.</source>
        <translation>Entrez un symbole, par exemple AAPL ou SHOP.TO.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid ticker. Use 1 to 15 letters, digits, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit (for example AAPL, BRK.B, RY.TO, BBD-B.TO).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un symbole valide. Utilisez de 1 à 15 lettres, chiffres, &apos;.&apos; ou &apos;-&apos;, en commençant par une lettre ou un chiffre (par exemple AAPL, BRK.B, RY.TO, BBD-B.TO).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid price. Enter a number greater than 0, for example 101.25.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un prix valide. Entrez un nombre supérieur à 0, par exemple 101.25.</translation>
    </message>
    <message>
        <source>The stop ratio must be a number from %1 to less than 1 (0.9 puts the stop 10% below the peak).</source>
        <translation>Le ratio du stop doit être un nombre de %1 à moins de 1 (0.9 place le stop 10&#xa0;% sous le sommet).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stop ratio. Enter a number from %2 to less than 1, for example 0.9.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un ratio du stop. Entrez un nombre de %2 à moins de 1, par exemple 0.9.</translation>
    </message>
</context>
<context>
    <name>WatchCommand</name>
    <message>
        <source>Added %1 with stop ratio %2; the stop starts at %3 (entry price %4).</source>
        <translation>%1 ajouté avec un ratio du stop de %2; le stop part de %3 (prix d’entrée %4).</translation>
    </message>
    <message>
        <source>Added %1 with stop ratio %2.</source>
        <translation>%1 ajouté avec un ratio du stop de %2.</translation>
    </message>
    <message>
        <source>The ratio comes from the STOP_LOSS environment variable.</source>
        <translation>Le ratio provient de la variable d’environnement STOP_LOSS.</translation>
    </message>
    <message>
        <source>Removed %1 from the watchlist.</source>
        <translation>%1 retiré de la liste de surveillance.</translation>
    </message>
    <message>
        <source>TICKER is trimmed and upper-cased (shop.to becomes SHOP.TO): 1 to 15 letters, digits, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>TICKER est débarrassé de ses espaces et mis en majuscules (shop.to devient SHOP.TO)&#xa0;: de 1 à 15 lettres, chiffres, &apos;.&apos; ou &apos;-&apos;, en commençant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Start watching a ticker.</source>
        <translation>Commencer à surveiller un symbole.</translation>
    </message>
    <message>
        <source>Adds TICKER to the watchlist. Its stop follows the highest price seen, at R times that peak.</source>
        <translation>Ajoute TICKER à la liste de surveillance. Son stop suit le prix le plus haut observé, à R fois ce sommet.</translation>
    </message>
    <message>
        <source>Purchase price, greater than 0; the peak starts there.</source>
        <translation>Prix d’achat, supérieur à 0; le sommet part de ce prix.</translation>
    </message>
    <message>
        <source>Show the watchlist.</source>
        <translation>Afficher la liste de surveillance.</translation>
    </message>
    <message>
        <source>Shows every ticker on the watchlist with its last price, peak, stop and last alert. Unknown values are shown as %1.</source>
        <translation>Affiche chaque symbole de la liste de surveillance avec son dernier prix, son sommet, son stop et sa dernière alerte. Les valeurs inconnues sont affichées sous la forme %1.</translation>
    </message>
    <message>
        <source>Print a JSON array instead, one object per ticker; unknown values are null and times are ISO 8601 UTC.</source>
        <translation>Afficher plutôt un tableau JSON, un objet par symbole; les valeurs inconnues sont null et les heures sont en ISO 8601 UTC.</translation>
    </message>
    <message>
        <source>Stop watching a ticker.</source>
        <translation>Cesser de surveiller un symbole.</translation>
    </message>
    <message>
        <source>Removes TICKER and everything Trailguard remembers about it.</source>
        <translation>Retire TICKER et tout ce que Trailguard en a retenu.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard %1 --help&quot; for help.</source>
        <translation>Exécutez «&#xa0;trailguard %1 --help&#xa0;» pour obtenir de l’aide.</translation>
    </message>
    <message>
        <source>Global options go before the command, for example &quot;trailguard --data-dir DIR watch %1&quot;.</source>
        <translation>Les options globales se placent avant la commande, par exemple «&#xa0;trailguard --data-dir DIR watch %1&#xa0;».</translation>
    </message>
    <message>
        <source>Missing the ticker, for example &quot;trailguard watch %1 SHOP.TO&quot;.</source>
        <translation>Symbole manquant, par exemple «&#xa0;trailguard watch %1 SHOP.TO&#xa0;».</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Missing the watch action.</source>
        <translation>Action watch manquante.</translation>
    </message>
    <message>
        <source>Unknown watch action &quot;%1&quot;.</source>
        <translation>Action watch inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Use %1.</source>
        <translation>Utilisez %1.</translation>
    </message>
    <message>
        <source>The watchlist is empty. Add a ticker with &quot;trailguard watch add TICKER&quot;.</source>
        <translation>La liste de surveillance est vide. Ajoutez un symbole avec «&#xa0;trailguard watch add TICKER&#xa0;».</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Distance %</source>
        <translation>Distance&#xa0;%</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Last alert</source>
        <translation>Dernière alerte</translation>
    </message>
    <message>
        <source>Give either --ratio or --strategy, not both (--strategy trailing:R sets the ratio).</source>
        <translation>Indiquez --ratio ou --strategy, mais pas les deux (--strategy trailing:R définit le ratio).</translation>
    </message>
    <message>
        <source>Added %1 with strategy %2; the stop starts at %3.</source>
        <translation>%1 ajouté avec la stratégie %2; le stop part de %3.</translation>
    </message>
    <message>
        <source>Added %1 with strategy %2.</source>
        <translation>%1 ajouté avec la stratégie %2.</translation>
    </message>
    <message>
        <source>How the stop moves, instead of --ratio: trailing:R (the default, stop = peak × R), fixed:P (stop at P), fixed-pct:R (stop = entry × R), activation:R,A (entry × R until the price is A above the entry, then trailing), atr:N,K (chandelier exit: highest high of N days − K × ATR).</source>
        <translation>La façon dont le stop évolue, au lieu de --ratio&#xa0;: trailing:R (par défaut, stop = sommet × R), fixed:P (stop à P), fixed-pct:R (stop = entrée × R), activation:R,A (entrée × R jusqu’à ce que le prix dépasse l’entrée de A, puis suivi), atr:N,K (sortie chandelier&#xa0;: plus haut des N derniers jours − K × ATR).</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Stop ratio, from 0.01 to less than 1 (0.9 keeps the stop 10% below the peak). Default: STOP_LOSS, else the default ratio in the settings (0.9 unless changed).</source>
        <translation>Ratio du stop, de 0.01 à moins de 1 (0.9 maintient le stop 10&#xa0;% sous le sommet). Par défaut&#xa0;: STOP_LOSS, sinon le ratio par défaut des réglages (0.9 sauf modification).</translation>
    </message>
    <message>
        <source>Its alert rules: %1</source>
        <translation>Ses règles d’alerte : %1</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
</context>
<context>
    <name>WatchRules</name>
    <message>
        <source>%1 already has the rule %2; nothing was changed.</source>
        <translation>%1 a déjà la règle %2 ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 has no rules; nothing was changed.</source>
        <translation>%1 n’a aucune règle ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 has no rule %2; its rules are: %3. Nothing was changed.</source>
        <translation>%1 n’a pas la règle %2 ; ses règles sont : %3. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>An alert rule beside the stop, e.g. cross-below-sma:50 or target:120 (repeat for more; see &quot;trailguard watch rules --help&quot;).</source>
        <translation>Une règle d’alerte à côté du stop, p. ex. cross-below-sma:50 ou target:120 (répétez pour en ajouter ; voir « trailguard watch rules --help »).</translation>
    </message>
    <message>
        <source>Add this rule (repeatable).</source>
        <translation>Ajouter cette règle (répétable).</translation>
    </message>
    <message>
        <source>Remove this rule (repeatable).</source>
        <translation>Retirer cette règle (répétable).</translation>
    </message>
    <message>
        <source>List, add or remove a ticker&apos;s alert rules.</source>
        <translation>Lister, ajouter ou retirer les règles d’alerte d’un symbole.</translation>
    </message>
    <message>
        <source>Without --add or --remove, lists TICKER&apos;s alert rules, one per line. A rule alerts once on the market day its condition starts to hold, through the same channels as a stop breach.</source>
        <translation>Sans --add ni --remove, liste les règles d’alerte de TICKER, une par ligne. Une règle alerte une fois, le jour de bourse où sa condition devient vraie, par les mêmes canaux qu’un franchissement du stop.</translation>
    </message>
    <message>
        <source>Rules: cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K, target:P.</source>
        <translation>Règles : cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K, target:P.</translation>
    </message>
    <message>
        <source>Every change is checked first: if one is refused, nothing changes.</source>
        <translation>Chaque modification est vérifiée d’abord : si l’une est refusée, rien ne change.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist. Add it first with &quot;trailguard watch add %1&quot;.</source>
        <translation>%1 n’est pas dans la liste de surveillance. Ajoutez-le d’abord avec « trailguard watch add %1 ».</translation>
    </message>
    <message>
        <source>%1 has no alert rules.</source>
        <translation>%1 n’a aucune règle d’alerte.</translation>
    </message>
    <message>
        <source>Added the rule %1 to %2.</source>
        <translation>Règle %1 ajoutée à %2.</translation>
    </message>
    <message>
        <source>Removed the rule %1 from %2.</source>
        <translation>Règle %1 retirée de %2.</translation>
    </message>
</context>
<context>
    <name>Watchlist</name>
    <message>
        <source>The entry price must be a number greater than 0, or left empty.</source>
        <translation>Le prix d’entrée doit être un nombre supérieur à 0, ou rester vide.</translation>
    </message>
    <message>
        <source>Snooze for 1 to 365 days.</source>
        <translation>La sourdine doit durer de 1 à 365 jours.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist.</source>
        <translation>%1 n’est pas dans la liste de surveillance.</translation>
    </message>
    <message>
        <source>%1 already has the rule %2; nothing was changed.</source>
        <translation>%1 a déjà la règle %2 ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 has no rules; nothing was changed.</source>
        <translation>%1 n’a aucune règle ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 has no rule %2; its rules are: %3.</source>
        <translation>%1 n’a pas la règle %2 ; ses règles sont : %3.</translation>
    </message>
</context>
<context>
    <name>WebCommand</name>
    <message>
        <source>Set the web dashboard&apos;s password (asked twice, or one line from stdin).</source>
        <translation>Définit le mot de passe du tableau de bord web (demandé deux fois, ou une ligne de l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Sets the password of the web dashboard (trailguard --headless --web PORT). On a terminal it is asked twice without showing it; otherwise the first line of stdin is used. At least %1 characters. Only its Argon2id hash is stored, in the settings file; a running guardian uses the new password at the next log-in.</source>
        <translation>Définit le mot de passe du tableau de bord web (trailguard --headless --web PORT). Dans un terminal, il est demandé deux fois sans être affiché; sinon la première ligne de l&apos;entrée standard est utilisée. Au moins %1 caractères. Seul son hachage Argon2id est conservé, dans le fichier de réglages; un gardien en marche utilise le nouveau mot de passe à la connexion suivante.</translation>
    </message>
    <message>
        <source>Make an API token for scripts and print it once.</source>
        <translation>Crée un jeton d&apos;API pour les scripts et l&apos;affiche une seule fois.</translation>
    </message>
    <message>
        <source>Makes an API token named NAME (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;) and prints it, the only time it is shown: scripts send it as &quot;Authorization: Bearer TOKEN&quot;. Only its hash is stored.</source>
        <translation>Crée un jeton d&apos;API nommé NOM (lettres, chiffres, « . », « _ », « - ») et l&apos;affiche, la seule fois qu&apos;il est montré : les scripts l&apos;envoient comme « Authorization: Bearer JETON ». Seul son hachage est conservé.</translation>
    </message>
    <message>
        <source>List the API tokens&apos; names and when they were made.</source>
        <translation>Liste les noms des jetons d&apos;API et leur date de création.</translation>
    </message>
    <message>
        <source>Lists the API tokens: each one&apos;s name and when it was made (never the token).</source>
        <translation>Liste les jetons d&apos;API : le nom de chacun et sa date de création (jamais le jeton).</translation>
    </message>
    <message>
        <source>Revoke an API token: it stops working at once.</source>
        <translation>Révoque un jeton d&apos;API : il cesse de fonctionner aussitôt.</translation>
    </message>
    <message>
        <source>Revokes the API token named NAME; a running guardian refuses it from its next request.</source>
        <translation>Révoque le jeton d&apos;API nommé NOM; un gardien en marche le refuse dès sa prochaine requête.</translation>
    </message>
    <message>
        <source>Run &quot;trailguard web --help&quot; for help.</source>
        <translation>Lancez « trailguard web --help » pour l&apos;aide.</translation>
    </message>
    <message>
        <source>New web dashboard password: </source>
        <translation>Nouveau mot de passe du tableau de bord web : </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Le même mot de passe à nouveau : </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Les deux mots de passe diffèrent; rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>No password was given (stdin ended).</source>
        <translation>Aucun mot de passe n&apos;a été donné (fin de l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>The web dashboard&apos;s password is set.</source>
        <translation>Le mot de passe du tableau de bord web est défini.</translation>
    </message>
    <message>
        <source>This is the only time the token is shown; keep it somewhere safe.</source>
        <translation>C&apos;est la seule fois que le jeton est affiché; conservez-le en lieu sûr.</translation>
    </message>
    <message>
        <source>No API tokens; make one with &quot;trailguard web token create NAME&quot;.</source>
        <translation>Aucun jeton d&apos;API; créez-en un avec « trailguard web token create NOM ».</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Créé (UTC)</translation>
    </message>
    <message>
        <source>Revoked the token &quot;%1&quot;.</source>
        <translation>Jeton « %1 » révoqué.</translation>
    </message>
    <message>
        <source>Missing the web action: password or token.</source>
        <translation>L&apos;action web manque : password ou token.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no argument; &quot;%2&quot; is unexpected.</source>
        <translation>« %1 » ne prend aucun argument; « %2 » est inattendu.</translation>
    </message>
    <message>
        <source>Usage: trailguard %1</source>
        <translation>Utilisation : trailguard %1</translation>
    </message>
    <message>
        <source>Unknown token action &quot;%1&quot;: use create, list or revoke.</source>
        <translation>Action de jeton inconnue « %1 » : utilisez create, list ou revoke.</translation>
    </message>
    <message>
        <source>Unknown web action &quot;%1&quot;: use password or token.</source>
        <translation>Action web inconnue « %1 » : utilisez password ou token.</translation>
    </message>
</context>
<context>
    <name>WebDashboard</name>
    <message>
        <source>&quot;%1&quot; is no IP address; use [ADDRESS:]PORT, for example 127.0.0.1:8080 or 0.0.0.0:8443.</source>
        <translation>« %1 » n&apos;est pas une adresse IP; utilisez [ADRESSE:]PORT, par exemple 127.0.0.1:8080 ou 0.0.0.0:8443.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no port; use [ADDRESS:]PORT, for example 8080 or 0.0.0.0:8443.</source>
        <translation>« %1 » n&apos;est pas un port; utilisez [ADRESSE:]PORT, par exemple 8080 ou 0.0.0.0:8443.</translation>
    </message>
    <message>
        <source>The web dashboard needs a password: set one with `trailguard web password` or TRAILGUARD_WEB_PASSWORD.</source>
        <translation>Le tableau de bord web exige un mot de passe : définissez-le avec `trailguard web password` ou TRAILGUARD_WEB_PASSWORD.</translation>
    </message>
    <message>
        <source>Serving the web dashboard on %1, which other computers can reach, needs TLS: set web/tlsCertificate and web/tlsKey (or TRAILGUARD_WEB_CERT and TRAILGUARD_WEB_KEY), or add --web-self-signed.</source>
        <translation>Servir le tableau de bord web sur %1, que d&apos;autres ordinateurs peuvent joindre, exige TLS : définissez web/tlsCertificate et web/tlsKey (ou TRAILGUARD_WEB_CERT et TRAILGUARD_WEB_KEY), ou ajoutez --web-self-signed.</translation>
    </message>
</context>
<context>
    <name>WebPasswordText</name>
    <message>
        <source>The password is empty.</source>
        <translation>Le mot de passe est vide.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Le mot de passe est trop court : utilisez au moins %1 caractères.</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 ne peut pas être utilisé : %2</translation>
    </message>
</context>
<context>
    <name>WebServerText</name>
    <message>
        <source>The web dashboard cannot listen on %1 port %2: %3</source>
        <translation>Le tableau de bord web ne peut pas écouter sur %1 port %2 : %3</translation>
    </message>
    <message>
        <source>This server does not answer for that host name; add it to web/hostNames in the settings.</source>
        <translation>Ce serveur ne répond pas pour ce nom d&apos;hôte; ajoutez-le à web/hostNames dans les réglages.</translation>
    </message>
    <message>
        <source>The request is too large (at most %1 KiB).</source>
        <translation>La requête est trop grande (au plus %1 Kio).</translation>
    </message>
    <message>
        <source>Only GET is allowed here.</source>
        <translation>Seul GET est permis ici.</translation>
    </message>
</context>
<context>
    <name>WebhookHttp</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 is not a valid URL: it should look like https://host/path.</source>
        <translation>%1 n’est pas une URL valide&#xa0;: elle devrait ressembler à https://host/path.</translation>
    </message>
    <message>
        <source>%1 must start with https:// (plain http:// is allowed only for this computer, e.g. http://127.0.0.1).</source>
        <translation>%1 doit commencer par https:// (le http:// en clair n’est permis que pour cet ordinateur, p. ex. http://127.0.0.1).</translation>
    </message>
    <message>
        <source>%1 must not contain a user name or password.</source>
        <translation>%1 ne doit pas contenir de nom d’utilisateur ni de mot de passe.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1&#xa0;s</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>la connexion a été refusée</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found (is this computer offline?)</source>
        <translation>le nom du serveur est introuvable (cet ordinateur est-il hors ligne?)</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>the secure connection failed (%1)</source>
        <translation>la connexion sécurisée a échoué (%1)</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. The alert will be sent again later.</source>
        <translation>Impossible de joindre %1&#xa0;: %2. L’alerte sera renvoyée plus tard.</translation>
    </message>
</context>
<context>
    <name>trailguard::CandleFetcher</name>
    <message>
        <source>Candles need a Questrade symbol id.</source>
        <translation>Les chandelles exigent un identifiant de symbole Questrade.</translation>
    </message>
</context>
<context>
    <name>trailguard::DiscordChannel</name>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>Discord is rate limiting this webhook (HTTP 429); the alert will be sent again later.</source>
        <translation>Discord limite le débit de ce webhook (HTTP 429); l’alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>Discord is rate limiting this webhook (HTTP 429); the alert will be sent again in %1 s.</source>
        <translation>Discord limite le débit de ce webhook (HTTP 429); l’alerte sera renvoyée dans %1&#xa0;s.</translation>
    </message>
    <message>
        <source>Discord could not take the message now (HTTP %1); the alert will be sent again later.</source>
        <translation>Discord n’a pas pu accepter le message pour l’instant (HTTP %1); l’alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>no explanation given</source>
        <translation>aucune explication fournie</translation>
    </message>
    <message>
        <source>%1 (Discord code %2)</source>
        <translation>%1 (code Discord %2)</translation>
    </message>
    <message>
        <source>Discord refused the message (HTTP %1): %2.</source>
        <translation>Discord a refusé le message (HTTP %1)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The webhook may have been deleted or its URL changed: copy the URL again from the channel&apos;s settings (Integrations → Webhooks).</source>
        <translation>Le webhook a peut-être été supprimé ou son URL a changé&#xa0;: copiez de nouveau l’URL depuis les paramètres du salon (Intégrations → Webhooks).</translation>
    </message>
    <message>
        <source>Discord answered with a redirect (HTTP %1): check the webhook URL.</source>
        <translation>Discord a répondu par une redirection (HTTP %1)&#xa0;: vérifiez l’URL du webhook.</translation>
    </message>
    <message>
        <source>Discord gave an unexpected answer (HTTP %1).</source>
        <translation>Discord a donné une réponse inattendue (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>trailguard::EmailChannel</name>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Acknowledge this alert: %1 (a one-time link)</source>
        <translation>Accuser réception de cette alerte : %1 (un lien à usage unique)</translation>
    </message>
    <message>
        <source>Acknowledge this alert</source>
        <translation>Accuser réception de cette alerte</translation>
    </message>
    <message>
        <source>(a one-time link)</source>
        <translation>(un lien à usage unique)</translation>
    </message>
    <message>
        <source>To acknowledge this alert, use Trailguard&apos;s alert history, the dashboard, or run `trailguard alerts ack %1`.</source>
        <translation>Pour accuser réception de cette alerte, utilisez l&apos;historique des alertes de Trailguard, le tableau de bord, ou lancez `trailguard alerts ack %1`.</translation>
    </message>
</context>
<context>
    <name>trailguard::EncryptedFileSecretStore</name>
    <message>
        <source>the encrypted file %1</source>
        <translation>le fichier chiffré %1</translation>
    </message>
</context>
<context>
    <name>trailguard::KeychainSecretStore</name>
    <message>
        <source>No secret named &quot;%1&quot; is stored in the system keychain.</source>
        <translation>Aucun secret nommé « %1 » n&apos;est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Start a keyring such as gnome-keyring (and unlock it), or set encryption_key to keep tokens in an encrypted file.</source>
        <translation>Démarrez un trousseau comme gnome-keyring (et déverrouillez-le), ou définissez encryption_key pour garder les jetons dans un fichier chiffré.</translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be read from the system keychain: %2</source>
        <translation>Le secret « %1 » n&apos;a pas pu être lu dans le trousseau du système : %2</translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be saved in the system keychain: %2</source>
        <translation>Le secret « %1 » n&apos;a pas pu être enregistré dans le trousseau du système : %2</translation>
    </message>
    <message>
        <source>The secret &quot;%1&quot; could not be removed from the system keychain: %2</source>
        <translation>Le secret « %1 » n&apos;a pas pu être retiré du trousseau du système : %2</translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation>le trousseau du système (Secret Service)</translation>
    </message>
</context>
<context>
    <name>trailguard::MemorySecretStore</name>
    <message>
        <source>memory only (lost when Trailguard exits)</source>
        <translation>en mémoire seulement (perdu à la fermeture de Trailguard)</translation>
    </message>
    <message>
        <source>No secret named &quot;%1&quot; is kept in memory.</source>
        <translation>Aucun secret nommé « %1 » n&apos;est gardé en mémoire.</translation>
    </message>
</context>
<context>
    <name>trailguard::NtfyChannel</name>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>The ntfy server is limiting how often we publish (HTTP 429); the alert will be sent again later.</source>
        <translation>Le serveur ntfy limite la fréquence de nos publications (HTTP 429); l’alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>The ntfy server could not take the message now (HTTP %1); the alert will be sent again later.</source>
        <translation>Le serveur ntfy n’a pas pu accepter le message pour l’instant (HTTP %1); l’alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>no explanation given</source>
        <translation>aucune explication fournie</translation>
    </message>
    <message>
        <source>The ntfy server refused the access token (HTTP %1: %2): check the token in the ntfy settings.</source>
        <translation>Le serveur ntfy a refusé le jeton d’accès (HTTP %1&#xa0;: %2)&#xa0;: vérifiez le jeton dans les réglages ntfy.</translation>
    </message>
    <message>
        <source>The ntfy topic needs an access token (HTTP %1: %2): add one in the ntfy settings.</source>
        <translation>Le sujet ntfy exige un jeton d’accès (HTTP %1&#xa0;: %2)&#xa0;: ajoutez-en un dans les réglages ntfy.</translation>
    </message>
    <message>
        <source>The message is too large for the ntfy server (HTTP 413: %1).</source>
        <translation>Le message est trop volumineux pour le serveur ntfy (HTTP 413&#xa0;: %1).</translation>
    </message>
    <message>
        <source>The ntfy server refused the message (HTTP %1): %2.</source>
        <translation>Le serveur ntfy a refusé le message (HTTP %1)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The ntfy server answered with a redirect (HTTP %1): check the server URL.</source>
        <translation>Le serveur ntfy a répondu par une redirection (HTTP %1)&#xa0;: vérifiez l’URL du serveur.</translation>
    </message>
    <message>
        <source>The ntfy server gave an unexpected answer (HTTP %1).</source>
        <translation>Le serveur ntfy a donné une réponse inattendue (HTTP %1).</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Reminder %1: %2</source>
        <translation>Rappel %1 : %2</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>Ouvrir le tableau de bord</translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeAuth</name>
    <message>
        <source>Connect a Questrade account: paste a refresh token from the API centre.</source>
        <translation>Connectez un compte Questrade&#xa0;: collez un jeton d’actualisation provenant du centre API.</translation>
    </message>
    <message>
        <source>Paste the refresh token Questrade&apos;s API centre shows for your personal app.</source>
        <translation>Collez le jeton d’actualisation que le centre API de Questrade affiche pour votre application personnelle.</translation>
    </message>
    <message>
        <source>The Questrade account was disconnected.</source>
        <translation>Le compte Questrade a été déconnecté.</translation>
    </message>
    <message>
        <source>Loading the saved Questrade connection…</source>
        <translation>Chargement de la connexion Questrade enregistrée…</translation>
    </message>
    <message>
        <source>Connected to Questrade.</source>
        <translation>Connecté à Questrade.</translation>
    </message>
    <message>
        <source>Could not read the saved Questrade connection: %1</source>
        <translation>Impossible de lire la connexion Questrade enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation>Connexion à Questrade…</translation>
    </message>
    <message>
        <source>Connected to Questrade, but the new token could not be saved (%1); you may have to reconnect after a restart.</source>
        <translation>Connecté à Questrade, mais le nouveau jeton n’a pas pu être enregistré (%1); vous devrez peut-être vous reconnecter après un redémarrage.</translation>
    </message>
    <message>
        <source>Questrade refused the new refresh token; Trailguard keeps using the saved connection. Copy a fresh token from the API centre.</source>
        <translation>Questrade a refusé le nouveau jeton d’actualisation; Trailguard continue d’utiliser la connexion enregistrée. Copiez un nouveau jeton depuis le centre API.</translation>
    </message>
    <message>
        <source>No Questrade account is connected: paste a refresh token from the API centre.</source>
        <translation>Aucun compte Questrade n’est connecté&#xa0;: collez un jeton d’actualisation provenant du centre API.</translation>
    </message>
    <message>
        <source>Questrade refused the saved token. Reconnect: paste a new refresh token from the API centre.</source>
        <translation>Questrade a refusé le jeton enregistré. Reconnectez-vous&#xa0;: collez un nouveau jeton d’actualisation provenant du centre API.</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>réponse illisible</translation>
    </message>
    <message>
        <source>%1 Try again in a moment.</source>
        <translation>%1 Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Could not refresh the Questrade token (%1); retrying in %2.</source>
        <translation>Impossible de renouveler le jeton Questrade (%1); nouvel essai dans %2.</translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeClient</name>
    <message>
        <source>No account number was given.</source>
        <translation>Aucun numéro de compte n’a été indiqué.</translation>
    </message>
    <message>
        <source>Questrade&apos;s stream answer has no valid streamPort.</source>
        <translation>La réponse de Questrade pour le flux ne contient pas de streamPort valide.</translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeTokenExchange</name>
    <message>
        <source>no answer: timed out</source>
        <translation>aucune réponse&#xa0;: délai dépassé</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>aucune réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Questrade&apos;s login server did not answer (%1).</source>
        <translation>Le serveur de connexion de Questrade n’a pas répondu (%1).</translation>
    </message>
    <message>
        <source>Questrade&apos;s api_server</source>
        <translation>L’api_server de Questrade</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>réponse illisible</translation>
    </message>
    <message>
        <source>Questrade&apos;s login server answered HTTP %1.</source>
        <translation>Le serveur de connexion de Questrade a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>trailguard::QuestradeTransport</name>
    <message>
        <source>Questrade&apos;s answer was larger than %1 MiB and was refused.</source>
        <translation>La réponse de Questrade dépassait %1&#xa0;Mio et a été refusée.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1&#xa0;s</translation>
    </message>
    <message>
        <source>Could not reach Questrade (%1).</source>
        <translation>Impossible de joindre Questrade (%1).</translation>
    </message>
    <message>
        <source>Questrade refused a freshly issued access token (%1). Reconnect the account if this persists.</source>
        <translation>Questrade a refusé un jeton d’accès tout juste émis (%1). Reconnectez le compte si le problème persiste.</translation>
    </message>
    <message>
        <source>Questrade&apos;s rate limit was still exceeded after %1 tries.</source>
        <translation>La limite de requêtes de Questrade était toujours dépassée après %1 essais.</translation>
    </message>
    <message>
        <source>Questrade found the request too long (%1).</source>
        <translation>Questrade a jugé la requête trop longue (%1).</translation>
    </message>
    <message>
        <source>This Questrade app lacks market-data permission: enable it in the App Hub and reconnect</source>
        <translation>Cette application Questrade n’a pas l’autorisation d’accéder aux données de marché&#xa0;: activez-la dans l’App Hub et reconnectez-vous</translation>
    </message>
    <message>
        <source>Questrade does not know this account (%1). Reload the list of accounts.</source>
        <translation>Questrade ne connaît pas ce compte (%1). Rechargez la liste des comptes.</translation>
    </message>
    <message>
        <source>Questrade does not know the symbol.</source>
        <translation>Questrade ne connaît pas ce symbole.</translation>
    </message>
    <message>
        <source>Questrade had a server problem (HTTP %1: %2).</source>
        <translation>Questrade a eu un problème de serveur (HTTP %1&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Questrade rejected the request (HTTP %1, code %2: %3).</source>
        <translation>Questrade a rejeté la requête (HTTP %1, code %2&#xa0;: %3).</translation>
    </message>
</context>
<context>
    <name>trailguard::QuoteStream</name>
    <message>
        <source>Questrade gave no stream port (%1).</source>
        <translation>Questrade n’a fourni aucun port de flux (%1).</translation>
    </message>
    <message>
        <source>No access token for the stream (%1).</source>
        <translation>Aucun jeton d’accès pour le flux (%1).</translation>
    </message>
    <message>
        <source>The API server is not https: the stream would not be encrypted.</source>
        <translation>Le serveur API n’utilise pas https&#xa0;: le flux ne serait pas chiffré.</translation>
    </message>
    <message>
        <source>The quote stream closed.</source>
        <translation>Le flux de cotations s’est fermé.</translation>
    </message>
    <message>
        <source>The quote stream closed (%1).</source>
        <translation>Le flux de cotations s’est fermé (%1).</translation>
    </message>
    <message>
        <source>The quote stream failed (%1).</source>
        <translation>Le flux de cotations a échoué (%1).</translation>
    </message>
    <message>
        <source>Questrade refused the stream (%1).</source>
        <translation>Questrade a refusé le flux (%1).</translation>
    </message>
    <message>
        <source>The quote stream was not connected and authenticated within %1 s.</source>
        <translation>Le flux de cotations n’a pas été connecté et authentifié dans les %1&#xa0;s.</translation>
    </message>
    <message>
        <source>The quote stream did not answer a ping within %1 s: the connection is dead.</source>
        <translation>Le flux de cotations n’a pas répondu à un ping dans les %1&#xa0;s&#xa0;: la connexion est rompue.</translation>
    </message>
    <message>
        <source>Questrade found the stream&apos;s list of %1 ids too long (%2).</source>
        <translation>Questrade a jugé trop longue la liste de %1 identifiants du flux (%2).</translation>
    </message>
    <message>
        <source>The stream&apos;s URL for %1 ids would be %2 characters long.</source>
        <translation>L’URL du flux pour %1 identifiants ferait %2 caractères.</translation>
    </message>
    <message>
        <source>The stream server found the socket URL too long (%1).</source>
        <translation>Le serveur du flux a jugé l’URL du socket trop longue (%1).</translation>
    </message>
</context>
<context>
    <name>trailguard::Runners::DesktopSession</name>
    <message>
        <source>waiting for the keychain</source>
        <translation>en attente du trousseau</translation>
    </message>
</context>
<context>
    <name>trailguard::Settings</name>
    <message>
        <source>&quot;%1&quot; is not a web address; give the dashboard&apos;s address as your phone reaches it, like https://guard.example.net:8443.</source>
        <translation>« %1 » n&apos;est pas une adresse web; donnez l&apos;adresse du tableau de bord telle que votre téléphone la joint, comme https://guard.example.net:8443.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s public address must start with https:// (acknowledgement links must not travel in clear).</source>
        <translation>L&apos;adresse publique du tableau de bord doit commencer par https:// (les liens d&apos;accusé de réception ne doivent pas circuler en clair).</translation>
    </message>
    <message>
        <source>The dashboard&apos;s public address must not contain a user, &apos;?&apos; or &apos;#&apos;.</source>
        <translation>L&apos;adresse publique du tableau de bord ne doit contenir ni utilisateur, ni « ? », ni « # ».</translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramApi</name>
    <message>
        <source>Could not reach the Telegram Bot API: %1.</source>
        <translation>Impossible de joindre l&apos;API Bot Telegram : %1.</translation>
    </message>
    <message>
        <source>Telegram refused the bot token (%1): copy the token again from @BotFather.</source>
        <translation>Telegram a refusé le jeton du bot (%1) : copiez de nouveau le jeton depuis @BotFather.</translation>
    </message>
    <message>
        <source>The bot may not write to this chat (%1): open the chat with the bot and press Start (or unblock it), or add the bot to the group.</source>
        <translation>Le bot ne peut pas écrire dans cette conversation (%1) : ouvrez la conversation avec le bot et appuyez sur Démarrer (ou débloquez-le), ou ajoutez le bot au groupe.</translation>
    </message>
    <message>
        <source>Telegram does not know this chat (%1): check the chat id, and send the bot a message first.</source>
        <translation>Telegram ne connaît pas cette conversation (%1) : vérifiez l&apos;id de conversation, et écrivez d&apos;abord au bot.</translation>
    </message>
    <message>
        <source>Telegram asks to wait before the next request (%1).</source>
        <translation>Telegram demande d&apos;attendre avant la prochaine requête (%1).</translation>
    </message>
    <message>
        <source>Telegram answered HTTP %1: %2</source>
        <translation>Telegram a répondu HTTP %1 : %2</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1 s</translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramBot</name>
    <message>
        <source>Another program is reading this bot&apos;s updates (HTTP 409: %1): only one guardian may use a bot.</source>
        <translation>Un autre programme lit les mises à jour de ce bot (HTTP 409 : %1) : un seul gardien peut utiliser un bot.</translation>
    </message>
</context>
<context>
    <name>trailguard::TelegramChannel</name>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Still below the stop — reminder %1</source>
        <translation>Toujours sous le stop — rappel %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>Ouvrir le tableau de bord</translation>
    </message>
    <message>
        <source>Telegram is limiting how often the bot sends (HTTP 429); the alert will be sent again later.</source>
        <translation>Telegram limite la fréquence d&apos;envoi du bot (HTTP 429); l&apos;alerte sera renvoyée plus tard.</translation>
    </message>
    <message>
        <source>Telegram could not take the message now (HTTP %1: %2); the alert will be sent again later.</source>
        <translation>Telegram ne peut pas prendre le message maintenant (HTTP %1 : %2); l&apos;alerte sera renvoyée plus tard.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AddTickerForm</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>e.g. SHOP.TO</source>
        <translation>p. ex. SHOP.TO</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>The price you paid. Trailing starts from it instead of the first price seen.</source>
        <translation>Le prix payé. Le suivi part de ce prix plutôt que du premier prix observé.</translation>
    </message>
    <message>
        <source>Add the ticker to the watchlist (Enter)</source>
        <translation>Ajouter le symbole à la liste de surveillance (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation>&amp;Symbole :</translation>
    </message>
    <message>
        <source>Stop &amp;ratio:</source>
        <translation>&amp;Ratio du stop :</translation>
    </message>
    <message>
        <source>&amp;Entry price:</source>
        <translation>Prix d’&amp;entrée :</translation>
    </message>
    <message>
        <source>Trailing</source>
        <translation>Suiveur</translation>
    </message>
    <message>
        <source>Fixed price</source>
        <translation>Prix fixe</translation>
    </message>
    <message>
        <source>Fixed % of entry</source>
        <translation>% fixe du prix d’entrée</translation>
    </message>
    <message>
        <source>Trailing after a gain</source>
        <translation>Suiveur après un gain</translation>
    </message>
    <message>
        <source>ATR chandelier</source>
        <translation>Chandelier ATR</translation>
    </message>
    <message>
        <source>How the stop moves. Trailing: ratio × the highest price. Fixed price: a stop that never moves. Fixed % of entry: ratio × the entry (else the first price). Trailing after a gain: ratio × the entry until the price rises by the gain, then trailing. ATR chandelier: the highest high of N days minus K average true ranges.</source>
        <translation>La façon dont le stop évolue. Suiveur&#xa0;: ratio × le prix le plus haut. Prix fixe&#xa0;: un stop qui ne bouge jamais.&#xa0;% fixe du prix d’entrée&#xa0;: ratio × le prix d’entrée (sinon le premier prix). Suiveur après un gain&#xa0;: ratio × le prix d’entrée jusqu’à ce que le prix monte du gain indiqué, puis suivi du sommet. Chandelier ATR&#xa0;: le plus haut des N derniers jours moins K fois l’écart vrai moyen (ATR).</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>S&amp;tratégie&#xa0;:</translation>
    </message>
    <message>
        <source>stop price</source>
        <translation>prix du stop</translation>
    </message>
    <message>
        <source>The stop price P, for example 95.50.</source>
        <translation>Le prix du stop P, par exemple 95.50.</translation>
    </message>
    <message>
        <source>gain, e.g. 0.1</source>
        <translation>gain, p. ex. 0.1</translation>
    </message>
    <message>
        <source>The gain A above the entry that starts trailing: 0.1 starts once the price is 10% above it.</source>
        <translation>Le gain A au-dessus du prix d’entrée qui déclenche le suivi&#xa0;: avec 0.1, il commence quand le prix le dépasse de 10&#xa0;%.</translation>
    </message>
    <message>
        <source>N,K</source>
        <translation>N,K</translation>
    </message>
    <message>
        <source>N days of average true range (at least 1) and the multiplier K (greater than 0), e.g. 14,3.</source>
        <translation>N jours d’écart vrai moyen (au moins 1) et le multiplicateur K (supérieur à 0), p. ex. 14,3.</translation>
    </message>
    <message>
        <source>This strategy takes only the stop ratio.</source>
        <translation>Cette stratégie ne prend que le ratio du stop.</translation>
    </message>
    <message>
        <source>Strategy parameters</source>
        <translation>Paramètres de la stratégie</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Règles d&apos;alerte</translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation>Rè&amp;gles…</translation>
    </message>
    <message>
        <source>R&amp;ules (%1)…</source>
        <translation>Rè&amp;gles (%1)…</translation>
    </message>
    <message>
        <source>Alert rules to add with the ticker, besides its stop: a moving average crossed, RSI, MACD, Bollinger bands, a target price</source>
        <translation>Règles d&apos;alerte à ajouter avec le symbole, en plus de son stop : moyenne mobile croisée, RSI, MACD, bandes de Bollinger, prix cible</translation>
    </message>
    <message>
        <source>Added with the ticker: %1</source>
        <translation>Ajoutées avec le symbole : %1</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AddTickerRulesDialog</name>
    <message>
        <source>Rules for the New Ticker</source>
        <translation>Règles du nouveau symbole</translation>
    </message>
    <message>
        <source>The ticker is added with these rules. Besides its stop, it alerts when one of them happens at a market day&apos;s close (once a day, when it did not hold the day before):</source>
        <translation>Le symbole est ajouté avec ces règles. En plus de son stop, il alerte quand l&apos;une d&apos;elles se réalise à la clôture d&apos;un jour de bourse (une fois par jour, si elle ne tenait pas la veille) :</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 est déjà dans la liste.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ajoutée.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AlertHistoryDialog</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acquitter</translation>
    </message>
    <message>
        <source>Snoo&amp;ze Ticker</source>
        <translation>Mettre le symbole en &amp;sourdine</translation>
    </message>
    <message>
        <source>&amp;End Snooze</source>
        <translation>&amp;Lever la sourdine</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Alert History</source>
        <translation>Historique des alertes</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Historique des alertes</translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen</source>
        <translation>Marquer les alertes sélectionnées comme vues</translation>
    </message>
    <message>
        <source>Days to snooze the ticker</source>
        <translation>Nombre de jours de sourdine du symbole</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <source>Snooze &amp;for:</source>
        <translation>Sourdine &amp;pendant&#xa0;:</translation>
    </message>
    <message>
        <source>No alerts for the selected alert&apos;s ticker for that many days; its stop keeps trailing</source>
        <translation>Aucune alerte pour le symbole de l’alerte sélectionnée pendant ce nombre de jours; son stop continue de suivre le prix</translation>
    </message>
    <message>
        <source>Alert for the selected alert&apos;s ticker again from now on</source>
        <translation>Alerter de nouveau dès maintenant pour le symbole de l’alerte sélectionnée</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>Relire l’historique (F5)</translation>
    </message>
    <message>
        <source>Acknowledged 1 alert.</source>
        <translation>1 alerte acquittée.</translation>
    </message>
    <message>
        <source>Acknowledged %1 alerts.</source>
        <translation>%1 alertes acquittées.</translation>
    </message>
    <message>
        <source>%1 is snoozed until %2: its breaches raise no alerts until then.</source>
        <translation>%1 est en sourdine jusqu’au %2&#xa0;: ses franchissements ne déclenchent aucune alerte d’ici là.</translation>
    </message>
    <message>
        <source>%1 is no longer snoozed: its breaches raise alerts again.</source>
        <translation>%1 n’est plus en sourdine&#xa0;: ses franchissements déclenchent de nouveau des alertes.</translation>
    </message>
    <message>
        <source>%1 is snoozed until %2; alert for it again from now on</source>
        <translation>%1 est en sourdine jusqu’au %2; alerter de nouveau pour ce symbole dès maintenant</translation>
    </message>
    <message>
        <source>No alerts for %1 for that many days; its stop keeps trailing</source>
        <translation>Aucune alerte pour %1 pendant ce nombre de jours; son stop continue de suivre le prix</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::AlertHistoryModel</name>
    <message>
        <source>delivered at %1</source>
        <translation>livrée à %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>retrying (attempt %1, next at %2): %3</source>
        <translation>nouvel essai (tentative %1, prochaine à %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Delivered at %1.</source>
        <translation>Livrée le %1.</translation>
    </message>
    <message numerus="yes">
        <source>Failed for good after %n attempt(s), the last at %1: %2</source>
        <translation>
            <numerusform>Échec définitif après %n tentative, la dernière le %1&#xa0;: %2</numerusform>
            <numerusform>Échec définitif après %n tentatives, la dernière le %1&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet; due at %1.</source>
        <translation>Pas encore envoyée; prévue le %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) failed, the last at %1: %2
The next attempt is at %3.</source>
        <translation>
            <numerusform>%n tentative a échoué, la dernière le %1&#xa0;: %2
La prochaine tentative aura lieu le %3.</numerusform>
            <numerusform>%n tentatives ont échoué, la dernière le %1&#xa0;: %2
La prochaine tentative aura lieu le %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Zone de notification</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Acknowledged at %1.</source>
        <translation>Acquittée le %1.</translation>
    </message>
    <message>
        <source>Not acknowledged yet.</source>
        <translation>Pas encore acquittée.</translation>
    </message>
    <message>
        <source>Not sent through this channel.</source>
        <translation>Non envoyée par ce canal.</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>pending: %1</source>
        <translation>en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not sent yet: %1.</source>
        <translation>Pas encore envoyée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Daily digest</source>
        <translation>Résumé quotidien</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Stop breach</source>
        <translation>Franchissement du stop</translation>
    </message>
    <message>
        <source>The alert rule %1</source>
        <translation>La règle d&apos;alerte %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>not needed: %1</source>
        <translation>pas nécessaire : %1</translation>
    </message>
    <message>
        <source>Not sent: %1.</source>
        <translation>Non envoyé : %1.</translation>
    </message>
    <message>
        <source>step %1 due at %2</source>
        <translation>étape %1 prévue à %2</translation>
    </message>
    <message>
        <source>step %1 %2</source>
        <translation>étape %1 %2</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestDialog</name>
    <message>
        <source>+%1%</source>
        <comment>a positive return</comment>
        <translation>+%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a return</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Trailing: the stop follows the peak at %1% of it</source>
        <translation>Suiveur&#xa0;: le stop suit le sommet, à %1&#xa0;% de celui-ci</translation>
    </message>
    <message>
        <source>Fixed: the stop stays at %1</source>
        <translation>Fixe&#xa0;: le stop reste à %1</translation>
    </message>
    <message>
        <source>Fixed at %1% of the entry price</source>
        <translation>Fixe, à %1&#xa0;% du prix d’entrée</translation>
    </message>
    <message>
        <source>%1% of the entry, trailing once the price is %2% above the entry</source>
        <translation>%1&#xa0;% du prix d’entrée, puis suiveur dès que le prix dépasse l’entrée de %2&#xa0;%</translation>
    </message>
    <message>
        <source>Chandelier exit: highest high of %1 days minus %2 × ATR(%1); needs daily highs and lows</source>
        <translation>Sortie chandelier&#xa0;: plus haut des %1 derniers jours moins %2 × ATR(%1); exige les plus hauts et plus bas quotidiens</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Test rétrospectif</translation>
    </message>
    <message>
        <source>Backtest %1</source>
        <translation>Test rétrospectif de %1</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>Lancer le test rétrospectif</translation>
    </message>
    <message>
        <source>Replay the prices of the period through the checked strategies</source>
        <translation>Rejouer les prix de la période avec les stratégies cochées</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cancel backtest</source>
        <translation>Annuler le test rétrospectif</translation>
    </message>
    <message>
        <source>Stop the running backtest; the strategies finished so far are shown</source>
        <translation>Arrêter le test rétrospectif en cours; les stratégies déjà terminées sont affichées</translation>
    </message>
    <message>
        <source>Backtest progress</source>
        <translation>Progression du test rétrospectif</translation>
    </message>
    <message>
        <source>Backtest status</source>
        <translation>État du test rétrospectif</translation>
    </message>
    <message>
        <source>Backtest chart</source>
        <translation>Graphique du test rétrospectif</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the window; a running backtest stops</source>
        <translation>Fermer la fenêtre; un test rétrospectif en cours s’arrête</translation>
    </message>
    <message>
        <source>Load a CSV file of daily prices to backtest</source>
        <translation>Chargez un fichier CSV de prix quotidiens pour le test rétrospectif</translation>
    </message>
    <message>
        <source>Could not read the stored prices of %1: %2</source>
        <translation>Impossible de lire les prix enregistrés de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Stored daily prices of %1</source>
        <translation>Prix quotidiens enregistrés de %1</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>Impossible de charger %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not load %1: it has no prices.</source>
        <translation>Impossible de charger %1&#xa0;: il ne contient aucun prix.</translation>
    </message>
    <message>
        <source>Could not load %1: it has prices of %2 but none of %3.</source>
        <translation>Impossible de charger %1&#xa0;: il contient des prix de %2, mais aucun de %3.</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 provenant de %2</translation>
    </message>
    <message>
        <source>Check strategies and press Run.</source>
        <translation>Cochez des stratégies et appuyez sur Lancer.</translation>
    </message>
    <message>
        <source>The period has no prices: choose other dates.</source>
        <translation>La période ne contient aucun prix&#xa0;: choisissez d’autres dates.</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n strategy(ies)</source>
        <translation>
            <numerusform>Simulation de %n stratégie</numerusform>
            <numerusform>Simulation de %n stratégies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> over %n day(s)…</source>
        <translation>
            <numerusform> sur %n jour…</numerusform>
            <numerusform> sur %n jours…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n strategy(ies) finished before.</source>
        <translation>
            <numerusform>Annulé&#xa0;: %n stratégie avait terminé avant.</numerusform>
            <numerusform>Annulé&#xa0;: %n stratégies avaient terminé avant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n strategy(ies)</source>
        <translation>
            <numerusform>%n stratégie rejouée</numerusform>
            <numerusform>%n stratégies rejouées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> over %n day(s), %1 to %2.</source>
        <translation>
            <numerusform> sur %n jour, du %1 au %2.</numerusform>
            <numerusform> sur %n jours, du %1 au %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strategy(ies) could not run: see the table.</source>
        <translation>
            <numerusform>%n stratégie n’a pas pu être exécutée&#xa0;: voyez le tableau.</numerusform>
            <numerusform>%n stratégies n’ont pas pu être exécutées&#xa0;: voyez le tableau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading prices…</source>
        <translation>Chargement des cours…</translation>
    </message>
    <message>
        <source>Check at least one strategy or rule.</source>
        <translation>Cochez au moins une stratégie ou une règle.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert rule(s) replayed: see their table.</source>
        <translation>
            <numerusform>%n règle d’alerte rejouée : voir son tableau.</numerusform>
            <numerusform>%n règles d’alerte rejouées : voir leur tableau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestPeriodBox</name>
    <message>
        <source>Period and Entry</source>
        <translation>Période et entrée</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>The first day replayed</source>
        <translation>Le premier jour rejoué</translation>
    </message>
    <message>
        <source>The last day replayed</source>
        <translation>Le dernier jour rejoué</translation>
    </message>
    <message>
        <source>Entry price</source>
        <translation>Prix d’entrée</translation>
    </message>
    <message>
        <source>The price bought at: it seeds the peak and is the basis of the returns and of the fixed-pct and activation stops</source>
        <translation>Le prix d’achat&#xa0;: il sert de sommet initial et de base aux rendements ainsi qu’aux stops fixed-pct et activation</translation>
    </message>
    <message>
        <source>None (first close)</source>
        <translation>Aucun (première clôture)</translation>
    </message>
    <message>
        <source>Repeat alerts</source>
        <translation>Répétition des alertes</translation>
    </message>
    <message>
        <source>Whether an alert repeats every market day the price stays below the stop</source>
        <translation>Indique si une alerte se répète chaque jour de marché où le prix reste sous le stop</translation>
    </message>
    <message>
        <source>Every market day below the stop</source>
        <translation>Chaque jour de marché sous le stop</translation>
    </message>
    <message>
        <source>Once per breach</source>
        <translation>Une fois par franchissement</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Entry price:</source>
        <translation>Prix d’&amp;entrée :</translation>
    </message>
    <message>
        <source>Re&amp;peat alerts:</source>
        <translation>Ré&amp;péter les alertes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestResultsModel</name>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Exiting at the first breach did better than holding</source>
        <translation>Sortir au premier franchissement a mieux rendu que conserver</translation>
    </message>
    <message>
        <source>Holding did at least as well as exiting at the first breach</source>
        <translation>Conserver a rendu au moins autant que sortir au premier franchissement</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>First Breach</source>
        <translation>Premier franchissement</translation>
    </message>
    <message>
        <source>Breach Price</source>
        <translation>Prix au franchissement</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Exit at Breach</source>
        <translation>Sortie au franchissement</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Conservation</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestResultsView</name>
    <message>
        <source>Backtest results</source>
        <translation>Résultats du test rétrospectif</translation>
    </message>
    <message>
        <source>Per strategy: the first breach, the number of alerts, and the return of exiting at the first breach against holding; choosing a row draws that strategy on the chart</source>
        <translation>Par stratégie : le premier franchissement, le nombre d’alertes et le rendement d’une sortie au premier franchissement contre la détention ; choisir une ligne trace cette stratégie sur le graphique</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestRuleResultsModel</name>
    <message>
        <source>The rule did not fire in the period</source>
        <translation>La règle ne s’est pas déclenchée pendant la période</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Firings</source>
        <translation>Déclenchements</translation>
    </message>
    <message>
        <source>First Firing</source>
        <translation>Premier déclenchement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôture</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestRuleResultsView</name>
    <message>
        <source>Alert rule results</source>
        <translation>Résultats des règles d’alerte</translation>
    </message>
    <message>
        <source>Per alert rule: the days it fired and the first one; choosing a row marks its firings on the chart</source>
        <translation>Par règle d’alerte : les jours où elle s’est déclenchée et le premier ; choisir une ligne marque ses déclenchements sur le graphique</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BacktestSourceBox</name>
    <message>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Use &amp;Stored Prices</source>
        <translation>Utiliser les prix &amp;enregistrés</translation>
    </message>
    <message>
        <source>&amp;Load CSV File…</source>
        <translation>&amp;Charger un fichier CSV…</translation>
    </message>
    <message>
        <source>Price source</source>
        <translation>Source des prix</translation>
    </message>
    <message>
        <source>Use stored prices</source>
        <translation>Utiliser les prix enregistrés</translation>
    </message>
    <message>
        <source>The daily prices the app stored for this ticker</source>
        <translation>Les prix quotidiens que l’application a enregistrés pour ce symbole</translation>
    </message>
    <message>
        <source>Load CSV file</source>
        <translation>Charger un fichier CSV</translation>
    </message>
    <message>
        <source>Daily prices as date,close or date,open,high,low,close rows (Yahoo&apos;s export works), or symbol,date,price</source>
        <translation>Prix quotidiens en lignes date,close ou date,open,high,low,close (l’exportation de Yahoo convient), ou symbol,date,price</translation>
    </message>
    <message>
        <source>Price file error</source>
        <translation>Erreur du fichier de prix</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Loading the stored daily prices of %1…</source>
        <translation>Chargement des cours quotidiens enregistrés de %1…</translation>
    </message>
    <message>
        <source>Load Daily Prices</source>
        <translation>Charger des prix quotidiens</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No daily prices of %1 are stored yet: load a CSV file.</source>
        <translation>Aucun prix quotidien de %1 n’est encore enregistré&#xa0;: chargez un fichier CSV.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n day(s), %2 to %3</source>
        <translation>
            <numerusform>%1&#xa0;: %n jour, du %2 au %3</numerusform>
            <numerusform>%1&#xa0;: %n jours, du %2 au %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trailguard::ui::BreachNotifier</name>
    <message>
        <source>Open alert history</source>
        <translation>Ouvrir l&apos;historique des alertes</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Snooze 1 day</source>
        <translation>Mettre en veille 1 jour</translation>
    </message>
    <message>
        <source>Alert %1 (%2) acknowledged.</source>
        <translation>Alerte %1 (%2) accusée.</translation>
    </message>
    <message>
        <source>Alert %1 was already acknowledged on %2 (%3).</source>
        <translation>L&apos;alerte %1 avait déjà été accusée le %2 (%3).</translation>
    </message>
    <message>
        <source>%1 snoozed for 1 day; alert %2 acknowledged.</source>
        <translation>%1 en veille pour 1 jour; alerte %2 accusée.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ChannelSettingsPage</name>
    <message>
        <source>Send &amp;Test</source>
        <translation>Envoyer un &amp;test</translation>
    </message>
    <message>
        <source>Problem with these settings</source>
        <translation>Problème dans ces réglages</translation>
    </message>
    <message>
        <source>Send a test alert with these settings, saved or not</source>
        <translation>Envoyer une alerte de test avec ces réglages, enregistrés ou non</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Breaches and health alerts go out through this channel</source>
        <translation>Les franchissements et les alertes d’état sont envoyés par ce canal</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ChartController</name>
    <message>
        <source>No price history yet for %1</source>
        <translation>Aucun historique des prix pour %1 pour l’instant</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ConnectDialog</name>
    <message>
        <source>&amp;Live account</source>
        <translation>Compte &amp;réel</translation>
    </message>
    <message>
        <source>&amp;Practice account</source>
        <translation>Compte de &amp;pratique</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>Connect to Questrade</source>
        <translation>Se connecter à Questrade</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trailguard reads quotes with a refresh token of a Questrade personal app:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Sign in to Questrade and open the &lt;a href=&quot;%1&quot;&gt;App Hub (API centre)&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Under &lt;b&gt;Personal apps&lt;/b&gt;, register a personal app with the &lt;b&gt;market data&lt;/b&gt; permission (once).&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;New device&lt;/b&gt; to generate a token, and copy it.&lt;/li&gt;&lt;li&gt;Paste it here and say whether it belongs to a live or a practice account.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A token works only once: Trailguard exchanges it at once and keeps the token that replaces it in your keychain, so you paste one only to connect or reconnect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trailguard lit les cotations à l’aide du jeton d’actualisation d’une application personnelle Questrade&#xa0;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Connectez-vous à Questrade et ouvrez l’&lt;a href=&quot;%1&quot;&gt;App Hub (centre API)&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Sous &lt;b&gt;Personal apps&lt;/b&gt; (applications personnelles), inscrivez une application personnelle avec l’autorisation &lt;b&gt;market data&lt;/b&gt; (données de marché), une seule fois.&lt;/li&gt;&lt;li&gt;Cliquez sur &lt;b&gt;New device&lt;/b&gt; (nouvel appareil) pour générer un jeton, puis copiez-le.&lt;/li&gt;&lt;li&gt;Collez-le ici et indiquez s’il appartient à un compte réel ou à un compte de pratique.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Un jeton ne fonctionne qu’une seule fois&#xa0;: Trailguard l’échange aussitôt et conserve dans votre trousseau le jeton qui le remplace; vous n’en collez donc un que pour vous connecter ou vous reconnecter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Paste the refresh token</source>
        <translation>Collez le jeton d’actualisation</translation>
    </message>
    <message>
        <source>Refresh &amp;token:</source>
        <translation>&amp;Jeton d’actualisation&#xa0;:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte&#xa0;:</translation>
    </message>
    <message>
        <source>Paste the refresh token from Questrade&apos;s App Hub first.</source>
        <translation>Collez d’abord le jeton d’actualisation provenant de l’App Hub de Questrade.</translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation>Connexion à Questrade…</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ConnectionBanner</name>
    <message>
        <source>Try the &amp;Demo Market</source>
        <translation>Essayer le marché de &amp;démonstration</translation>
    </message>
    <message>
        <source>Disconnected — reconnect.</source>
        <translation>Déconnecté — reconnectez-vous.</translation>
    </message>
    <message>
        <source>Questrade refused the saved token.</source>
        <translation>Questrade a refusé le jeton enregistré.</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnecter…</translation>
    </message>
    <message>
        <source>No Questrade account connected.</source>
        <translation>Aucun compte Questrade connecté.</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connecter…</translation>
    </message>
    <message>
        <source>Connect to Questrade</source>
        <translation>Se connecter à Questrade</translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub</source>
        <translation>Coller un jeton d’actualisation provenant de l’App Hub de Questrade</translation>
    </message>
    <message>
        <source>Simulated prices on this computer, with a watchlist of their own; no account needed</source>
        <translation>Des prix simulés sur cet ordinateur, avec leur propre liste de surveillance; aucun compte requis</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::CustomIndicatorDialog</name>
    <message>
        <source>Custom Indicator</source>
        <translation>Indicateur personnalisé</translation>
    </message>
    <message>
        <source>Indicator, for example sma:30, ema:12, bb:20,2.5, rsi:7 or macd:8,21,5:</source>
        <translation>Indicateur, par exemple sma:30, ema:12, bb:20,2.5, rsi:7 ou macd:8,21,5 :</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::CycleCostLabel</name>
    <message>
        <source>Full check: %1 s</source>
        <comment>how long the last check of every ticker took</comment>
        <translation>Vérification complète : %1 s</translation>
    </message>
    <message>
        <source>Full check: about %1 s</source>
        <comment>estimated from Questrade&apos;s rate limits</comment>
        <translation>Vérification complète : environ %1 s</translation>
    </message>
    <message>
        <source>%1 — interval too short</source>
        <comment>full check, then a warning</comment>
        <translation>%1 — intervalle trop court</translation>
    </message>
    <message numerus="yes">
        <source>%n ticker(s), quote requests per check: %1. Questrade allows %2 a second and %3 an hour, so a check can start every %4 s at the most.</source>
        <translation>
            <numerusform>%n titre, requêtes de cotes par vérification : %1. Questrade permet %2 par seconde et %3 par heure; une vérification peut donc commencer au plus toutes les %4 s.</numerusform>
            <numerusform>%n titres, requêtes de cotes par vérification : %1. Questrade permet %2 par seconde et %3 par heure; une vérification peut donc commencer au plus toutes les %4 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices are checked every %1 s: set at least %2 s in Settings &gt; General, or turn on streaming.</source>
        <translation>Les prix sont vérifiés toutes les %1 s : indiquez au moins %2 s dans Paramètres &gt; Général, ou activez la diffusion en continu.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::DiscordSettingsPage</name>
    <message>
        <source>&amp;Enable Discord alerts</source>
        <translation>A&amp;ctiver les alertes Discord</translation>
    </message>
    <message>
        <source>https://discord.com/api/webhooks/…</source>
        <translation>https://discord.com/api/webhooks/…</translation>
    </message>
    <message>
        <source>In Discord: the channel&apos;s settings, Integrations, Webhooks, Copy Webhook URL. It works like a password: it is kept in the system keychain.</source>
        <translation>Dans Discord, ouvrez les paramètres du salon, puis Intégrations, Webhooks, Copier l’URL du webhook. Cette URL fonctionne comme un mot de passe&#xa0;: elle est conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation>&amp;URL du webhook&#xa0;:</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::EmailSettingsPage</name>
    <message>
        <source>&amp;Enable email alerts</source>
        <translation>A&amp;ctiver les alertes par courriel</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Outlook / Office 365</source>
        <translation>Outlook / Office 365</translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation>Serveur personnalisé</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Aucune (cet ordinateur seulement)</translation>
    </message>
    <message>
        <source>your full email address</source>
        <translation>votre adresse courriel complète</translation>
    </message>
    <message>
        <source>For Gmail and Outlook, an app password. Kept in the system keychain, never in a file.</source>
        <translation>Pour Gmail et Outlook, un mot de passe d’application. Conservé dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>alerts@example.com</source>
        <translation>alerts@example.com</translation>
    </message>
    <message>
        <source>you@example.com, partner@example.com</source>
        <translation>vous@example.com, partenaire@example.com</translation>
    </message>
    <message>
        <source>One or more addresses, separated by commas</source>
        <translation>Une ou plusieurs adresses, séparées par des virgules</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>&amp;Serveur SMTP&#xa0;:</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Sec&amp;urity:</source>
        <translation>Séc&amp;urité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Expéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Destinataires&#xa0;:</translation>
    </message>
    <message>
        <source>Gmail and Outlook fill in the server; Custom server lets you type it</source>
        <translation>Gmail et Outlook remplissent le serveur; Serveur personnalisé vous permet de le taper</translation>
    </message>
    <message>
        <source>The mail server&apos;s port: 465 for SSL/TLS, 587 for STARTTLS</source>
        <translation>Le port du serveur de courriel&#xa0;: 465 pour SSL/TLS, 587 pour STARTTLS</translation>
    </message>
    <message>
        <source>How the connection to the mail server is encrypted</source>
        <translation>La façon dont la connexion au serveur de courriel est chiffrée</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::EscalationPolicyEditor</name>
    <message>
        <source>Escalate only while the stock&apos;s &amp;market is open</source>
        <translation>Escalader seulement pendant l&apos;ouverture du &amp;marché du titre</translation>
    </message>
    <message>
        <source>off — e.g. %1</source>
        <translation>off — p. ex. %1</translation>
    </message>
    <message>
        <source>Escalation steps</source>
        <translation>Étapes d&apos;escalade</translation>
    </message>
    <message>
        <source>While a breach is not acknowledged, repeat it after each delay through more channels: DELAY:CHANNELS steps separated by &quot;;&quot;, delays in s, m or h from when the alert was raised, channels %1; add &quot;repeat=N&quot; to repeat the last step. &quot;off&quot;: never escalate. Example: %2</source>
        <translation>Tant qu&apos;un franchissement n&apos;est pas accusé, le répéter après chaque délai par d&apos;autres canaux : des étapes DÉLAI:CANAUX séparées par « ; », délais en s, m ou h depuis la levée de l&apos;alerte, canaux %1; ajoutez « repeat=N » pour répéter la dernière étape. « off » : jamais d&apos;escalade. Exemple : %2</translation>
    </message>
    <message>
        <source>A step due while the market is closed waits for the next open; unchecked, steps also go out after the close</source>
        <translation>Une étape due pendant la fermeture du marché attend la prochaine ouverture; décoché, les étapes partent aussi après la clôture</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::GeneralSettingsPage</name>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>Démarrer réduit dans la &amp;zone de notification</translation>
    </message>
    <message>
        <source>Start Trailguard when I &amp;log in</source>
        <translation>Démarrer Trailguard à l’&amp;ouverture de session</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>How often prices are checked while connected: 5 seconds to 1 hour</source>
        <translation>Fréquence de vérification des prix pendant la connexion&#xa0;: de 5 secondes à 1 heure</translation>
    </message>
    <message>
        <source>Set by STOP_LOSS in the environment; unset it to choose here.</source>
        <translation>Défini par STOP_LOSS dans l’environnement; retirez-le pour choisir ici.</translation>
    </message>
    <message>
        <source>Every market day while below the stop</source>
        <translation>Chaque jour de marché tant que le prix reste sous le stop</translation>
    </message>
    <message>
        <source>Once per breach, until the price recovers above the stop</source>
        <translation>Une fois par franchissement, jusqu’à ce que le prix remonte au-dessus du stop</translation>
    </message>
    <message>
        <source>Adds Trailguard, minimised, to the programs your desktop starts</source>
        <translation>Ajoute Trailguard, réduit, aux programmes que votre bureau lance au démarrage</translation>
    </message>
    <message>
        <source>Problem with these settings</source>
        <translation>Problème dans ces réglages</translation>
    </message>
    <message>
        <source>&amp;Check prices every:</source>
        <translation>&amp;Vérifier les prix toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Default stop &amp;ratio:</source>
        <translation>&amp;Ratio du stop par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;peat an alert:</source>
        <translation>Ré&amp;péter une alerte&#xa0;:</translation>
    </message>
    <message>
        <source>Send a &amp;daily digest at</source>
        <translation>Envoyer un &amp;résumé quotidien à</translation>
    </message>
    <message>
        <source>&amp;Quiet hours from</source>
        <translation>Heures de &amp;silence de</translation>
    </message>
    <message>
        <source>One email/ntfy summary a day of the stocks below their stop or near it</source>
        <translation>Un résumé par jour, par courriel et ntfy, des titres sous leur stop ou près de celui-ci</translation>
    </message>
    <message>
        <source>Daily digest time</source>
        <translation>Heure du résumé quotidien</translation>
    </message>
    <message>
        <source>within </source>
        <translation>à moins de </translation>
    </message>
    <message>
        <source> % of the stop</source>
        <translation>&#xa0;% du stop</translation>
    </message>
    <message>
        <source>Digest distance to the stop</source>
        <translation>Distance au stop pour le résumé</translation>
    </message>
    <message>
        <source>Digests and health alerts wait until quiet hours end; breaches never wait</source>
        <translation>Les résumés et les alertes d’état attendent la fin des heures de silence; les franchissements n’attendent jamais</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>Début des heures de silence</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>Fin des heures de silence</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>How often a ticker below its stop is alerted again</source>
        <translation>À quelle fréquence un symbole sous son stop déclenche une nouvelle alerte</translation>
    </message>
    <message>
        <source>Only the tray icon at start; click it to show the window</source>
        <translation>Seulement l’icône de la zone de notification au démarrage; cliquez dessus pour afficher la fenêtre</translation>
    </message>
    <message>
        <source>When the daily digest is sent, in local time</source>
        <translation>Heure d’envoi du résumé quotidien, à l’heure locale</translation>
    </message>
    <message>
        <source>Stocks this close to their stop, in percent, are in the digest too</source>
        <translation>Les titres aussi près de leur stop, en pourcentage, figurent aussi dans le résumé</translation>
    </message>
    <message>
        <source>From this time digests and health alerts wait</source>
        <translation>À partir de cette heure, les résumés et les alertes d’état attendent</translation>
    </message>
    <message>
        <source>At this time what waited is sent</source>
        <translation>À cette heure, ce qui attendait est envoyé</translation>
    </message>
    <message>
        <source>Use &amp;streaming quotes (real time; polls while the stream is down)</source>
        <translation>Utiliser les cotations en &amp;continu (temps réel; interrogation périodique quand le flux est interrompu)</translation>
    </message>
    <message>
        <source>Prices arrive over Questrade&apos;s stream as they trade; off: they are checked every interval</source>
        <translation>Les prix arrivent par le flux de Questrade au fil des transactions; désactivé&#xa0;: ils sont vérifiés à chaque intervalle</translation>
    </message>
    <message>
        <source>Check only while a watched &amp;market is open, for</source>
        <translation>Vérifier seulement pendant qu’un &amp;marché surveillé est ouvert, et jusqu’à</translation>
    </message>
    <message>
        <source>Outside the trading sessions Questrade reports, scheduled checks pause; Check Now always checks</source>
        <translation>En dehors des séances de bourse indiquées par Questrade, les vérifications planifiées sont suspendues; Vérifier maintenant vérifie toujours</translation>
    </message>
    <message>
        <source> min after the close</source>
        <translation> min après la clôture</translation>
    </message>
    <message>
        <source>Grace period after the close</source>
        <translation>Délai de grâce après la clôture</translation>
    </message>
    <message>
        <source>How long checks go on after a market closes, to catch late prints</source>
        <translation>Durée pendant laquelle les vérifications se poursuivent après la fermeture d’un marché, pour capter les transactions tardives</translation>
    </message>
    <message>
        <source>Include e&amp;xtended-hours trades</source>
        <translation>Inclure les transactions &amp;hors séance</translation>
    </message>
    <message>
        <source>Pre-market and after-hours trades raise the peak and can breach a stop; off: stops follow the regular session, and those trades only appear on the chart</source>
        <translation>Les transactions avant l’ouverture et après la clôture relèvent le sommet et peuvent franchir un stop; désactivé&#xa0;: les stops suivent la séance normale, et ces transactions n’apparaissent que sur le graphique</translation>
    </message>
    <message numerus="yes">
        <source>Too short for %n ticker(s) (quote requests per check: %1): Questrade&apos;s limits allow a check every %2 s at the most.</source>
        <translation>
            <numerusform>Trop court pour %n titre (requêtes de cotes par vérification : %1) : les limites de Questrade permettent une vérification toutes les %2 s au plus.</numerusform>
            <numerusform>Trop court pour %n titres (requêtes de cotes par vérification : %1) : les limites de Questrade permettent une vérification toutes les %2 s au plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Escalation:</source>
        <translation>&amp;Escalade :</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::HistoryConversionDialog</name>
    <message>
        <source>Updating Trailguard&apos;s data</source>
        <translation>Mise à jour des données de Trailguard</translation>
    </message>
    <message>
        <source>Converting the price history to a more compact format…</source>
        <translation>Conversion de l’historique des prix vers un format plus compact…</translation>
    </message>
    <message>
        <source>Converting the price history to a more compact format… %1 of %2 prices</source>
        <translation>Conversion de l’historique des prix vers un format plus compact… %1 prix sur %2</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::HistoryProgressIndicator</name>
    <message>
        <source>Loading a year of daily prices for the watched tickers</source>
        <translation>Chargement d’une année de prix quotidiens pour les symboles surveillés</translation>
    </message>
    <message>
        <source>Price history %1/%2</source>
        <translation>Historique des prix %1/%2</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::ImportPositionsDialog</name>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>Import Positions</source>
        <translation>Importer les positions</translation>
    </message>
    <message>
        <source>Pick the accounts to import. Each stock you hold is watched with its average entry price as the entry; tickers you already watch keep their peak and stop and show their position. Trailguard keeps the quantities current while connected.</source>
        <translation>Choisissez les comptes à importer. Chaque titre que vous détenez est surveillé avec son prix d’entrée moyen comme prix d’entrée; les symboles déjà surveillés gardent leur sommet et leur stop et affichent leur position. Trailguard tient les quantités à jour pendant la connexion.</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Avg. entry</source>
        <translation>Entrée moy.</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Valeur marchande</translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation>G/P non réalisés</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Stop = peak × ratio, for the tickers this import adds</source>
        <translation>Stop = sommet × ratio, pour les symboles ajoutés par cette importation</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Stop &amp;ratio for new tickers:</source>
        <translation>&amp;Ratio du stop des nouveaux symboles&#xa0;:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Comptes&#xa0;:</translation>
    </message>
    <message>
        <source>Positions in the checked accounts:</source>
        <translation>Positions des comptes cochés&#xa0;:</translation>
    </message>
    <message>
        <source>Asking Questrade for your accounts…</source>
        <translation>Demande de vos comptes à Questrade…</translation>
    </message>
    <message>
        <source>The accounts could not be read: %1 Check the connection to Questrade, then press Reload.</source>
        <translation>Les comptes n’ont pas pu être lus&#xa0;: %1 Vérifiez la connexion à Questrade, puis appuyez sur Recharger.</translation>
    </message>
    <message>
        <source>Questrade lists no account for this login.</source>
        <translation>Questrade n’indique aucun compte pour cet identifiant.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>account type, then number</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation> (principal)</translation>
    </message>
    <message>
        <source> — %1</source>
        <comment>account status</comment>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Check at least one account.</source>
        <translation>Cochez au moins un compte.</translation>
    </message>
    <message>
        <source>Reading the positions…</source>
        <translation>Lecture des positions…</translation>
    </message>
    <message>
        <source>%1 Press Reload to read the accounts again.</source>
        <translation>%1 Appuyez sur Recharger pour relire les comptes.</translation>
    </message>
    <message>
        <source>Already watched: keeps its peak and stop; position shown</source>
        <translation>Déjà surveillé&#xa0;: garde son sommet et son stop; position affichée</translation>
    </message>
    <message>
        <source>New: entry %1</source>
        <translation>Nouveau&#xa0;: entrée à %1</translation>
    </message>
    <message>
        <source>New: no entry price known</source>
        <translation>Nouveau&#xa0;: aucun prix d’entrée connu</translation>
    </message>
    <message>
        <source>Short position: not imported (a trailing stop guards long positions)</source>
        <translation>Position à découvert&#xa0;: non importée (un stop suiveur protège les positions acheteur)</translation>
    </message>
    <message>
        <source>Option: not imported (only stocks and ETFs can be watched)</source>
        <translation>Option&#xa0;: non importée (seuls les actions et les FNB peuvent être surveillés)</translation>
    </message>
    <message>
        <source>Closed today: nothing held</source>
        <translation>Fermée aujourd’hui&#xa0;: plus rien de détenu</translation>
    </message>
    <message>
        <source>Not a ticker Trailguard can watch</source>
        <translation>Pas un symbole que Trailguard peut surveiller</translation>
    </message>
    <message>
        <source>The checked accounts hold no positions.</source>
        <translation>Les comptes cochés ne détiennent aucune position.</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) can be imported; %1 cannot (see Note).</source>
        <translation>
            <numerusform>%n position peut être importée; %1 ne le peuvent pas (voir Remarque).</numerusform>
            <numerusform>%n positions peuvent être importées; %1 ne le peuvent pas (voir Remarque).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) can be imported.</source>
        <translation>
            <numerusform>%n position peut être importée.</numerusform>
            <numerusform>%n positions peuvent être importées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The positions could not be saved: %1</source>
        <translation>Les positions n’ont pas pu être enregistrées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::IndicatorMenuButton</name>
    <message>
        <source>Simple Moving Average %1</source>
        <translation>Moyenne mobile simple %1</translation>
    </message>
    <message>
        <source>Exponential Moving Average %1</source>
        <translation>Moyenne mobile exponentielle %1</translation>
    </message>
    <message>
        <source>Bollinger Bands %1, %2</source>
        <translation>Bandes de Bollinger %1, %2</translation>
    </message>
    <message>
        <source>RSI %1</source>
        <translation>RSI %1</translation>
    </message>
    <message>
        <source>MACD %1, %2, %3</source>
        <translation>MACD %1, %2, %3</translation>
    </message>
    <message>
        <source>Average True Range %1</source>
        <translation>Étendue vraie moyenne %1</translation>
    </message>
    <message>
        <source>Moving averages, Bollinger Bands, RSI and MACD on the chart</source>
        <translation>Moyennes mobiles, bandes de Bollinger, RSI et MACD sur le graphique</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Indicators (%1)</source>
        <translation>Indicateurs (%1)</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisé…</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Tout retirer</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::MainWindow</name>
    <message>
        <source>Watchlist</source>
        <translation>Liste de surveillance</translation>
    </message>
    <message>
        <source>Filter tickers</source>
        <translation>Filtrer les symboles</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ajouté.</translation>
    </message>
    <message>
        <source>Demo market — simulated prices.</source>
        <translation>Marché de démonstration — prix simulés.</translation>
    </message>
    <message>
        <source>Nothing here is a real quote; breaches are practice.</source>
        <translation>Aucune cotation n’est réelle ici; les franchissements ne sont qu’un exercice.</translation>
    </message>
    <message>
        <source>Watchlist (Demo)</source>
        <translation>Liste de surveillance (démo)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tickers: %1</source>
        <translation>Symboles : %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <comment>tickers</comment>
        <translation>Affichés : %1 sur %2</translation>
    </message>
    <message>
        <source>Shows only the tickers that contain this text (Ctrl+F)</source>
        <translation>N’affiche que les symboles qui contiennent ce texte (Ctrl+F)</translation>
    </message>
    <message>
        <source>Add a ticker to see its chart</source>
        <translation>Ajoutez un symbole pour voir son graphique</translation>
    </message>
    <message>
        <source>Select a ticker to see its chart</source>
        <translation>Sélectionnez un symbole pour voir son graphique</translation>
    </message>
    <message>
        <source>Connect a Questrade account first (Account &gt; Connect to Questrade…).</source>
        <translation>Connectez d’abord un compte Questrade (Compte &gt; Se connecter à Questrade…).</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::MainWindowDialogs</name>
    <message>
        <source>Disconnect Account</source>
        <translation>Déconnecter le compte</translation>
    </message>
    <message>
        <source>Disconnect the Questrade account? Trailguard forgets its token and stops checking prices; to connect again you need a new token from the App Hub.</source>
        <translation>Déconnecter le compte Questrade? Trailguard oubliera son jeton et cessera de vérifier les prix; pour vous reconnecter, il vous faudra un nouveau jeton de l’App Hub.</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::NtfySettingsPage</name>
    <message>
        <source>&amp;Enable ntfy alerts</source>
        <translation>A&amp;ctiver les alertes ntfy</translation>
    </message>
    <message>
        <source>Leave empty for %1; give your own server when self-hosting.</source>
        <translation>Laissez vide pour %1; indiquez votre propre serveur si vous l’hébergez vous-même.</translation>
    </message>
    <message>
        <source>trailguard-alerts, or a full topic URL</source>
        <translation>trailguard-alerts, ou l’URL complète d’un sujet</translation>
    </message>
    <message>
        <source>On a public server the topic works like a password: pick one that is hard to guess. A full URL such as https://ntfy.example.com/mytopic sets the server too.</source>
        <translation>Sur un serveur public, le sujet fonctionne comme un mot de passe&#xa0;: choisissez-en un difficile à deviner. Une URL complète comme https://ntfy.example.com/mytopic définit aussi le serveur.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Only for a protected topic (tk_…). Kept in the system keychain, never in a file.</source>
        <translation>Seulement pour un sujet protégé (tk_…). Conservé dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rveur&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>&amp;Sujet&#xa0;:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Through the dashboard</source>
        <translation>Par le tableau de bord</translation>
    </message>
    <message>
        <source>Reply on ntfy</source>
        <translation>Réponse sur ntfy</translation>
    </message>
    <message>
        <source>No Acknowledge button</source>
        <translation>Aucun bouton Accuser réception</translation>
    </message>
    <message>
        <source>The web dashboard&apos;s address as your phone reaches it (https://). Mails then carry a one-time link that acknowledges the alert, and ntfy messages an &quot;Open dashboard&quot; button. Add its host name to web/hostNames.</source>
        <translation>L&apos;adresse du tableau de bord web telle que votre téléphone la joint (https://). Les courriels portent alors un lien à usage unique qui accuse réception de l&apos;alerte, et les messages ntfy un bouton « Ouvrir le tableau de bord ». Ajoutez son nom d&apos;hôte à web/hostNames.</translation>
    </message>
    <message>
        <source>&amp;Acknowledge button:</source>
        <translation>Bouton &amp;Accuser réception :</translation>
    </message>
    <message>
        <source>&amp;Dashboard address:</source>
        <translation>Adresse du &amp;tableau de bord :</translation>
    </message>
    <message>
        <source>Through the dashboard, since its address is set below.</source>
        <translation>Par le tableau de bord, puisque son adresse est définie ci-dessous.</translation>
    </message>
    <message>
        <source>Reply on ntfy, since the dashboard&apos;s address is not set below.</source>
        <translation>Réponse sur ntfy, puisque l&apos;adresse du tableau de bord n&apos;est pas définie ci-dessous.</translation>
    </message>
    <message>
        <source>The button sends the alert&apos;s one-time code to the dashboard: your phone must reach it at the address below.</source>
        <translation>Le bouton envoie le code à usage unique de l&apos;alerte au tableau de bord : votre téléphone doit le joindre à l&apos;adresse ci-dessous.</translation>
    </message>
    <message>
        <source>Needs the dashboard&apos;s address below; until then the button replies on ntfy.</source>
        <translation>Demande l&apos;adresse du tableau de bord ci-dessous; d&apos;ici là, le bouton répond sur ntfy.</translation>
    </message>
    <message>
        <source>The button publishes the alert&apos;s one-time code to a private topic Trailguard listens to. With an access token, the token travels in the button to your phone.</source>
        <translation>Le bouton publie le code à usage unique de l&apos;alerte sur un sujet privé qu&apos;écoute Trailguard. Avec un jeton d&apos;accès, le jeton voyage dans le bouton jusqu&apos;à votre téléphone.</translation>
    </message>
    <message>
        <source>Breaches come without an Acknowledge button; acknowledge them in the alert history, on the dashboard or with `trailguard alerts ack`.</source>
        <translation>Les franchissements arrivent sans bouton Accuser réception; accusez-les dans l&apos;historique des alertes, sur le tableau de bord ou avec `trailguard alerts ack`.</translation>
    </message>
    <message>
        <source>How ntfy&apos;s Acknowledge button under a breach tells Trailguard the alert was seen; the sentence below says what the chosen way needs.</source>
        <translation>Comment le bouton Accuser réception de ntfy sous un franchissement indique à Trailguard que l&apos;alerte a été vue; la phrase ci-dessous dit ce que la méthode choisie demande.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PortfolioView</name>
    <message>
        <source>Market value of the watched tickers you hold, per currency</source>
        <translation>Valeur marchande des symboles surveillés que vous détenez, par devise</translation>
    </message>
    <message>
        <source>&amp;Keep Watching</source>
        <translation>&amp;Continuer la surveillance</translation>
    </message>
    <message>
        <source>&amp;Stop Watching</source>
        <translation>Cesser la &amp;surveillance</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>ajout de %1</translation>
    </message>
    <message>
        <source>position data for %1</source>
        <translation>données de position pour %1</translation>
    </message>
    <message>
        <source>not added: %1 (%2)</source>
        <translation>échec de l’ajout de %1 (%2)</translation>
    </message>
    <message>
        <source>Accounts imported; no position was picked.</source>
        <translation>Comptes importés; aucune position n’a été choisie.</translation>
    </message>
    <message>
        <source>Positions imported: %1.</source>
        <translation>Positions importées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Positions not updated: %1</source>
        <translation>Positions non mises à jour&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>No longer held: %1.</source>
        <translation>
            <numerusform>N’est plus détenu&#xa0;: %1.</numerusform>
            <numerusform>Ne sont plus détenus&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The imported accounts do not hold %n of these any more. Keep watching?</source>
        <translation>
            <numerusform>Les comptes importés ne détiennent plus %n de ces titres. Continuer la surveillance?</numerusform>
            <numerusform>Les comptes importés ne détiennent plus %n de ces titres. Continuer la surveillance?</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped watching %1.</source>
        <translation>Surveillance de %1 arrêtée.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>currency, then amount</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>(unknown currency)</source>
        <translation>(devise inconnue)</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Avoirs&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceChartPanel</name>
    <message>
        <source>The last trading day</source>
        <translation>Le dernier jour de bourse</translation>
    </message>
    <message>
        <source>The last five trading days</source>
        <translation>Les cinq derniers jours de bourse</translation>
    </message>
    <message>
        <source>The last month</source>
        <translation>Le dernier mois</translation>
    </message>
    <message>
        <source>The last six months</source>
        <translation>Les six derniers mois</translation>
    </message>
    <message>
        <source>The last year</source>
        <translation>La dernière année</translation>
    </message>
    <message>
        <source>All the stored history</source>
        <translation>Tout l’historique enregistré</translation>
    </message>
    <message>
        <source>No price history yet</source>
        <translation>Aucun historique des prix pour l’instant</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>Show the whole range again (Esc)</source>
        <translation>Afficher de nouveau toute la période (Échap)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>1D</source>
        <comment>chart range: one day</comment>
        <translation>1J</translation>
    </message>
    <message>
        <source>5D</source>
        <comment>chart range: five days</comment>
        <translation>5J</translation>
    </message>
    <message>
        <source>1M</source>
        <comment>chart range: one month</comment>
        <translation>1M</translation>
    </message>
    <message>
        <source>6M</source>
        <comment>chart range: six months</comment>
        <translation>6M</translation>
    </message>
    <message>
        <source>1Y</source>
        <comment>chart range: one year</comment>
        <translation>1A</translation>
    </message>
    <message>
        <source>All</source>
        <comment>chart range: all history</comment>
        <translation>Tout</translation>
    </message>
    <message>
        <source>No price history yet for %1</source>
        <translation>Aucun historique des prix pour %1 pour l’instant</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>ticker (currency)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Prix&#xa0;: %1</translation>
    </message>
    <message>
        <source>Price: %1 %2</source>
        <comment>price, currency</comment>
        <translation>Prix&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Peak: %1</source>
        <translation>Sommet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stop: %1</source>
        <translation>Stop&#xa0;: %1</translation>
    </message>
    <message>
        <source>Alert at %1</source>
        <translation>Alerte à %1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alerte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Strategy&apos;s stop before watching</source>
        <translation>Stop de la stratégie avant la surveillance</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD</source>
        <translation>MACD</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>Rules fired</source>
        <translation>Règles déclenchées</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceChartView</name>
    <message>
        <source>Wheel: zoom · Drag: pan · Shift+drag: zoom to a range
Arrow keys: pan and zoom · Double-click or Esc: reset zoom</source>
        <translation>Molette&#xa0;: zoom · Glisser&#xa0;: défiler · Maj+glisser&#xa0;: zoomer sur une plage
Flèches&#xa0;: défiler et zoomer · Double-clic ou Échap&#xa0;: réinitialiser le zoom</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::PriceHistoryImportController</name>
    <message>
        <source>Import Price &amp;History…</source>
        <translation>Importer l’&amp;historique des prix…</translation>
    </message>
    <message>
        <source>Import Price History</source>
        <translation>Importer l’historique des prix</translation>
    </message>
    <message>
        <source>The price history was not imported. Nothing was saved.</source>
        <translation>L’historique des prix n’a pas été importé. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 has no symbol column. Which ticker are its prices for?</source>
        <translation>%1 n’a pas de colonne de symbole. À quel symbole ses prix se rapportent-ils?</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Add price history from a CSV file to the charts</source>
        <translation>Ajouter à partir d’un fichier CSV de l’historique des prix aux graphiques</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::QuestradeSettingsPage</name>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connecter…</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>&amp;Déconnecter…</translation>
    </message>
    <message>
        <source>Questrade connection</source>
        <translation>Connexion Questrade</translation>
    </message>
    <message>
        <source>Paste a refresh token from Questrade&apos;s App Hub, for a live or a practice account</source>
        <translation>Coller un jeton d’actualisation provenant de l’App Hub de Questrade, pour un compte réel ou un compte de pratique</translation>
    </message>
    <message>
        <source>Forget the Questrade token; connecting again needs a new one</source>
        <translation>Oublier le jeton Questrade; pour se reconnecter, il en faudra un nouveau</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected to a practice account</source>
        <translation>Connecté à un compte de pratique</translation>
    </message>
    <message>
        <source>Connected to a live account</source>
        <translation>Connecté à un compte réel</translation>
    </message>
    <message>
        <source>Practice account, offline (retrying by itself)</source>
        <translation>Compte de pratique, hors ligne (nouvelles tentatives automatiques)</translation>
    </message>
    <message>
        <source>Live account, offline (retrying by itself)</source>
        <translation>Compte réel, hors ligne (nouvelles tentatives automatiques)</translation>
    </message>
    <message>
        <source>Disconnected: Questrade refused the token, connect again</source>
        <translation>Déconnecté&#xa0;: Questrade a refusé le jeton, connectez-vous de nouveau</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnecter…</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RatioSpinBox</name>
    <message>
        <source>Stop = peak × ratio; 0.90 keeps the stop 10% below the highest price.</source>
        <translation>Stop = sommet × ratio; 0,90 place le stop 10 % sous le prix le plus haut.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RuleChecklist</name>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>A&amp;dd Rule</source>
        <translation>A&amp;jouter une règle</translation>
    </message>
    <message>
        <source>Alert rules to backtest</source>
        <translation>Règles d’alerte à tester</translation>
    </message>
    <message>
        <source>Check the alert rules to replay beside the strategies; Space toggles one</source>
        <translation>Cochez les règles d’alerte à rejouer à côté des stratégies ; Espace en coche une</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>Règle d’alerte</translation>
    </message>
    <message>
        <source>e.g. cross-below-sma:50 or rsi-below:14,30</source>
        <translation>p. ex. cross-below-sma:50 ou rsi-below:14,30</translation>
    </message>
    <message>
        <source>cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or target:P</source>
        <translation>cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K ou target:P</translation>
    </message>
    <message>
        <source>Add alert rule</source>
        <translation>Ajouter la règle d’alerte</translation>
    </message>
    <message>
        <source>Add the rule typed beside to the list, checked</source>
        <translation>Ajouter à la liste, cochée, la règle saisie à côté</translation>
    </message>
    <message>
        <source>Alert rule error</source>
        <translation>Erreur de règle d’alerte</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::RulesDialog</name>
    <message>
        <source>Closes below its moving average</source>
        <translation>Clôture sous sa moyenne mobile</translation>
    </message>
    <message>
        <source>N: days of the simple moving average</source>
        <translation>N : jours de la moyenne mobile simple</translation>
    </message>
    <message>
        <source>Closes above its moving average</source>
        <translation>Clôture au-dessus de sa moyenne mobile</translation>
    </message>
    <message>
        <source>RSI falls below</source>
        <translation>Le RSI passe sous</translation>
    </message>
    <message>
        <source>N,X: RSI days, level (0-100)</source>
        <translation>N,X : jours du RSI, niveau (0-100)</translation>
    </message>
    <message>
        <source>RSI rises above</source>
        <translation>Le RSI passe au-dessus de</translation>
    </message>
    <message>
        <source>MACD crosses below its signal line</source>
        <translation>Le MACD croise sous sa ligne de signal</translation>
    </message>
    <message>
        <source>F,S,G: fast, slow and signal days</source>
        <translation>F,S,G : jours rapide, lent et du signal</translation>
    </message>
    <message>
        <source>MACD crosses above its signal line</source>
        <translation>Le MACD croise au-dessus de sa ligne de signal</translation>
    </message>
    <message>
        <source>Closes below the lower Bollinger band</source>
        <translation>Clôture sous la bande de Bollinger inférieure</translation>
    </message>
    <message>
        <source>N,K: days, band width in deviations</source>
        <translation>N,K : jours, largeur de bande en écarts-types</translation>
    </message>
    <message>
        <source>Closes above the upper Bollinger band</source>
        <translation>Clôture au-dessus de la bande de Bollinger supérieure</translation>
    </message>
    <message>
        <source>Reaches a target price</source>
        <translation>Atteint un prix cible</translation>
    </message>
    <message>
        <source>P: the price (take-profit)</source>
        <translation>P : le prix (prise de bénéfice)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Rules for %1</source>
        <translation>Règles de %1</translation>
    </message>
    <message>
        <source>Besides its stop, %1 alerts when one of these happens at a market day&apos;s close (once a day, when it did not hold the day before):</source>
        <translation>En plus de son stop, %1 alerte quand l’un de ces cas se produit à la clôture d’un jour de bourse (une fois par jour, si ce n’était pas le cas la veille) :</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Rule parameters</source>
        <translation>Paramètres de la règle</translation>
    </message>
    <message>
        <source>&amp;New rule:</source>
        <translation>&amp;Nouvelle règle :</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>&amp;Paramètres :</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ajoutée.</translation>
    </message>
    <message>
        <source>No rules yet: only the stop alerts.</source>
        <translation>Aucune règle pour l’instant : seul le stop alerte.</translation>
    </message>
    <message>
        <source>Adds %1</source>
        <translation>Ajoute %1</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Questrade</source>
        <translation>Questrade</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Zone de notification</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>État des réglages</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The alert settings could not be read: %1</source>
        <translation>Les réglages d’alerte n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: the alert settings could not be read (%1).</source>
        <translation>Rien n’a été enregistré&#xa0;: les réglages d’alerte n’ont pas pu être lus (%1).</translation>
    </message>
    <message>
        <source>Nothing was saved: the alert settings are still loading. Try again in a moment.</source>
        <translation>Rien n’a été enregistré&#xa0;: les réglages d’alerte sont encore en cours de chargement. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation>Enregistrer les réglages et fermer</translation>
    </message>
    <message>
        <source>Save the settings and keep this window open</source>
        <translation>Enregistrer les réglages et garder cette fenêtre ouverte</translation>
    </message>
    <message>
        <source>Close without saving (Escape)</source>
        <translation>Fermer sans enregistrer (Échap)</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::StatusPanel</name>
    <message>
        <source>Last check: %1</source>
        <translation>Dernière vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Questrade: not connected</source>
        <translation>Questrade&#xa0;: non connecté</translation>
    </message>
    <message>
        <source>Questrade: connecting…</source>
        <translation>Questrade&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>Questrade: connected</source>
        <translation>Questrade&#xa0;: connecté</translation>
    </message>
    <message>
        <source>Questrade: offline</source>
        <translation>Questrade&#xa0;: hors ligne</translation>
    </message>
    <message>
        <source>Questrade: disconnected</source>
        <translation>Questrade&#xa0;: déconnecté</translation>
    </message>
    <message>
        <source>Demo market</source>
        <translation>Marché de démonstration</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Last check failed: %1</source>
        <translation>La dernière vérification a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Next check: %1</source>
        <translation>Prochaine vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>No Questrade account connected</source>
        <translation>Aucun compte Questrade connecté</translation>
    </message>
    <message>
        <source>Disconnected: reconnect needed</source>
        <translation>Déconnecté&#xa0;: reconnexion nécessaire</translation>
    </message>
    <message>
        <source>Connecting to Questrade…</source>
        <translation>Connexion à Questrade…</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Hors ligne, nouvel essai en cours</translation>
    </message>
    <message>
        <source>Offline, retrying; last check %1</source>
        <translation>Hors ligne, nouvel essai en cours; dernière vérification à %1</translation>
    </message>
    <message>
        <source>watching 1 ticker</source>
        <translation>1 symbole surveillé</translation>
    </message>
    <message>
        <source>watching %1 tickers</source>
        <translation>%1 symboles surveillés</translation>
    </message>
    <message>
        <source>%1, checking now</source>
        <comment>watching N tickers, ...</comment>
        <translation>%1, vérification en cours</translation>
    </message>
    <message>
        <source>%1, not checked yet</source>
        <comment>watching N tickers, ...</comment>
        <translation>%1, aucune vérification pour l’instant</translation>
    </message>
    <message>
        <source>%1, last check %2</source>
        <comment>watching N tickers, last check 10:42</comment>
        <translation>%1, dernière vérification à %2</translation>
    </message>
    <message>
        <source>Demo market: %1</source>
        <translation>Marché de démonstration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Prices are checked while a watched market is open; Check Now works at any time.</source>
        <translation>Les prix sont vérifiés pendant qu’un marché surveillé est ouvert; Vérifier maintenant fonctionne en tout temps.</translation>
    </message>
    <message>
        <source>Quotes: streaming live</source>
        <translation>Cotations&#xa0;: en direct</translation>
    </message>
    <message>
        <source>Real-time quotes arrive over Questrade&apos;s stream; polling only backs it up.</source>
        <translation>Les cotations en temps réel arrivent par le flux de Questrade; l’interrogation périodique ne sert que de relève.</translation>
    </message>
    <message>
        <source>Quotes: connecting stream…</source>
        <translation>Cotations&#xa0;: connexion au flux…</translation>
    </message>
    <message>
        <source>Setting up the real-time stream; prices are polled meanwhile.</source>
        <translation>Mise en place du flux en temps réel; les prix sont interrogés périodiquement entre-temps.</translation>
    </message>
    <message>
        <source>Quotes: polling</source>
        <translation>Cotations&#xa0;: interrogation périodique</translation>
    </message>
    <message>
        <source>Prices are checked every interval (the stream is off or down).</source>
        <translation>Les prix sont vérifiés à chaque intervalle (le flux est désactivé ou interrompu).</translation>
    </message>
    <message>
        <source>%1; quotes streaming live</source>
        <comment>watching N tickers, last check 10:42; ...</comment>
        <translation>%1; cotations en direct</translation>
    </message>
    <message>
        <source>streaming %1 of %2 tickers; %3 on polling</source>
        <comment>streaming 800 of 1,000 tickers; 200 on polling</comment>
        <translation>%1 symboles sur %2 en continu; %3 en interrogation périodique</translation>
    </message>
    <message>
        <source>Quotes: %1</source>
        <comment>Quotes: streaming 800 of 1,000 tickers; ...</comment>
        <translation>Cotations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Some of the streams are not live (refused by the server, or reconnecting): their tickers are polled every interval meanwhile.</source>
        <translation>Certains flux ne sont pas en direct (refusés par le serveur ou en reconnexion)&#xa0;: leurs symboles sont interrogés à chaque intervalle entre-temps.</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>watching N tickers, last check 10:42; streaming 800 of 1,000 tickers; ...</comment>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::StrategyChecklist</name>
    <message>
        <source>Strategies</source>
        <translation>Stratégies</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Strategies to backtest</source>
        <translation>Stratégies à tester</translation>
    </message>
    <message>
        <source>Check the strategies to replay; Space toggles one</source>
        <translation>Cochez les stratégies à rejouer; la barre d’espacement coche ou décoche</translation>
    </message>
    <message>
        <source>Custom strategy</source>
        <translation>Stratégie personnalisée</translation>
    </message>
    <message>
        <source>e.g. trailing:0.92 or atr:20,2.5</source>
        <translation>p. ex. trailing:0.92 ou atr:20,2.5</translation>
    </message>
    <message>
        <source>trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K</source>
        <translation>trailing:R, fixed:P, fixed-pct:R, activation:R,A ou atr:N,K</translation>
    </message>
    <message>
        <source>Add custom strategy</source>
        <translation>Ajouter la stratégie personnalisée</translation>
    </message>
    <message>
        <source>Add the strategy typed beside to the list, checked</source>
        <translation>Ajouter à la liste, cochée, la stratégie tapée à côté</translation>
    </message>
    <message>
        <source>Custom strategy error</source>
        <translation>Erreur de la stratégie personnalisée</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>spec — description</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TelegramSettingsPage</name>
    <message>
        <source>&amp;Enable Telegram alerts</source>
        <translation>&amp;Activer les alertes Telegram</translation>
    </message>
    <message>
        <source>C&amp;heck bot</source>
        <translation>&amp;Vérifier le bot</translation>
    </message>
    <message>
        <source>123456789:AA… from @BotFather</source>
        <translation>123456789:AA… de @BotFather</translation>
    </message>
    <message>
        <source>Stored in the keychain, never in a file.</source>
        <translation>Conservé dans le trousseau, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>your chat&apos;s number, or @channelname</source>
        <translation>le numéro de votre conversation, ou @nomdechaîne</translation>
    </message>
    <message>
        <source>Send your bot a message, then find the chat&apos;s number as the README explains. A group&apos;s number is negative.</source>
        <translation>Écrivez à votre bot, puis trouvez le numéro de la conversation comme l&apos;explique le README. Le numéro d&apos;un groupe est négatif.</translation>
    </message>
    <message>
        <source>Leave empty unless you run your own Bot API server.</source>
        <translation>Laissez vide sauf si vous exploitez votre propre serveur d&apos;API Bot.</translation>
    </message>
    <message>
        <source>Ask Telegram whether the token is right, and the bot&apos;s name</source>
        <translation>Demander à Telegram si le jeton est bon, et le nom du bot</translation>
    </message>
    <message>
        <source>Bot &amp;token:</source>
        <translation>&amp;Jeton du bot :</translation>
    </message>
    <message>
        <source>&amp;Chat id:</source>
        <translation>&amp;Id de conversation :</translation>
    </message>
    <message>
        <source>Bot &amp;API server:</source>
        <translation>&amp;Serveur de l&apos;API Bot :</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Connected to @%1</source>
        <translation>Connecté à @%1</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TickerCommands</name>
    <message>
        <source>Remove Ticker</source>
        <translation>Retirer le symbole</translation>
    </message>
    <message>
        <source>Remove %1 from the watchlist? Its peak and stop are forgotten.</source>
        <translation>Retirer %1 de la liste de surveillance? Son sommet et son stop seront oubliés.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 retiré.</translation>
    </message>
    <message>
        <source>The peak of %1 restarts at %2; the stop is now %3.</source>
        <translation>Le sommet de %1 repart de %2; le stop est maintenant à %3.</translation>
    </message>
    <message>
        <source>The peak of %1 is cleared; it restarts at the next price.</source>
        <translation>Le sommet de %1 est effacé; il repartira du prochain prix.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TrayIcon</name>
    <message>
        <source>&amp;Quit Trailguard</source>
        <translation>&amp;Quitter Trailguard</translation>
    </message>
    <message>
        <source>Trailguard — %1</source>
        <translation>Trailguard — %1</translation>
    </message>
    <message>
        <source>&amp;Hide Window</source>
        <translation>&amp;Masquer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Afficher la fenêtre</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::TraySettingsPage</name>
    <message>
        <source>&amp;Pop up breaches from the tray icon</source>
        <translation>Afficher les &amp;franchissements dans une bulle de l’icône de la zone de notification</translation>
    </message>
    <message>
        <source>There is no system tray on this desktop to show the message in.</source>
        <translation>Ce bureau n’a pas de zone de notification où afficher le message.</translation>
    </message>
    <message>
        <source>Shown by the tray icon</source>
        <translation>Affiché par l’icône de la zone de notification</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WatchlistModel</name>
    <message>
        <source>not found</source>
        <comment>no such listing at the broker</comment>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>%1 (halted)</source>
        <comment>a price; trading is halted</comment>
        <translation>%1 (suspendu)</translation>
    </message>
    <message>
        <source>halted</source>
        <comment>trading is halted and no price is known</comment>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>distance to stop in percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 below stop</source>
        <comment>e.g. -1.2% below stop</comment>
        <translation>%1 sous le stop</translation>
    </message>
    <message>
        <source>%1 near stop</source>
        <comment>e.g. 1.5% near stop</comment>
        <translation>%1 près du stop</translation>
    </message>
    <message>
        <source>%1, entry price %2</source>
        <translation>%1, prix d’entrée %2</translation>
    </message>
    <message>
        <source>Trading was halted at the last quote; no price received yet.</source>
        <translation>La négociation était suspendue à la dernière cotation; aucun prix reçu pour l’instant.</translation>
    </message>
    <message>
        <source>No price received yet.</source>
        <translation>Aucun prix reçu pour l’instant.</translation>
    </message>
    <message>
        <source>Last trade at %1</source>
        <translation>Dernière transaction : %1</translation>
    </message>
    <message>
        <source>The quote is delayed (shown in italics).</source>
        <translation>La cotation est différée (affichée en italique).</translation>
    </message>
    <message>
        <source>Trading was halted at the last quote.</source>
        <translation>La négociation était suspendue à la dernière cotation.</translation>
    </message>
    <message>
        <source>The last price is below the stop.</source>
        <translation>Le dernier prix est sous le stop.</translation>
    </message>
    <message>
        <source>The last price is within %1% of the stop.</source>
        <translation>Le dernier prix est à moins de %1 % du stop.</translation>
    </message>
    <message>
        <source>How far the price can fall before it reaches the stop.</source>
        <translation>De combien le prix peut baisser avant d’atteindre le stop.</translation>
    </message>
    <message>
        <source>Shown once both a price and a stop are known.</source>
        <translation>Affiché dès qu’un prix et un stop sont connus.</translation>
    </message>
    <message>
        <source>Stop = peak × ratio. Double-click to change it.</source>
        <translation>Stop = sommet × ratio. Double-cliquez pour le modifier.</translation>
    </message>
    <message>
        <source>No alert raised yet.</source>
        <translation>Aucune alerte pour l’instant.</translation>
    </message>
    <message>
        <source>Questrade has no listing for %1. Remove it and add the ticker as Questrade writes it (for example RY.TO for Toronto).</source>
        <translation>Questrade ne connaît pas %1. Retirez-le et ajoutez le symbole tel que Questrade l’écrit (par exemple RY.TO pour Toronto).</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Last price</source>
        <translation>Dernier prix</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>To stop</source>
        <translation>Jusqu’au stop</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Last alert</source>
        <translation>Dernière alerte</translation>
    </message>
    <message>
        <source>%1 (snoozed until %2)</source>
        <comment>last alert, then the end of the snooze</comment>
        <translation>%1 (en sourdine jusqu’au %2)</translation>
    </message>
    <message>
        <source>How the stop moves. Double-click to change it: trailing:R (stop = peak × R), fixed:P (stop at P), fixed-pct:R (entry × R), activation:R,A (entry × R until the price is A above the entry, then trailing), atr:N,K (highest high of N days − K × ATR).</source>
        <translation>La façon dont le stop évolue. Double-cliquez pour la modifier&#xa0;: trailing:R (stop = sommet × R), fixed:P (stop à P), fixed-pct:R (entrée × R), activation:R,A (entrée × R jusqu’à ce que le prix dépasse l’entrée de A, puis suivi), atr:N,K (plus haut des N derniers jours − K × ATR).</translation>
    </message>
    <message>
        <source>No price history for the last month yet.</source>
        <translation>Aucun historique des prix pour le dernier mois pour l’instant.</translation>
    </message>
    <message>
        <source>Last month: from %1 to %2 (low %3, high %4)</source>
        <translation>Dernier mois&#xa0;: de %1 à %2 (plus bas %3, plus haut %4)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Valeur marchande</translation>
    </message>
    <message>
        <source>Open P/L</source>
        <translation>G/P non réalisés</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Dernier mois</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Not held in the imported accounts (File &gt; Import Positions…).</source>
        <translation>Non détenu dans les comptes importés (Fichier &gt; Importer les positions…).</translation>
    </message>
    <message numerus="yes">
        <source>%n share(s) in account(s) %1</source>
        <translation>
            <numerusform>%n action dans le ou les comptes %1</numerusform>
            <numerusform>%n actions dans le ou les comptes %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Average entry price %1</source>
        <translation>Prix d’entrée moyen %1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>En date du %1</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <comment>the last saved price; the newer one could not be saved</comment>
        <translation>%1 (non enregistré)</translation>
    </message>
    <message>
        <source>The newest price of %1 could not be saved, so its stop is not kept up to date and it raises no alert (the other tickers are watched). Reason: %2</source>
        <translation>Le prix le plus récent de %1 n’a pas pu être enregistré; son stop n’est donc pas tenu à jour et il ne déclenche aucune alerte (les autres symboles sont surveillés). Raison&#xa0;: %2</translation>
    </message>
    <message>
        <source>Enter the ratio as a number from 0.01 to less than 1, for example 0.9.</source>
        <translation>Entrez le ratio sous la forme d’un nombre de 0.01 à moins de 1, par exemple 0.9.</translation>
    </message>
    <message>
        <source>No alert rules beside the stop. Edit Rules… adds some.</source>
        <translation>Aucune règle d’alerte à côté du stop. Modifier les règles… en ajoute.</translation>
    </message>
    <message>
        <source>Alert rules beside the stop:
%1</source>
        <translation>Règles d’alerte à côté du stop :
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n rules</source>
        <translation>
            <numerusform>%n règle</numerusform>
            <numerusform>%n règles</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WatchlistTableView</name>
    <message>
        <source>Watchlist</source>
        <translation>Liste de surveillance</translation>
    </message>
    <message>
        <source>Each ticker with its price, peak, stop and distance to the stop; F2 edits the ratio, Delete removes</source>
        <translation>Chaque symbole avec son prix, son sommet, son stop et sa distance jusqu’au stop; F2 modifie le ratio, Suppr le retire</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WelcomeAccountPage</name>
    <message>
        <source>Connect your Questrade account</source>
        <translation>Connectez votre compte Questrade</translation>
    </message>
    <message>
        <source>Trailguard reads quotes through your account. It never places orders.</source>
        <translation>Trailguard lit les cotations au moyen de votre compte. Il ne passe jamais d’ordres.</translation>
    </message>
    <message>
        <source>&lt;p&gt;To create a refresh token:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Log in to Questrade and open the &lt;a href=&quot;%1&quot;&gt;App Hub&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Register a personal app with market data access (or open the one you have).&lt;/li&gt;&lt;li&gt;Choose &lt;i&gt;New device&lt;/i&gt; and generate a new token.&lt;/li&gt;&lt;li&gt;Press &lt;b&gt;Connect Questrade Account…&lt;/b&gt; below, paste the token and choose a live or a practice account.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;A token works once; Trailguard keeps the rotating chain in your keychain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour créer un jeton d’actualisation&#xa0;:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Connectez-vous à Questrade et ouvrez l’&lt;a href=&quot;%1&quot;&gt;App Hub&lt;/a&gt;.&lt;/li&gt;&lt;li&gt;Inscrivez une application personnelle avec l’accès aux données de marché (ou ouvrez celle que vous avez déjà).&lt;/li&gt;&lt;li&gt;Choisissez &lt;i&gt;New device&lt;/i&gt; (nouvel appareil) et générez un nouveau jeton.&lt;/li&gt;&lt;li&gt;Appuyez sur &lt;b&gt;Connecter le compte Questrade…&lt;/b&gt; ci-dessous, collez le jeton et choisissez un compte réel ou un compte de pratique.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Un jeton ne fonctionne qu’une fois; Trailguard conserve dans votre trousseau la chaîne de jetons qui se renouvellent.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How to create a refresh token</source>
        <translation>Comment créer un jeton d’actualisation</translation>
    </message>
    <message>
        <source>The steps in Questrade&apos;s App Hub</source>
        <translation>Les étapes dans l’App Hub de Questrade</translation>
    </message>
    <message>
        <source>&amp;Connect Questrade Account…</source>
        <translation>&amp;Connecter le compte Questrade…</translation>
    </message>
    <message>
        <source>Connect Questrade Account</source>
        <translation>Connecter le compte Questrade</translation>
    </message>
    <message>
        <source>Paste a refresh token for a live or a practice account</source>
        <translation>Coller un jeton d’actualisation d’un compte réel ou d’un compte de pratique</translation>
    </message>
    <message>
        <source>Try the &amp;Demo Market</source>
        <translation>Essayer le marché de &amp;démonstration</translation>
    </message>
    <message>
        <source>Try the Demo Market</source>
        <translation>Essayer le marché de démonstration</translation>
    </message>
    <message>
        <source>Simulated prices on this computer, with a watchlist of their own; no account needed</source>
        <translation>Des prix simulés sur cet ordinateur, avec leur propre liste de surveillance; aucun compte requis</translation>
    </message>
    <message>
        <source>Account status</source>
        <translation>État du compte</translation>
    </message>
    <message>
        <source>Whether an account is connected</source>
        <translation>Indique si un compte est connecté</translation>
    </message>
    <message>
        <source>You are trying the demo market: simulated prices, a watchlist of its own. Connect your account whenever you like.</source>
        <translation>Vous essayez le marché de démonstration&#xa0;: des prix simulés, avec sa propre liste de surveillance. Connectez votre compte quand vous le voudrez.</translation>
    </message>
    <message>
        <source>Connected to the demo market.</source>
        <translation>Connecté au marché de démonstration.</translation>
    </message>
    <message>
        <source>Your account is connected.</source>
        <translation>Votre compte est connecté.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>No account is connected yet.</source>
        <translation>Aucun compte n’est encore connecté.</translation>
    </message>
</context>
<context>
    <name>trailguard::ui::WelcomeWizard</name>
    <message>
        <source>Welcome to Trailguard</source>
        <translation>Bienvenue dans Trailguard</translation>
    </message>
    <message>
        <source>Five optional steps: account, tickers, default ratio, alerts, done</source>
        <translation>Cinq étapes facultatives&#xa0;: compte, symboles, ratio par défaut, alertes, terminé</translation>
    </message>
    <message>
        <source>&amp;Skip This Step</source>
        <translation>&amp;Passer cette étape</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Go to the next step without saving this one</source>
        <translation>Passer à l’étape suivante sans enregistrer celle-ci</translation>
    </message>
    <message>
        <source>The previous step (Alt+Left)</source>
        <translation>L’étape précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Save this step and go to the next one</source>
        <translation>Enregistrer cette étape et passer à la suivante</translation>
    </message>
    <message>
        <source>Close the welcome</source>
        <translation>Fermer l’accueil</translation>
    </message>
    <message>
        <source>Close the welcome; Help &gt; Welcome opens it again</source>
        <translation>Fermer l’accueil; Aide &gt; Bienvenue le rouvre</translation>
    </message>
    <message>
        <source>Choose what to guard</source>
        <translation>Choisissez quoi protéger</translation>
    </message>
    <message>
        <source>Import the positions you hold, or add tickers one by one (SHOP.TO, AAPL, ...).</source>
        <translation>Importez les positions que vous détenez, ou ajoutez des symboles un à un (SHOP.TO, AAPL, ...).</translation>
    </message>
    <message>
        <source>&amp;Import Positions…</source>
        <translation>&amp;Importer les positions…</translation>
    </message>
    <message>
        <source>Import Positions</source>
        <translation>Importer les positions</translation>
    </message>
    <message>
        <source>Watch the symbols your Questrade accounts hold, with their average price as the entry</source>
        <translation>Surveiller les symboles que détiennent vos comptes Questrade, avec leur prix moyen comme prix d’entrée</translation>
    </message>
    <message>
        <source>Watched tickers</source>
        <translation>Symboles surveillés</translation>
    </message>
    <message>
        <source>The tickers on the watchlist so far</source>
        <translation>Les symboles déjà dans la liste de surveillance</translation>
    </message>
    <message>
        <source>Choose the default stop ratio</source>
        <translation>Choisissez le ratio du stop par défaut</translation>
    </message>
    <message>
        <source>New tickers start with it. At 0.90 the stop follows 10% below the highest price seen.</source>
        <translation>Les nouveaux symboles commencent avec ce ratio. À 0,90, le stop suit à 10&#xa0;% sous le prix le plus haut observé.</translation>
    </message>
    <message>
        <source>Default stop ratio</source>
        <translation>Ratio du stop par défaut</translation>
    </message>
    <message>
        <source>Greater than 0 and less than 1; 0.90 keeps the stop 10% below the peak</source>
        <translation>Supérieur à 0 et inférieur à 1; 0,90 maintient le stop 10&#xa0;% sous le sommet</translation>
    </message>
    <message>
        <source>Default &amp;ratio:</source>
        <translation>&amp;Ratio par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>STOP_LOSS sets the default ratio in this environment.</source>
        <translation>STOP_LOSS définit le ratio par défaut dans cet environnement.</translation>
    </message>
    <message>
        <source>Get alerts away from the computer</source>
        <translation>Recevez des alertes loin de l’ordinateur</translation>
    </message>
    <message>
        <source>Breaches always show in the tray. Choose one more channel, fill it in and press Send test; Settings has the others.</source>
        <translation>Les franchissements s’affichent toujours dans la zone de notification. Choisissez un canal de plus, remplissez-le et appuyez sur Envoyer un test; les Réglages offrent les autres.</translation>
    </message>
    <message>
        <source>Alert channel</source>
        <translation>Canal d’alerte</translation>
    </message>
    <message>
        <source>Email, Discord or ntfy</source>
        <translation>Courriel, Discord ou ntfy</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>Alert channel status</source>
        <translation>État du canal d’alerte</translation>
    </message>
    <message>
        <source>Whether the channel was saved, or why not</source>
        <translation>Indique si le canal a été enregistré, ou pourquoi il ne l’a pas été</translation>
    </message>
    <message>
        <source>Alert channels are set up in Settings.</source>
        <translation>Les canaux d’alerte se configurent dans les Réglages.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The alert settings could not be read: %1</source>
        <translation>Les réglages d’alerte n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 Fill it in, or press Skip This Step.</source>
        <translation>%1 Remplissez-le, ou appuyez sur Passer cette étape.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>You are all set</source>
        <translation>Tout est prêt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>What the welcome set up</source>
        <translation>Ce que l’accueil a configuré</translation>
    </message>
    <message>
        <source>Trailguard keeps watching from the tray when the window is closed. Settings (Ctrl+,) has everything else; Help &gt; Welcome opens these steps again.</source>
        <translation>Trailguard continue de surveiller depuis la zone de notification quand la fenêtre est fermée. Les Réglages (Ctrl+,) offrent tout le reste; Aide &gt; Bienvenue rouvre ces étapes.</translation>
    </message>
    <message>
        <source>Market: the demo market.</source>
        <translation>Marché&#xa0;: le marché de démonstration.</translation>
    </message>
    <message>
        <source>Account: connected.</source>
        <translation>Compte&#xa0;: connecté.</translation>
    </message>
    <message>
        <source>Account: not connected yet (Account &gt; Connect to Questrade).</source>
        <translation>Compte&#xa0;: pas encore connecté (Compte &gt; Se connecter à Questrade).</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n ticker(s).</source>
        <translation>
            <numerusform>%n symbole surveillé.</numerusform>
            <numerusform>%n symboles surveillés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Default ratio: %1.</source>
        <translation>Ratio par défaut&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Alerts: the tray.</source>
        <translation>Alertes&#xa0;: la zone de notification.</translation>
    </message>
    <message>
        <source>Alerts: the tray and %1.</source>
        <translation>Alertes&#xa0;: la zone de notification et %1.</translation>
    </message>
</context>
</TS>
