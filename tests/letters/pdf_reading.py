"""Reading a letter's PDF back, as far as the tests need: its objects, XMP metadata and text.

Enough of PDF for what WeasyPrint writes: numbered objects, some of them packed in
compressed object streams, Flate-compressed streams, and text drawn in Type 0 fonts whose
glyphs map back to characters through each font's ToUnicode map. It is not a general PDF
reader; it fails loudly on anything it does not expect.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"^(<<.*?>>)\s*stream\r?\n(.*?)\r?\nendstream$", re.S)


@dataclass
class Pdf:
    """The objects of one PDF, by number: each its dictionary text and inflated stream."""

    dictionaries: dict[int, bytes] = field(default_factory=dict)
    streams: dict[int, bytes] = field(default_factory=dict)

    def ref(self, dictionary: bytes, key: str) -> int | None:
        match = re.search(rb"/" + key.encode() + rb"\s+(\d+) 0 R", dictionary)
        return int(match[1]) if match else None

    @property
    def catalog(self) -> bytes:
        return next(d for d in self.dictionaries.values() if re.search(rb"/Type\s*/Catalog", d))

    @property
    def metadata(self) -> str:
        """The XMP metadata packet the catalog points to."""
        number = self.ref(self.catalog, "Metadata")
        assert number is not None, "The PDF has no XMP metadata"
        return self.streams[number].decode("utf-8")

    @property
    def everything(self) -> bytes:
        """Every dictionary and inflated stream, to search in."""
        return b"\n".join([*self.dictionaries.values(), *self.streams.values()])


def _inflate(dictionary: bytes, data: bytes) -> bytes:
    return zlib.decompress(data) if b"/FlateDecode" in dictionary else data


def read(pdf: bytes) -> Pdf:
    assert pdf.startswith(b"%PDF-"), "Not a PDF"
    found = Pdf()
    for match in _OBJECT.finditer(pdf):
        number, body = int(match[1]), match[2]
        stream = _STREAM.match(body)
        if stream is None:
            found.dictionaries[number] = body
            continue
        dictionary, data = stream[1], _inflate(stream[1], stream[2])
        found.dictionaries[number], found.streams[number] = dictionary, data
        if re.search(rb"/Type\s*/ObjStm", dictionary):
            _unpack(found, dictionary, data)
    return found


def _number(dictionary: bytes, key: str) -> int:
    match = re.search(rb"/" + key.encode() + rb"\s+(\d+)", dictionary)
    assert match is not None, f"No /{key} in {dictionary!r}"
    return int(match[1])


def _unpack(found: Pdf, dictionary: bytes, data: bytes) -> None:
    """The objects packed in an object stream: a header of (number, offset) pairs, then
    the objects from ``/First`` on."""
    count, first = (_number(dictionary, key) for key in ("N", "First"))
    header = [int(n) for n in data[:first].split()]
    pairs = list(zip(header[0::2], header[1::2], strict=True))
    assert len(pairs) == count
    for index, (number, offset) in enumerate(pairs):
        end = pairs[index + 1][1] if index + 1 < len(pairs) else len(data) - first
        found.dictionaries[number] = data[first + offset : first + end].strip()


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9a-fA-F]*)>")


def _unicode(hexes: bytes) -> str:
    return bytes.fromhex(hexes.decode()).decode("utf-16-be")


def _to_unicode(cmap: bytes) -> dict[int, str]:
    glyphs: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        values = _HEX.findall(block)
        for source, target in zip(values[0::2], values[1::2], strict=True):
            glyphs[int(source, 16)] = _unicode(target)
    for block in _BFRANGE.findall(cmap):
        for line in block.strip().splitlines():
            values = _HEX.findall(line)
            if len(values) != 3:
                continue
            low, high, start = int(values[0], 16), int(values[1], 16), values[2]
            first = _unicode(start)
            for offset, glyph in enumerate(range(low, high + 1)):
                glyphs[glyph] = first[:-1] + chr(ord(first[-1]) + offset)
    return glyphs


def _fonts(found: Pdf) -> dict[bytes, dict[int, str]]:
    """Each font's resource name, with its glyphs' characters."""
    fonts: dict[bytes, dict[int, str]] = {}
    for dictionary in found.dictionaries.values():
        block = re.search(rb"/Font\s+(?:<<(.*?)>>|(\d+) 0 R)", dictionary, re.S)
        if block is None:
            continue
        names = block[1] if block[1] is not None else found.dictionaries[int(block[2])]
        for name, number in re.findall(rb"/([A-Za-z0-9_+-]+)\s+(\d+) 0 R", names):
            cmap = found.ref(found.dictionaries.get(int(number), b""), "ToUnicode")
            if cmap is not None:
                fonts[name] = _to_unicode(found.streams[cmap])
    return fonts


_TEXT_OPS = re.compile(
    rb"/([A-Za-z0-9_+-]+)\s+[\d.]+\s+Tf|(\[.*?\])\s*TJ|(<[0-9a-fA-F]*>)\s*Tj|\bET\b", re.S
)


def text(pdf: bytes) -> str:
    """The text a PDF draws, in the order drawn, runs separated by single spaces."""
    found = read(pdf)
    fonts = _fonts(found)
    runs: list[str] = []
    for data in found.streams.values():
        if b"Tf" not in data:
            continue
        glyphs: dict[int, str] = {}
        for match in _TEXT_OPS.finditer(data):
            if match[1] is not None:
                glyphs = fonts.get(match[1], {})
                continue
            shown = match[2] or match[3]
            if shown is None:
                continue
            run = "".join(
                glyphs.get(int(code[i : i + 4], 16), "")
                for code in _HEX.findall(shown)
                for i in range(0, len(code), 4)
            )
            runs.append(run)
    return re.sub(r"\s+", " ", " ".join(runs)).strip()
