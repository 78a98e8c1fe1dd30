"""Test pictures made in memory with Pillow: photos with GPS, bombs, files that only pretend, and polyglots."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import ExifTags, Image

NORTH_POLE = ((90.0, 0.0, 0.0), "N")


def picture(kind: str = "PNG", size: tuple[int, int] = (120, 80), colour: str = "teal") -> bytes:
    """A small picture in format `kind`."""
    image = Image.new("RGB", size, colour)
    for x in range(size[0] // 2):  # a shape, so that an upright and a turned picture differ
        image.putpixel((x, 0), (255, 0, 0))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def photo_with_gps(size: tuple[int, int] = (400, 200), orientation: int = 6) -> bytes:
    """A JPEG as a phone makes it: GPS coordinates and camera details in its EXIF, and an orientation tag
    (6: the camera was turned, the picture is shown turned 90° clockwise)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Model] = "Phone 12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    (latitude, north) = NORTH_POLE
    gps[ExifTags.GPS.GPSLatitudeRef] = north
    gps[ExifTags.GPS.GPSLatitude] = latitude
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 0.0, 0.0)
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, "JPEG", exif=exif, comment=b"taken at home")
    return out.getvalue()


def gps_of(data: bytes) -> dict[int, object]:
    """The GPS tags a file's EXIF holds."""
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def png_declaring(width: int, height: int) -> bytes:
    """A valid one-bit PNG of this size: a few kilobytes that decode to `width` by `height` pixels."""
    row = b"\x00" + bytes((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def zip_archive() -> bytes:
    """A ZIP archive (a JAR is one) holding a small program."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Evil\n")
        archive.writestr("Evil.class", b"\xca\xfe\xba\xbe" + bytes(64))
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
