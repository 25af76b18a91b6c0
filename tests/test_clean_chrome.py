"""The chrome filter removes page furniture and keeps every sentence of the story."""
from __future__ import annotations

import pytest

from frontwatch.clean.chrome import classify_line, filter_chrome

CHROME = {
    "[ad_1]": "ad-marker", "[ad]": "ad-marker", "Advertisement": "ad-marker",
    "Loading...": "loading", "Loading…": "loading",
    "READ MORE: Rebels seize second city": "read-more", "Also read: Ten districts fall": "read-more",
    "Read Also: Talks stall in Doha": "read-more", "READ MORE": "read-more", "Related": "read-more",
    "Share This": "share", "Pin It on Pinterest": "share", "Facebook Twitter WhatsApp": "share",
    "Linkedin Pinterest": "share", "Follow us on Telegram": "share",
    "NEWSLETTER SUBSCRIPTION": "newsletter", "Subscribe to our newsletter": "newsletter",
    "0 Comments": "comments", "Leave a Reply": "comments", "COMMENT": "comments",
    "News / Nation & World": "breadcrumb", "Home > World > Asia": "breadcrumb",
    '<img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1">': "markup",
    "— Jane Roe (@janeroe) August 8, 2021": "post-attribution",
    "Tuesday, March 12, 2024": "page-date", "Wednesday,  April 24 , 2024": "page-date",
    "12 March 2024": "page-date",
    "WORLD NEWS": "section-header", "INTERNATIONAL RELATIONS": "section-header",
    "Source: Web": "credit", "Photo: AFP": "credit",
    "We use cookies to improve your experience. Accept": "cookie-notice",
    "© 2024 Frontier Post. All rights reserved.": "copyright",
    "#Kunduz #Afghanistan": "hashtags", "3 hours ago": "relative-time",
}

STORY = [
    "Share prices in Kabul fell sharply as the Taliban advanced on the city, traders said.",
    "Read more than a dozen accounts and a pattern emerges: districts fell without a fight.",
    "The governor said he would not comment on the withdrawal.",
    "Loading trucks at the border crossing stopped on Monday.",
    "U.S. forces left Bagram airfield in July.",
    "The Taliban claimed the city.",
    "Home to 300,000 people, the city is the province's capital.",
]


@pytest.mark.parametrize("line, reason", CHROME.items())
def test_chrome_lines_are_removed_with_their_reason(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize("line", STORY)
def test_story_lines_are_kept(line):
    assert classify_line(line) is None


def test_embedded_post_takes_its_text_along():
    lines = ["Fighters entered the city at dawn, officials said.",
             "Our fighters are in the city centre now #Kunduz",
             "— Spokesman (@spokes) August 8, 2021",
             "Residents reported gunfire near the airport."]
    kept, removed = filter_chrome(lines)
    assert kept == [lines[0], lines[3]]
    assert [r.reason for r in removed] == ["embedded-post", "post-attribution"]


def test_repeated_line_is_dropped_once():
    kept, removed = filter_chrome(["The district fell.", "Officials confirmed it.", "The district fell."])
    assert kept == ["The district fell.", "Officials confirmed it."]
    assert removed[0].reason == "repeated-line"
