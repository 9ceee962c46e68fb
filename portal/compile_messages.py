"""Compile every locale/*/LC_MESSAGES/*.po to .mo with polib (no system gettext needed)."""

from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent


def compile_all(base_dir=BASE_DIR):
    compiled = []
    for po_path in sorted((base_dir / "locale").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path.relative_to(BASE_DIR)}")
