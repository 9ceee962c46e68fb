"""PostgreSQL's parsed text search queries (`tsquery::text`) as a small tree.

The bitmap fast path (search/bitmaps.py) evaluates a query over stored bitmaps instead
of over every matching row, so it needs the query PostgreSQL would run:
`websearch_to_tsquery('indonesian', 'asesmen -formatif')::text` is
`'asesmen' & !'formatif'`. Lexemes are quoted, with `''` for a quote inside one.
Operators by precedence: `!` (not), `<->` / `<N>` (phrase), `&` (and), `|` (or).
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(?:'((?:[^']|'')*)'(?::(\*?[A-Da-d]*))?|(<\d*-?>|[!&|()]))")


class Unsupported(ValueError):
    """A query the bitmaps can't answer exactly (phrases, prefixes, weights)."""


@dataclass(frozen=True)
class Term:
    lexeme: str


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class And:
    left: object
    right: object


@dataclass(frozen=True)
class Or:
    left: object
    right: object


def _tokens(text, loose_phrases=False):
    position, tokens = 0, []
    text = text.strip()
    while position < len(text):
        found = _TOKEN.match(text, position)
        if not found:
            raise Unsupported(f"unexpected tsquery text at {position}: {text[position:]!r}")
        lexeme, flags, operator = found.groups()
        if lexeme is not None:
            if flags:  # a prefix (:*) or a weight: not something websearch produces
                raise Unsupported("prefix or weighted lexeme")
            tokens.append(("term", lexeme.replace("''", "'")))
        elif operator.startswith("<"):
            if not loose_phrases:
                raise Unsupported("phrase")  # needs word positions, which bitmaps don't keep
            # The words of the phrase, in any order and place: `<->` binds tighter than
            # `&` and `|`, so an AND in its place groups the same words.
            tokens.append(("op", "&"))
        else:
            tokens.append(("op", operator))
        position = found.end()
    return tokens


def parse(text, loose_phrases=False):
    """The tree of a `tsquery::text`, or None for an empty query (it matches nothing).
    Raises Unsupported for what bitmaps can't evaluate; with `loose_phrases`, a phrase
    becomes the AND of its words."""
    tokens = _tokens(text, loose_phrases)
    if not tokens:
        return None
    at = 0

    def peek():
        return tokens[at] if at < len(tokens) else (None, None)

    def take():
        nonlocal at
        at += 1
        return tokens[at - 1] if at <= len(tokens) else (None, None)

    def either():
        node = both()
        while peek() == ("op", "|"):
            take()
            node = Or(node, both())
        return node

    def both():
        node = unary()
        while peek() == ("op", "&"):
            take()
            node = And(node, unary())
        return node

    def unary():
        kind, value = take()
        if (kind, value) == ("op", "!"):
            return Not(unary())
        if (kind, value) == ("op", "("):
            node = either()
            if take() != ("op", ")"):
                raise Unsupported("unbalanced parentheses")
            return node
        if kind == "term":
            return Term(value)
        raise Unsupported(f"unexpected {value!r}")

    tree = either()
    if at != len(tokens):
        raise Unsupported("trailing tokens")
    return tree


def lexemes(tree):
    """Every lexeme the tree mentions."""
    if tree is None:
        return set()
    if isinstance(tree, Term):
        return {tree.lexeme}
    if isinstance(tree, Not):
        return lexemes(tree.child)
    return lexemes(tree.left) | lexemes(tree.right)


def evaluate(tree, bitmap_of, universe):
    """The tree over bitmaps (Python ints): `bitmap_of(lexeme)` gives a term's documents;
    `universe` is every document searched, for negation."""
    if tree is None:
        return 0
    if isinstance(tree, Term):
        return bitmap_of(tree.lexeme)
    if isinstance(tree, Not):
        return universe & ~evaluate(tree.child, bitmap_of, universe)
    left = evaluate(tree.left, bitmap_of, universe)
    right = evaluate(tree.right, bitmap_of, universe)
    return left & right if isinstance(tree, And) else left | right
