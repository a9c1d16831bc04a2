"""The responses a browser saves as a file."""

from panelkeeper.lib.downloads import ICS, download, pdf_download, spreadsheet_csv


def test_it_names_the_file_to_save() -> None:
    response = download("BEGIN:VCALENDAR", "meeting-4.ics", ICS)
    assert response["Content-Disposition"] == 'attachment; filename="meeting-4.ics"'
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content == b"BEGIN:VCALENDAR"


def test_it_keeps_a_name_with_accents_whole() -> None:
    response = pdf_download(b"%PDF-1.7", "lettre-à-Zoë.pdf")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''lettre-%C3%A0-Zo%C3%AB.pdf"
    )
    assert response["Content-Type"] == "application/pdf"


def test_it_escapes_quotes_in_a_name() -> None:
    response = pdf_download(b"%PDF-1.7", 'the "draft".pdf')
    assert response["Content-Disposition"] == r'attachment; filename="the \"draft\".pdf"'


def test_it_starts_a_spreadsheet_csv_with_a_byte_order_mark() -> None:
    response = spreadsheet_csv("name\nZoë\n", "members.csv")
    assert response.content == "\ufeffname\nZoë\n".encode()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="members.csv"'
