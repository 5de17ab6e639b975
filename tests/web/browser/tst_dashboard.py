#!/usr/bin/python3
"""The dashboard in a real browser against the real guardian (issue 16): log in, remove and add a ticker
through the page and see it in `trailguard watch list`, edit one, a streamed price change without a reload, an alert
acknowledged with its pending reminder (an escalation step) shown, then cancelled, and screenshots (light and dark,
desktop and phone) saved as artifacts.

Usage: tst_dashboard.py TRAILGUARD_EXECUTABLE ARTIFACTS_DIR
The steps share one guardian and one browser and run in order (test_1_…, test_2_…)."""
import atexit
import http.server
import os
import shutil
import signal
import sys
import tempfile
import threading
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import browser
from guardian import Guardian, wait_until

PASSWORD = 'correct horse battery staple'
WAIT = 60         # seconds: generous, the machine may be busy with builds
ALERT_WAIT = 120  # the demo polls every 5 s; a breach has to be checked, stored and published
EXECUTABLE = ARTIFACTS = None
# Every breach escalates to ntfy 10 minutes later unless acknowledged: the history shows that step.
ESCALATION = '10m:ntfy-urgent'
# The demo's ticker the test removes and adds back with a stop far above its price, so it breaks at once.
TICKER = 'AAPL'


class NtfySink(http.server.BaseHTTPRequestHandler):
    """A loopback ntfy server that accepts every publish (the alerts' channel, so that steps are planned)."""
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        body = b'{"id":"sink","event":"message"}'
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


class DashboardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.temp = tempfile.mkdtemp(prefix='trailguard-browser-')
        cls.addClassCleanup(shutil.rmtree, cls.temp, ignore_errors=True)
        cls.guardian = Guardian(EXECUTABLE, os.path.join(cls.temp, 'data'), os.path.join(ARTIFACTS, 'guardian.log'),
                                PASSWORD)
        # Cleanups run on every way out, also when starting fails half-way.
        cls.addClassCleanup(cls.guardian.stop)
        cls.ntfy = http.server.ThreadingHTTPServer(('127.0.0.1', 0), NtfySink)
        threading.Thread(target=cls.ntfy.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.ntfy.shutdown)
        cls.guardian.environment.update(NTFY_CHANNEL=f'http://127.0.0.1:{cls.ntfy.server_address[1]}/alerts',
                                        NTFY_ACK_MODE='off', TRAILGUARD_ESCALATION=ESCALATION)
        cls.guardian.start()
        cls.driver = browser.start_browser()
        cls.addClassCleanup(cls.driver.quit)
        browser.emulate(cls.driver, *browser.DESKTOP, dark=False)
        cls.wait = WebDriverWait(cls.driver, WAIT)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def visible(self, css, timeout=WAIT):
        return WebDriverWait(self.driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))

    def row(self, ticker):
        return f'#watchlist-body tr[data-ticker="{ticker}"]'

    def test_1_log_in(self):
        self.driver.get(self.guardian.url)
        password = self.visible('#login-password')
        password.send_keys('not the password')
        self.find('#login-button').click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, 'login-error'), 'Wrong password'))
        self.assertFalse(self.find('#dashboard-view').is_displayed())

        password.clear()
        password.send_keys(PASSWORD)
        self.find('#login-button').click()
        self.visible('#dashboard-view')
        self.visible(self.row('SHOP.TO'))
        self.assertFalse(self.find('#login-view').is_displayed())
        self.wait.until(lambda driver: self.find('#status-list').text.strip() != '')

    def test_2_remove_and_add_ticker_through_the_page(self):
        self.assertIn(TICKER, self.guardian.watchlist())
        self.visible(f'{self.row(TICKER)} .remove-button').click()
        self.visible('#remove-dialog')
        self.assertIn(TICKER, self.find('#remove-heading').text)
        self.find('#remove-confirm').click()
        self.wait.until(EC.invisibility_of_element_located((By.CSS_SELECTOR, self.row(TICKER))))
        wait_until(lambda: TICKER not in self.guardian.watchlist(), WAIT, f'{TICKER} gone from watch list')

        # A refused add shows the API's own message.
        self.find('#add-ticker').send_keys('NOT A TICKER!')
        self.find('#add-button').click()
        self.wait.until(lambda driver: self.find('#add-error').text.strip() != '')
        self.find('#add-ticker').clear()

        # An entry far above the price puts the stop above it: the first quote breaks it.
        self.find('#add-ticker').send_keys(TICKER.lower())
        self.find('#add-ratio').send_keys('0.99')
        self.find('#add-entry').send_keys('100000')
        self.find('#add-button').click()
        self.visible(self.row(TICKER))
        self.assertEqual(self.find('#add-error').text, '')
        stock = wait_until(lambda: self.guardian.watchlist().get(TICKER), WAIT, f'{TICKER} in watch list --json')
        self.assertAlmostEqual(stock['ratio'], 0.99)
        self.assertAlmostEqual(stock['entry'], 100000)

    def test_2b_edit_the_ratio_in_the_dialog(self):
        self.visible(f'{self.row("RY.TO")} .edit-button').click()
        ratio = self.visible('#edit-ratio')
        self.assertEqual(ratio.get_attribute('value'), '0.9')
        ratio.clear()
        ratio.send_keys('0.85')
        self.find('#edit-save').click()
        self.wait.until(EC.invisibility_of_element_located((By.ID, 'edit-dialog')))
        wait_until(lambda: self.guardian.watchlist()['RY.TO']['strategy'] == 'trailing:0.85', WAIT,
                   'the new ratio in watch list --json')

    def test_3_streamed_price_change_without_reload(self):
        price = f'{self.row("SHOP.TO")} .cell-price'
        self.wait.until(lambda driver: self.find(price).text not in ('', '—'))
        self.driver.execute_script('window.trailguardNotReloaded = true;')
        before = self.find(price).text
        WebDriverWait(self.driver, ALERT_WAIT).until(lambda driver: self.find(price).text != before)
        self.assertTrue(self.driver.execute_script('return window.trailguardNotReloaded === true;'))

    def test_4_breach_said_in_words_and_acknowledged(self):
        state = f'{self.row(TICKER)} .cell-state'
        WebDriverWait(self.driver, ALERT_WAIT).until(EC.text_to_be_present_in_element(
            (By.CSS_SELECTOR, state), 'Below stop'))
        item = f'#alerts-list li[data-ticker="{TICKER}"]'
        # The alert's history shows its escalation step: the reminder on ntfy, due 10 minutes after it.
        step = f'{item} .escalation-step'
        WebDriverWait(self.driver, ALERT_WAIT).until(EC.text_to_be_present_in_element(
            (By.CSS_SELECTOR, step), 'Reminder 1 · ntfy-urgent · '))
        self.assertRegex(self.find(step).text, r'^Reminder 1 · ntfy-urgent · .+ · due$')
        self.visible(f'{item} .ack-button', ALERT_WAIT).click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'{item} .acknowledged-text')))
        # Acknowledged: the reminder is not needed any more, and the page says so without a reload.
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, step), ' · cancelled'))

        # The acknowledgement was stored: a reload keeps the session and shows it again.
        self.driver.refresh()
        self.visible('#dashboard-view')
        self.visible(f'{item} .acknowledged-text')
        self.assertRegex(self.visible(step).text, r'^Reminder 1 · ntfy-urgent · .+ · cancelled$')

    def test_5_screenshots(self):
        self.visible(self.row(TICKER))
        self.visible(f'{self.row("SHOP.TO")} .chart-button').click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, 'chart-summary'), 'prices'))
        for dark in (False, True):
            for name, (width, height) in (('desktop', browser.DESKTOP), ('phone', browser.PHONE)):
                browser.emulate(self.driver, width, height, dark)
                self.driver.execute_script('window.scrollTo(0, 0);')
                # The chart is drawn again in the scheme's colours.
                scheme = 'dark' if dark else 'light'
                self.visible(f'#chart-section[data-scheme="{scheme}"]')
                # Usable at the width: nothing wider than the screen, so no sideways scrolling.
                self.assertLessEqual(self.driver.execute_script('return document.documentElement.scrollWidth;'),
                                     width)
                path = os.path.join(ARTIFACTS, f'dashboard-{name}-{scheme}.png')
                if name == 'phone':
                    # A whole phone page is very tall: the screen as it shows the watchlist's cards.
                    self.driver.execute_script("document.getElementById('watchlist-section').scrollIntoView();")
                    browser.viewport_png(self.driver, path)
                    browser.full_page_png(self.driver, path.replace('.png', '-full.png'))
                else:
                    browser.full_page_png(self.driver, path)
                self.assertGreater(os.path.getsize(path), 10000)
        self.assertEqual(browser.csp_violations(self.driver), [])


def main():
    global EXECUTABLE, ARTIFACTS
    EXECUTABLE, ARTIFACTS = sys.argv[1], sys.argv[2]
    os.makedirs(ARTIFACTS, exist_ok=True)
    # ctest's timeout or Ctrl+C: leave through the cleanups, which stop the guardian and the browser.
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, lambda *_: sys.exit(1))
    atexit.register(DashboardTest.doClassCleanups)
    program = unittest.main(argv=[sys.argv[0], '-v'], exit=False, failfast=True)
    sys.exit(0 if program.result.wasSuccessful() else 1)


if __name__ == '__main__':
    main()
