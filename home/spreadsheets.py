"""Spreadsheet exports whose cells never run as formulas (CSV injection).

A registration's name, a page title or a search query starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be evaluated by Excel or LibreOffice when the CSV is
opened (``=HYPERLINK(...)``, ``=cmd|...``). Such a cell gets a leading apostrophe, which
spreadsheets read as "this is text" (OWASP's advice). Wagtail's XLSX export already writes
such cells as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """`value`, with an apostrophe before a string that would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin (index and report views)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
