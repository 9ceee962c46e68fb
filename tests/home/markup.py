"""Reading tags out of rendered HTML with the standard library's parser."""

from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs, index of the enclosing <picture> or None)
        self._picture = None

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._picture = len(self.elements)
        self.elements.append((tag, dict(attrs), self._picture))

    def handle_endtag(self, tag):
        if tag == "picture":
            self._picture = None


def elements(html, tag):
    """The attributes of every <tag> in `html`, in order."""
    parser = _Collector()
    parser.feed(html)
    return [attrs for name, attrs, _ in parser.elements if name == tag]


def pictures(html):
    """Each <picture>: {"sources": [attrs of <source>], "img": attrs of its <img>}."""
    parser = _Collector()
    parser.feed(html)
    result = {}
    for name, attrs, picture in parser.elements:
        if picture is None or name == "picture":
            continue
        entry = result.setdefault(picture, {"sources": [], "img": None})
        if name == "source":
            entry["sources"].append(attrs)
        elif name == "img":
            entry["img"] = attrs
    return list(result.values())


def meta_tags(html):
    """{property or name: [content, ...]} of the <meta> tags, and "canonical": [href]."""
    found = {}
    for attrs in elements(html, "meta"):
        key = attrs.get("property") or attrs.get("name")
        if key and "content" in attrs:
            found.setdefault(key, []).append(attrs["content"])
    for attrs in elements(html, "link"):
        if attrs.get("rel") == "canonical":
            found.setdefault("canonical", []).append(attrs["href"])
    return found
