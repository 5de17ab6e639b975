"""Headless Chromium through chromedriver (Debian's chromium and chromium-driver, python3-selenium)."""
import base64
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from guardian import die_with_parent

# Headless as root on a machine without a network: no sandbox, no GPU, nothing that phones home.
_CHROMIUM_FLAGS = ('--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
                   '--no-first-run', '--disable-background-networking', '--disable-component-update',
                   '--disable-sync', '--window-size=1280,900', '--lang=en-CA')

DESKTOP = (1280, 900)
PHONE = (390, 844)


def start_browser(chromium='/usr/bin/chromium', chromedriver='/usr/bin/chromedriver'):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in _CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f'--user-data-dir={tempfile.mkdtemp(prefix="trailguard-chromium-")}')
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    service = Service(chromedriver, popen_kw={'preexec_fn': die_with_parent})
    return webdriver.Chrome(service=service, options=options)


def emulate(driver, width, height, dark):
    """The viewport and the system's colour preference the page sees."""
    driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {
        'features': [{'name': 'prefers-color-scheme', 'value': 'dark' if dark else 'light'},
                     {'name': 'prefers-reduced-motion', 'value': 'reduce'}]})
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
        'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600})


def viewport_png(driver, path):
    """What the screen shows now."""
    shot = driver.execute_cdp_cmd('Page.captureScreenshot', {'format': 'png'})
    with open(path, 'wb') as file:
        file.write(base64.b64decode(shot['data']))


def full_page_png(driver, path):
    """The whole page, not only the viewport, at the emulated width."""
    size = driver.execute_cdp_cmd('Page.getLayoutMetrics', {})['cssContentSize']
    shot = driver.execute_cdp_cmd('Page.captureScreenshot', {
        'format': 'png', 'captureBeyondViewport': True,
        'clip': {'x': 0, 'y': 0, 'width': size['width'], 'height': size['height'], 'scale': 1}})
    with open(path, 'wb') as file:
        file.write(base64.b64decode(shot['data']))


def csp_violations(driver):
    """Console messages that say the Content-Security-Policy refused something."""
    return [entry['message'] for entry in driver.get_log('browser')
            if 'Content Security Policy' in entry['message'] or 'Refused to' in entry['message']]
