"""A JPEG photo carrying GPS EXIF, as a phone camera writes it (as in tests/evidence/test_evidence_images.py)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

GPS = {1: "N", 2: (31.0, 14.0, 5.0), 3: "E", 4: (121.0, 28.0, 0.0)}


def gps_jpeg_bytes():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = GPS
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (10, 140, 60)).save(buffer, "JPEG", exif=exif, comment=b"taken in Shanghai")
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # really there
    return data


def gps_photo(name="照片.jpg"):
    return SimpleUploadedFile(name, gps_jpeg_bytes(), content_type="image/jpeg")
