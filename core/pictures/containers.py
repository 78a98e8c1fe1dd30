"""Where the picture in a file ends, for each format taken: whatever follows it is another file riding along.

A polyglot (a PNG that is also a ZIP, a GIF that is also a Java archive, a JPEG followed by a page of HTML) decodes
as a picture and would be served as one; Tidings serves only its own re-encoding, but refuses such files outright
rather than guess what the rest was for. Each walk reads the container's own structure (chunks, segments, blocks),
never the pixels, so it costs next to nothing.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8"


class Malformed(ValueError):
    """The file's structure breaks off or contradicts itself."""


def trailing_bytes(data: bytes, kind: str) -> int:
    """How many bytes follow the end of the picture of format `kind` (Pillow's name) that starts `data`.

    Zero padding is no payload (some encoders round files up with it) and is not counted.
    """
    end = _ENDS[kind](data)
    return len(data[end:].rstrip(b"\x00"))


def png_end(data: bytes) -> int:
    """The offset just after a PNG's IEND chunk."""
    offset = len(PNG_SIGNATURE)
    while True:
        length: int
        kind: bytes
        length, kind = struct.unpack(">I4s", _take(data, offset, 8))
        offset += 12 + length  # length, type, data, CRC
        if offset > len(data):
            raise Malformed("a PNG chunk runs past the end of the file")
        if kind == b"IEND":
            return offset


def jpeg_end(data: bytes, start: int = 0) -> int:
    """The offset just after a JPEG's end marker, and after any further JPEG images stored right behind it.

    Cameras and phones append pictures of their own (MPF: a preview, a depth map) after the first image's end:
    those are JPEGs too, and part of the photo.
    """
    end = _one_jpeg_end(data, start)
    while data[end : end + 2] == JPEG_START:
        end = _one_jpeg_end(data, end)
    return end


def _one_jpeg_end(data: bytes, start: int) -> int:
    offset = start + 2
    while True:
        if _take(data, offset, 1) != b"\xff":
            raise Malformed("a JPEG segment does not start with a marker")
        marker = data[offset + 1] if offset + 1 < len(data) else -1
        if marker == 0xFF:  # fill byte before a marker
            offset += 1
        elif marker == 0xD9:  # end of image
            return offset + 2
        elif 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers with no length
            offset += 2
        else:
            length: int = struct.unpack(">H", _take(data, offset + 2, 2))[0]
            offset += 2 + length
            if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker (FF00 is a stuffed FF)
                offset = _after_scan(data, offset)


def _after_scan(data: bytes, offset: int) -> int:
    while True:
        offset = data.find(b"\xff", offset)
        if offset < 0 or offset + 1 >= len(data):
            raise Malformed("a JPEG scan runs past the end of the file")
        following = data[offset + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # a stuffed byte or a restart marker: still the scan
            offset += 2
        elif following == 0xFF:
            offset += 1
        else:
            return offset


def gif_end(data: bytes) -> int:
    """The offset just after a GIF's trailer byte."""
    flags = _take(data, 10, 1)[0]
    offset = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)  # header, screen descriptor, colour table
    while True:
        introducer = _take(data, offset, 1)[0]
        if introducer == 0x3B:  # trailer
            return offset + 1
        if introducer == 0x21:  # extension: label, then sub-blocks
            offset = _after_sub_blocks(data, offset + 2)
        elif introducer == 0x2C:  # image: descriptor, local colour table, LZW code size, sub-blocks
            local = _take(data, offset + 9, 1)[0]
            offset += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            offset = _after_sub_blocks(data, offset + 1)
        else:
            raise Malformed("a GIF block has an unknown introducer")


def _after_sub_blocks(data: bytes, offset: int) -> int:
    while size := _take(data, offset, 1)[0]:
        offset += 1 + size
    return offset + 1


def webp_end(data: bytes) -> int:
    """The offset just after a WebP's RIFF container, whose header says how long it is."""
    size: int = struct.unpack("<I", _take(data, 4, 4))[0]
    return 8 + size


def _take(data: bytes, offset: int, count: int) -> bytes:
    piece = data[offset : offset + count]
    if len(piece) != count:
        raise Malformed("the file ends in the middle of its structure")
    return piece


_ENDS: dict[str, Callable[[bytes], int]] = {
    "PNG": png_end,
    "JPEG": jpeg_end,
    "MPO": jpeg_end,  # a JPEG with the camera's extra pictures (MPF) behind it
    "GIF": gif_end,
    "WEBP": webp_end,
}
