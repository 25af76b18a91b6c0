"""The map page in headless Chromium (Debian's chromium and chromium-driver, via Selenium)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from web_server import running_app
from web_story import build_story_store
from frontwatch.settings import Settings

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT_S = 20
FIRST_DAY = "2021-06-21"

# The colours the page gives each status (held: the controller's colour).
TALIBAN, GOVERNMENT = "rgb(192, 57, 43)", "rgb(36, 113, 163)"
BESIEGED, CONTESTED, UNKNOWN = "rgb(142, 68, 173)", "rgb(243, 156, 18)", "rgb(149, 165, 166)"


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("headless Chromium is missing: apt-get install -y chromium chromium-driver "
                    "(`make browser` does it)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_S)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    db = build_story_store(tmp_path_factory.mktemp("story"))
    with running_app(Settings(db=db)) as base:
        browser.get(base + "/")
        wait_for(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        yield browser


def wait_for(driver, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(condition)


def markers(driver) -> dict[str, tuple[str, str]]:
    return driver.execute_script("""
        const out = {};
        for (const dot of document.querySelectorAll('#map .place-dot')) {
            out[dot.dataset.placeName] = [dot.dataset.status, getComputedStyle(dot).backgroundColor];
        }
        return out;""")


def marker_list(driver) -> list[list[str]]:
    return driver.execute_script("""
        return [...document.querySelectorAll('#map .place-dot')].map(
            (dot) => [dot.dataset.placeName, dot.dataset.status, getComputedStyle(dot).backgroundColor]);""")


def show_day(driver, presses: int, key_name: str = "ARROW_RIGHT") -> str:
    """Move the slider with the keyboard: Home, then ``presses`` times ``key_name``."""
    from selenium.webdriver.common.keys import Keys

    slider = driver.find_element("id", "day-slider")
    slider.send_keys(Keys.HOME)
    wait_for(driver, lambda d: d.execute_script("return document.body.dataset.shownDay") == FIRST_DAY)
    if presses:
        slider.send_keys(*[getattr(Keys, key_name)] * presses)
    day = driver.find_element("id", "day-label").text
    wait_for(driver, lambda d: d.execute_script("return document.body.dataset.shownDay") == day)
    return day


def test_slider_shows_who_controls_what_on_a_day(page, tmp_path):
    day = show_day(page, 29)
    assert day == "2021-07-20"
    wait_for(page, lambda d: d.execute_script("return document.body.dataset.shownDay") == day)
    assert markers(page) == {
        "Kunduz": ["besieged", BESIEGED], "Imam Sahib": ["Taliban", TALIBAN],
        "Qala-i-Naw": ["Afghan government", GOVERNMENT], "Spin Boldak": ["Taliban", TALIBAN],
        "Lashkar Gah": ["unknown", UNKNOWN]}
    page.save_screenshot(str(tmp_path / "map-2021-07-20.png"))

    from selenium.webdriver.common.keys import Keys
    page.find_element("id", "day-slider").send_keys(Keys.END)
    wait_for(page, lambda d: d.execute_script("return document.body.dataset.shownDay") == "2021-08-13")
    on_last_day = markers(page)
    assert on_last_day["Kunduz"] == ["Taliban", TALIBAN]
    assert on_last_day["Qala-i-Naw"] == ["Taliban", TALIBAN]
    assert on_last_day["Lashkar Gah"] == ["contested", CONTESTED]
    legend = page.find_element("id", "legend").text.split("\n")
    assert sorted(legend) == ["Taliban", "contested"]
    assert (tmp_path / "map-2021-07-20.png").stat().st_size > 10_000
    page.save_screenshot(str(tmp_path / "map-2021-08-13.png"))


def test_place_and_event_panel_by_keyboard_with_evidence_and_copies(page):
    from selenium.webdriver.common.keys import Keys

    assert show_day(page, 16) == "2021-07-07"   # Qala-i-Naw taken and retaken
    marker = wait_for(page, lambda d: d.find_element(
        "css selector", ".leaflet-marker-icon[title^='Qala-i-Naw']"))
    marker.send_keys(Keys.ENTER)
    wait_for(page, lambda d: d.find_element("id", "panel-title").text == "Qala-i-Naw")
    history = page.find_element("id", "panel-body").text
    assert "2021-07-07: held by Afghan government" in history
    button = next(b for b in page.find_elements("css selector", "#panel .event-button")
                  if "recaptured" in b.text)
    button.send_keys(Keys.ENTER)
    wait_for(page, lambda d: "recaptured" in d.find_element("id", "panel-title").text)
    marks = [m.text for m in page.find_elements("css selector", "#panel mark")]
    assert marks == ["retaken", "retaken"]
    hrefs = {a.get_attribute("href") for a in page.find_elements("css selector", "#panel .links a")}
    assert "https://western.example/qala-i-naw" in hrefs and "https://mirror.example/qala-i-naw" in hrefs
    copies = [li.text for li in page.find_elements("css selector", "#panel .copies li")]
    assert any(text.startswith("Mirror Post") for text in copies)


def test_markup_in_articles_shows_as_text_and_never_runs(page):
    from selenium.webdriver.common.keys import Keys

    page.find_element("id", "day-slider").send_keys(Keys.END)
    wait_for(page, lambda d: d.execute_script("return document.body.dataset.shownDay") == "2021-08-13")
    marker = page.find_element("css selector", ".leaflet-marker-icon[title^='Kunduz']")
    marker.send_keys(Keys.ENTER)
    wait_for(page, lambda d: d.find_element("id", "panel-title").text == "Kunduz")
    button = next(b for b in page.find_elements("css selector", "#panel .event-button")
                  if "2021-08-08 captured" in b.text)
    button.click()
    wait_for(page, lambda d: len(d.find_elements("css selector", "#panel .source")) == 2)
    panel = page.find_element("id", "panel-body")
    shown = panel.text
    assert '<script>window.__xss = "title"</script>Kunduz falls' in shown
    assert "<img src=x onerror=\"window.__xss='outlet'\">Night Wire" in shown
    assert "<script>window.__xss = \"text\"</script> after a long night." in shown
    assert panel.find_elements("css selector", "script, img") == []
    assert page.find_elements("css selector", "a[href^='javascript']") == []
    assert page.execute_script("return window.__xss === undefined")


def test_markup_in_the_report_never_runs_in_a_browser(browser, tmp_path):
    from frontwatch.report import build_report
    from frontwatch.store import open_store

    db = build_story_store(tmp_path)
    with open_store(db, readonly=True) as store:
        report, _, _ = build_report(store, tmp_path / "report")
    browser.get(report.as_uri())
    wait_for(browser, lambda d: d.execute_script("return document.readyState") == "complete")
    body = browser.find_element("tag name", "body").text
    assert '<script>window.__xss = "title"</script>Kunduz falls' in body
    assert browser.execute_script("return window.__xss === undefined")
    assert browser.execute_script("return document.images.length") == 2


EXAMPLES_DAY = "2021-08-11"
# Provincial capitals the sample corpus has the Taliban take by 11 August 2021 (gold).
TAKEN_BY_THE_11TH = ("Kunduz", "Zaranj", "Taloqan", "Pul-e-Khumri")


@pytest.mark.slow
def test_examples_map_shows_control_on_a_day(browser, nlp, tmp_path):
    """On examples/, the map for 11 August 2021 (reached from the 10th with the keyboard)
    shows a marker for every place the store knows, in the colour of its state that day."""
    from selenium.webdriver.common.keys import Keys

    from conftest import EXAMPLES
    from frontwatch.fuse.mention import name_key
    from frontwatch.pipeline import run_pipeline
    from frontwatch.store import open_store
    from frontwatch.store.control import control_on

    db = str(tmp_path / "examples.db")
    with open_store(db) as store:
        run_pipeline(store, Settings(db=db), [str(EXAMPLES)], nlp=nlp)
        expected = control_on(store, EXAMPLES_DAY)
    with running_app(Settings(db=db)) as base:
        browser.get(base + "/#2021-08-10")
        wait_for(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        assert browser.execute_script("return document.body.dataset.shownDay") == "2021-08-10"
        browser.find_element("id", "day-slider").send_keys(Keys.ARROW_RIGHT)
        wait_for(browser, lambda d: d.execute_script("return document.body.dataset.shownDay") == EXAMPLES_DAY)
        shown = marker_list(browser)
        browser.save_screenshot(str(tmp_path / f"examples-{EXAMPLES_DAY}.png"))
    status = lambda p: (p["controller"] or "unknown") if p["state"] == "held" else p["state"]  # noqa: E731
    assert sorted((name, st) for name, st, _ in shown) == sorted(
        (p["place_name"], status(p)) for p in expected if p["lat"] is not None)
    colours = {"Taliban": TALIBAN, "Afghan government": GOVERNMENT, "contested": CONTESTED,
               "besieged": BESIEGED, "unknown": UNKNOWN}
    for name, st, colour in shown:
        assert st not in colours or colour == colours[st], (name, st, colour)
    taliban = {name_key(name) for name, st, _ in shown if st == "Taliban"}
    assert {name_key(n) for n in TAKEN_BY_THE_11TH} <= taliban
    assert name_key("Kabul") not in taliban
