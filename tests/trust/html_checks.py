"""XSS payloads, and a check that none of them is live in a page.

The check parses the HTML as a browser's tokenizer would (the standard library's HTMLParser,
which unescapes attribute values) and reports what would run: an executable inline script
carrying a payload, an event-handler attribute, a javascript:/vbscript: URL, a frame, object
or script loaded from the attacker's host, a JSON data block the payload broke out of.
Escaped text (``&lt;script&gt;``) is just text and is not reported.
"""

import json
import re
from html.parser import HTMLParser

MARK = "alert("
EVIL_HOST = "evil.example"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    f"<iframe src=//{EVIL_HOST}/x></iframe>",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">a</a>',
    '" onmouseover="alert(1)" x="',
    f"<script src=//{EVIL_HOST}/x.js></script>",
    "<b><i>unclosed",
]
SHORT = "<b onclick=alert(1)>"  # for fields of 20 characters
JS_URL = "javascript:alert(1)"
# What an attacker stores directly as rich text, bypassing the editor's whitelist.
RICH_TEXT = (
    "<p>Teks <script>alert(1)</script><img src=x onerror=alert(1)>"
    '<a href="javascript:alert(1)">tautan</a> <a href=" JaVaScRiPt:alert(1)">dua</a>'
    f'<a href="https://{EVIL_HOST}/" onclick="alert(1)">tiga</a>'
    f"<iframe src=//{EVIL_HOST}/></iframe><svg onload=alert(1)></svg>"
    '<p style="x" onmouseover="alert(1)">tidak ditutup <b><i>'
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>x</button></form>"
    "<object data=javascript:alert(1)></object><embed src=javascript:alert(1)>"
)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"}
LOADING_TAGS = {"script", "iframe", "frame", "object", "embed", "link", "meta", "base", "form"}
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def payload_for(max_length):
    """As many payloads as fit in a field of max_length characters (all when unlimited)."""
    text = ""
    for payload in PAYLOADS:
        candidate = f"{text} {payload}".strip()
        if max_length is None or len(candidate) <= max_length:
            text = candidate
    return text or SHORT[:max_length]


def _scheme(url):
    cleaned = re.sub(r"[\x00-\x20\x7f-\xa0`]+", "", url or "").lower()
    return cleaned.split(":", 1)[0] if re.match(r"^[a-z][a-z0-9+.-]*:", cleaned) else ""


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.script = None  # (type, [text]) while inside a <script>

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            refresh = tag == "meta" and name == "content" and "refresh" in attributes.values()
            if name in URL_ATTRIBUTES or refresh:
                url = value.split("url=", 1)[-1] if refresh else value
                scheme = _scheme(url)
                if scheme in {"javascript", "vbscript"} or (scheme == "data" and MARK in value):
                    self.found.append(f"<{tag} {name}={value!r}>")
                if tag in LOADING_TAGS and EVIL_HOST in url:
                    self.found.append(f"<{tag} {name}={value!r}>")
            if name == "srcdoc":
                self.found.append(f"<{tag} srcdoc>")
        if tag == "script":
            self.script = (attributes.get("type", "").strip().lower(), [], attributes)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.script is not None:
            self.script[1].append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self.script is None:
            return
        kind, parts, attributes = self.script
        text = "".join(parts)
        self.script = None
        if kind in EXECUTABLE_SCRIPT_TYPES and "src" not in attributes and MARK in text:
            self.found.append(f"<script>{text[:80]!r}")
        elif kind in JSON_SCRIPT_TYPES and text.strip():
            try:
                json.loads(text)
            except ValueError:
                self.found.append(f"<script type={kind}> is not valid JSON: {text[:80]!r}")


def live_payloads(html):
    """What in `html` would execute or load attacker content; [] when the page is safe."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def assert_safe(response, where=""):
    assert response.status_code == 200, (where, response.status_code)
    html = response.content.decode()
    found = live_payloads(html)
    assert found == [], (where, found)
    return html
