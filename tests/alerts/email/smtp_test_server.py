#!/usr/bin/python3
"""A real SMTP server on loopback for tst_emailchannel, built on aiosmtpd's Controller.

    smtp_test_server.py --port N [--cert server.pem --key server.key [--implicit-tls]]
                        [--user NAME --password SECRET]

With a certificate the server offers STARTTLS and requires it before anything else (or, with
--implicit-tls, speaks TLS from the first byte). With a user it requires AUTH, accepts only that
user and password (aiosmtpd answers "535 5.7.8 Authentication credentials invalid" otherwise), and
only after TLS. RCPT TO busy@... is answered 450 and nobody@... 550.

It prints "READY <port>" once it accepts connections, then one JSON line per received message: the
envelope, whether TLS and AUTH were used, and the message as Python's email package parses it
(decoded Subject, both bodies), plus the raw content. It runs until it is killed.
"""

import argparse
import email
import email.policy
import json
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, implicit_tls):
        self.implicit_tls = implicit_tls

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # Mailboxes that answer like a real server would: busy (try later) or unknown (never).
        if address.startswith("busy@"):
            return "450 4.2.1 Mailbox busy, try again later"
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        bodies = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                bodies.setdefault(part.get_content_type(), part.get_content())
        auth_user = session.auth_data
        if isinstance(auth_user, bytes):
            auth_user = auth_user.decode("utf-8")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": self.implicit_tls or session.ssl is not None,
            "auth_user": auth_user,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "x_priority": message.get("X-Priority"),
            "content_type": message.get_content_type(),
            "text": bodies.get("text/plain"),
            "html": bodies.get("text/html"),
            "raw": raw.decode("utf-8", "replace"),
        }
        print(json.dumps(record), flush=True)
        return "250 2.0.0 OK: queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    options = {"hostname": "127.0.0.1", "port": args.port}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.implicit_tls:
            options["ssl_context"] = context
        else:
            options["tls_context"] = context
            options["require_starttls"] = True
    if args.user:
        expected = LoginPassword(args.user.encode("utf-8"), (args.password or "").encode("utf-8"))

        def authenticator(server, session, envelope, mechanism, auth_data):
            if auth_data == expected:
                return AuthResult(success=True, auth_data=expected.login)
            return AuthResult(success=False, handled=False)

        options["authenticator"] = authenticator
        options["auth_required"] = True
        # With implicit TLS aiosmtpd does not count the connection as TLS; it is encrypted anyway.
        options["auth_require_tls"] = not args.implicit_tls

    controller = Controller(Recorder(args.implicit_tls), **options)
    controller.start()
    print(f"READY {args.port}", flush=True)
    threading.Event().wait()  # until killed


if __name__ == "__main__":
    sys.exit(main())
