"""The community tree fixtures (tests/communities/conftest.py), for the translation tests here."""

from tests.communities.conftest import (  # noqa: F401 - fixtures reused here
    community_a,
    community_b,
    community_index,
    editor_x,
    editor_y,
    english_tree,
    maintainer_a,
    region_x,
    region_y,
)
