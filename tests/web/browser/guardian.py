"""The real `trailguard --headless --demo --web` process for the browser tests, and the CLI beside it."""
import ctypes
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

# The variables that configure a developer's own account and channels never reach the test's process.
_PRIVATE_VARIABLES = ('refresh_token', 'QUESTRADE_REFRESH_TOKEN', 'STOP_LOSS', 'encryption_key', 'NTFY_CHANNEL',
                      'NTFY_TOKEN', 'WEB_HOOK_URL', 'BOT_EMAIL', 'USER_EMAIL', 'EMAIL_PASSWORD', 'PROVIDER',
                      'SMTP_HOST', 'TRAILGUARD_WEB_PASSWORD')
_PR_SET_PDEATHSIG = 1


def die_with_parent():
    """preexec_fn: the child is killed when this test process dies, however it dies."""
    libc = ctypes.CDLL('libc.so.6', use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def wait_until(predicate, timeout, what, interval=0.1):
    """Polls `predicate` until it returns something true, or fails saying `what` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f'timed out after {timeout} s waiting for {what}')
        time.sleep(interval)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


class Guardian:
    def __init__(self, executable, data_dir, log_path, password):
        self.executable = executable
        self.data_dir = data_dir
        self.log_path = log_path
        self.password = password
        self.port = None
        self.process = None
        self.log = None
        self.environment = {name: value for name, value in os.environ.items() if name not in _PRIVATE_VARIABLES}

    @property
    def url(self):
        return f'http://127.0.0.1:{self.port}/'

    def start(self, timeout=60):
        self.port = free_port()
        environment = dict(self.environment, TRAILGUARD_WEB_PASSWORD=self.password)
        self.log = open(self.log_path, 'wb')
        self.process = subprocess.Popen(
            [self.executable, '--headless', '--demo', '--interval', '5', '--web', f'127.0.0.1:{self.port}',
             '--data-dir', self.data_dir],
            env=environment, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent)
        wait_until(self._healthy, timeout, f'the guardian to answer on {self.url} (log: {self.log_path})')

    def _healthy(self):
        if self.process.poll() is not None:
            raise AssertionError(f'the guardian exited with {self.process.returncode}; log: {self.log_path}')
        try:
            with urllib.request.urlopen(f'{self.url}api/v1/health', timeout=2) as answer:
                return answer.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None
        if self.log:
            self.log.close()
            self.log = None

    def cli(self, *arguments):
        """Runs `trailguard --data-dir DIR ARGUMENTS` on the demo's data folder; returns its standard output."""
        run = subprocess.run(
            [self.executable, '--data-dir', os.path.join(self.data_dir, 'demo'), *arguments],
            env=self.environment, stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
            preexec_fn=die_with_parent)
        if run.returncode != 0:
            raise AssertionError(f'trailguard {" ".join(arguments)} exited with {run.returncode}: '
                                 f'{run.stderr.decode(errors="replace")}')
        return run.stdout.decode()

    def watchlist(self):
        """The watchlist as `trailguard watch list --json` prints it, keyed by ticker."""
        text = self.cli('watch', 'list', '--json')
        return {stock['ticker']: stock for stock in json.loads(text)} if text.strip().startswith('[') else {}
