"""Prepare photos and screenshots for upload: upright, stripped, resized, re-encoded.

Phone photos are most of what TinXa sends over slow links, so every image is
cut to a web size and re-encoded before it enters the outbox.
"""

import functools
import hashlib
import io
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from desktop.errors import InputError

logger = logging.getLogger(__name__)

# Largest source accepted, in pixels. A 200 MP phone photo (16320 x 12240)
# still fits. JPEG is decoded at reduced scale, but other formats are decoded
# in full, which takes up to 4 bytes per pixel.
MAX_PIXELS = 200_000_000

# Upper bound on encodings per image when stepping down to fit max_bytes.
MAX_ENCODE_ATTEMPTS = 8
QUALITY_STEP = 10
# Below this quality, stepping down shrinks the image instead, which looks
# better on a news page than heavy block artefacts.
MIN_QUALITY = 60
# An image whose longest side would drop below this is not worth sending.
MIN_SIDE = 320
# A lossless source is sent lossy only when that is at most this fraction of
# the lossless size, so screenshots and diagrams keep sharp text.
LOSSY_SIZE_RATIO = 0.5

# Part of every output name. Increase it whenever the same input and settings
# would give a different output, so that files prepared before are not reused.
PIPELINE_VERSION = 1

_BASE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "AVIF", "BMP", "TIFF")
_LOSSLESS_SOURCES = {"PNG", "GIF", "BMP", "TIFF"}
# Major brands of HEIF files, read from bytes 8 to 12 of the ftyp box.
_HEIF_BRANDS = {
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs",
    b"mif1", b"msf1",
}
_MODE_CONVERSIONS = {"1": "L", "F": "L", "PA": "RGBA", "La": "LA", "RGBa": "RGBA"}
_HASH_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class PreparedImage:
    """A web-ready copy of an image, written to the upload folder."""

    path: Path
    mime_type: str
    width: int
    height: int
    size_bytes: int
    original_size_bytes: int


@dataclass(frozen=True)
class _OutputFormat:
    pillow_format: str
    extension: str
    mime_type: str
    lossy: bool
    save_options: tuple[tuple[str, object], ...]


_JPEG = _OutputFormat(
    "JPEG", ".jpg", "image/jpeg", True, (("optimize", True), ("progressive", True))
)
_WEBP = _OutputFormat("WEBP", ".webp", "image/webp", True, (("method", 4),))
_WEBP_LOSSLESS = _OutputFormat(
    "WEBP", ".webp", "image/webp", False, (("lossless", True), ("method", 4))
)
# zlib level 6, Pillow's default. On a noisy 1600x1200 image with Pillow 13,
# optimize=True took 3.6 times as long and gave a larger file.
_PNG = _OutputFormat("PNG", ".png", "image/png", False, (("compress_level", 6),))
_OUTPUT_FORMATS = (_JPEG, _PNG, _WEBP)


@dataclass(frozen=True)
class _Encoded:
    data: bytes
    output_format: _OutputFormat
    width: int
    height: int


def prepare_image(
    source: Path,
    dest_dir: Path,
    *,
    max_side: int = 1600,
    jpeg_quality: int = 82,
    allow_webp: bool = False,
    max_bytes: int | None = None,
) -> PreparedImage:
    """Write a web-ready copy of the image at source into dest_dir.

    The copy is upright (EXIF orientation applied), in sRGB, with no metadata
    (EXIF, GPS, XMP, ICC profile, comments), and its longest side is at most
    max_side pixels. Smaller images are not enlarged. Only the first frame of
    an animated GIF, WebP or PNG is kept. Photos become progressive JPEG at
    jpeg_quality, or WebP when allow_webp is set. Images with transparency
    stay lossless (PNG, or lossless WebP). Other PNG, GIF, BMP and TIFF
    sources stay lossless unless the lossy encoding is at most half the size.

    With max_bytes, the quality and then the pixel size are stepped down until
    the file fits, in at most MAX_ENCODE_ATTEMPTS encodings. Transparent
    images then become a 256-colour PNG, or lossy WebP when allow_webp is set,
    before they are shrunk.

    The output name is a hash of the source bytes and the settings, so a call
    with the same source and settings returns the file written before, if it
    is still in dest_dir. The source file is only read.

    Raises:
        InputError: with code image_not_found, image_unreadable,
            image_heic_unsupported, image_damaged, image_too_large or
            image_exceeds_max_bytes.
        ValueError: if a setting is out of range.
        OSError: if dest_dir cannot be created or written.
    """
    _validate_settings(max_side, jpeg_quality, max_bytes)
    _configure_pillow()

    settings = f"{max_side}:{jpeg_quality}:{allow_webp}:{max_bytes}"
    original_size, digest = _hash_source(source, settings)
    dest_dir.mkdir(parents=True, exist_ok=True)
    existing = _find_prepared(dest_dir, digest, original_size)
    if existing is not None:
        logger.debug("Reusing %s prepared before from %s", existing.path, source)
        return existing

    image, lossless_source = _decode(source, max_side)
    encoded = _encode_for_web(
        image, lossless_source, jpeg_quality, allow_webp, max_bytes
    )

    path = dest_dir / f"{digest}{encoded.output_format.extension}"
    _write_atomically(path, encoded.data)
    logger.debug(
        "Prepared %s as %s: %dx%d, %d bytes from %d bytes",
        source, path.name, encoded.width, encoded.height,
        len(encoded.data), original_size,
    )
    return PreparedImage(
        path=path,
        mime_type=encoded.output_format.mime_type,
        width=encoded.width,
        height=encoded.height,
        size_bytes=len(encoded.data),
        original_size_bytes=original_size,
    )


def _validate_settings(max_side: int, quality: int, max_bytes: int | None) -> None:
    if max_side < 1:
        raise ValueError(f"max_side must be at least 1, got {max_side}")
    if not 1 <= quality <= 100:
        raise ValueError(f"jpeg_quality must be from 1 to 100, got {quality}")
    if max_bytes is not None and max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")


@functools.cache
def _configure_pillow() -> None:
    # Image.open warns above MAX_IMAGE_PIXELS and raises DecompressionBombError
    # above twice that. The default of about 89 MP would reject a 200 MP phone
    # photo, so it is raised to MAX_PIXELS, which _open enforces itself.
    # NOTE: this setting is global to the process and affects all Pillow users.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@functools.cache
def _register_heif() -> bool:
    """Register pillow-heif's HEIC/HEIF opener and return whether it is installed."""
    try:
        import pillow_heif
    except ImportError:
        logger.info("pillow-heif is not installed, so HEIC photos are rejected")
        return False
    pillow_heif.register_heif_opener()
    return True


def _accepted_formats() -> tuple[str, ...]:
    if _register_heif():
        return (*_BASE_FORMATS, "HEIF")
    return _BASE_FORMATS


def _hash_source(source: Path, settings: str) -> tuple[int, str]:
    """Return the size of source in bytes and a hex digest naming its output."""
    digest = hashlib.sha256(f"tinxa-image-{PIPELINE_VERSION}:{settings}\n".encode())
    size = 0
    try:
        with open(source, "rb") as file:
            while chunk := file.read(_HASH_CHUNK_BYTES):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError as error:
        raise InputError("image_not_found", str(error), path=str(source)) from error
    except OSError as error:
        raise InputError("image_unreadable", str(error), path=str(source)) from error
    return size, digest.hexdigest()[:32]


def _find_prepared(
    dest_dir: Path, digest: str, original_size: int
) -> PreparedImage | None:
    for output_format in _OUTPUT_FORMATS:
        path = dest_dir / f"{digest}{output_format.extension}"
        if not path.is_file():
            continue
        try:
            with Image.open(path) as image:
                width, height = image.size
        except (OSError, SyntaxError, ValueError):
            logger.warning("Preparing again: %s is not a readable image", path)
            return None
        return PreparedImage(
            path=path,
            mime_type=output_format.mime_type,
            width=width,
            height=height,
            size_bytes=path.stat().st_size,
            original_size_bytes=original_size,
        )
    return None


def _decode(source: Path, max_side: int) -> tuple[Image.Image, bool]:
    """Decode source into sRGB pixels that fit max_side, with no metadata.

    Return the image and whether the source format is lossless.
    """
    with _open(source) as opened:
        lossless_source = opened.format in _LOSSLESS_SOURCES
        icc_profile = opened.info.get("icc_profile")
        image = _load_upright(opened, source, max_side)

    image = _to_working_mode(image, source)
    image = _fit_within(image, max_side)
    image = _to_srgb(image, icc_profile, source)
    # Encoders copy some entries of info (the PNG encoder takes the ICC
    # profile), so nothing from the source may remain there.
    image.info = {}
    return image, lossless_source


def _open(source: Path) -> Image.Image:
    """Open source and check its size, without decoding the pixels."""
    try:
        image = Image.open(source, formats=_accepted_formats())
    except Image.DecompressionBombError as error:
        raise InputError(
            "image_too_large", str(error), path=str(source), max_pixels=MAX_PIXELS
        ) from error
    except UnidentifiedImageError as error:
        raise _unidentified_error(source, error) from error
    except FileNotFoundError as error:
        raise InputError("image_not_found", str(error), path=str(source)) from error
    except OSError as error:
        raise InputError("image_unreadable", str(error), path=str(source)) from error

    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise InputError(
            "image_too_large",
            f"{width}x{height} is more than {MAX_PIXELS} pixels",
            path=str(source),
            width=width,
            height=height,
            max_pixels=MAX_PIXELS,
        )
    return image


def _unidentified_error(source: Path, error: Exception) -> InputError:
    if not _has_heif_brand(source):
        return InputError("image_unreadable", str(error), path=str(source))
    if _register_heif():
        return InputError("image_damaged", str(error), path=str(source))
    return InputError(
        "image_heic_unsupported",
        "HEIC/HEIF decoding needs pillow-heif, which is not installed",
        path=str(source),
    )


def _has_heif_brand(source: Path) -> bool:
    try:
        with open(source, "rb") as file:
            header = file.read(12)
    except OSError:
        return False
    return header[4:8] == b"ftyp" and header[8:12] in _HEIF_BRANDS


def _load_upright(opened: Image.Image, source: Path, max_side: int) -> Image.Image:
    """Decode the first frame and apply the EXIF orientation."""
    draft_size = _draft_size(opened.size, max_side)
    if opened.format in ("JPEG", "MPO") and draft_size is not None:
        # libjpeg scales by 1/2, 1/4 or 1/8 while decoding, so a 12 MP photo
        # for 1600 px is decoded at 3 MP.
        opened.draft("RGB", draft_size)
    try:
        opened.load()
    except MemoryError as error:
        raise InputError(
            "image_too_large", "out of memory while decoding", path=str(source)
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise InputError("image_damaged", str(error), path=str(source)) from error

    try:
        return ImageOps.exif_transpose(opened)
    except (OSError, SyntaxError, ValueError, TypeError) as error:
        # A broken EXIF block should not cost the clerk the photo.
        logger.warning("Ignoring unreadable EXIF orientation in %s: %s", source, error)
        return opened.copy()


def _draft_size(size: tuple[int, int], max_side: int) -> tuple[int, int] | None:
    """Return the smallest decode size that still covers max_side, if smaller."""
    width, height = size
    longest = max(width, height)
    if longest <= max_side:
        return None
    scale = max_side / longest
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def _to_working_mode(image: Image.Image, source: Path) -> Image.Image:
    """Convert to L, LA, RGB, RGBA or CMYK, the modes the later steps handle."""
    mode = image.mode
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return image
    if mode.startswith("I"):
        return _to_8_bit_gray(image)
    if mode == "P":
        return image.convert("RGBA" if "transparency" in image.info else "RGB")
    try:
        return image.convert(_MODE_CONVERSIONS.get(mode, "RGB"))
    except ValueError as error:
        raise InputError(
            "image_unreadable", f"colour mode {mode}: {error}", path=str(source)
        ) from error


def _to_8_bit_gray(image: Image.Image) -> Image.Image:
    # Pillow's own conversion of I;16 to L clips at 255 instead of scaling,
    # which turns most of a 16-bit image white.
    # NOTE: mode I (32-bit) is scaled as if it held 16-bit values, so a 32-bit
    # TIFF with larger values comes out clipped.
    return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")


def _fit_within(image: Image.Image, max_side: int) -> Image.Image:
    width, height = image.size
    longest = max(width, height)
    if longest <= max_side:
        return image
    scale = max_side / longest
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _to_srgb(
    image: Image.Image, icc_profile: bytes | None, source: Path
) -> Image.Image:
    """Convert colours to sRGB, since the embedded profile is removed."""
    # NOTE: tests cover sRGB and invalid profiles only. Pillow cannot create a
    # CMYK or Display P3 profile, so those conversions have not been run here.
    if icc_profile and image.mode in ("RGB", "RGBA", "CMYK"):
        output_mode = "RGB" if image.mode == "CMYK" else image.mode
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            srgb = ImageCms.createProfile("sRGB")
            return ImageCms.profileToProfile(
                image, profile, srgb, outputMode=output_mode
            )
        except (ImageCms.PyCMSError, OSError, ValueError) as error:
            logger.warning("Ignoring unusable ICC profile in %s: %s", source, error)
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def _encode_for_web(
    image: Image.Image,
    lossless_source: bool,
    quality: int,
    allow_webp: bool,
    max_bytes: int | None,
) -> _Encoded:
    if _has_transparency(image):
        return _encode_transparent(image, quality, allow_webp, max_bytes)

    image = _drop_alpha(image)
    lossy_format = _WEBP if allow_webp else _JPEG
    lossy = _encode(image, lossy_format, quality)
    if lossless_source:
        lossless = _encode(image, _WEBP_LOSSLESS if allow_webp else _PNG, quality)
        prefer_lossless = len(lossy.data) > LOSSY_SIZE_RATIO * len(lossless.data)
        if prefer_lossless and _fits(lossless, max_bytes):
            return lossless
    if _fits(lossy, max_bytes):
        return lossy
    return _step_down(image, lossy_format, quality, lossy, max_bytes)


def _encode_transparent(
    image: Image.Image, quality: int, allow_webp: bool, max_bytes: int | None
) -> _Encoded:
    lossless = _encode(image, _WEBP_LOSSLESS if allow_webp else _PNG, quality)
    if _fits(lossless, max_bytes):
        return lossless
    if allow_webp:
        # Lossy WebP keeps the alpha channel.
        lossy = _encode(image, _WEBP, quality)
        return _step_down(image, _WEBP, quality, lossy, max_bytes, attempts=2)

    palette_image = _quantize(image)
    palette = _encode(palette_image, _PNG, quality)
    return _step_down(palette_image, _PNG, quality, palette, max_bytes, attempts=2)


def _has_transparency(image: Image.Image) -> bool:
    if image.mode not in ("RGBA", "LA"):
        return False
    lowest_alpha, _ = image.getchannel("A").getextrema()
    return lowest_alpha < 255


def _drop_alpha(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA":
        return image.convert("RGB")
    if image.mode == "LA":
        return image.convert("L")
    return image


def _quantize(image: Image.Image) -> Image.Image:
    """Reduce to 256 colours with alpha, which PNG stores as a palette."""
    return image.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE)


def _fits(encoded: _Encoded, max_bytes: int | None) -> bool:
    return max_bytes is None or len(encoded.data) <= max_bytes


def _step_down(
    image: Image.Image,
    output_format: _OutputFormat,
    quality: int,
    last: _Encoded,
    max_bytes: int | None,
    attempts: int = 1,
) -> _Encoded:
    """Lower the quality, then the size, until an encoding fits max_bytes.

    last is the encoding that did not fit, and attempts counts the encodings
    made so far, which MAX_ENCODE_ATTEMPTS bounds.
    """
    assert max_bytes is not None
    smallest = len(last.data)
    while len(last.data) > max_bytes:
        if attempts >= MAX_ENCODE_ATTEMPTS:
            raise _exceeds_max_bytes_error(max_bytes, smallest, "no attempts left")
        if output_format.lossy and quality - QUALITY_STEP >= MIN_QUALITY:
            quality -= QUALITY_STEP
        else:
            image = _shrink(image, max_bytes / len(last.data))
            if max(image.size) < MIN_SIDE:
                raise _exceeds_max_bytes_error(
                    max_bytes, smallest, f"would need less than {MIN_SIDE} px"
                )
        last = _encode(image, output_format, quality)
        attempts += 1
        smallest = min(smallest, len(last.data))
    return last


def _shrink(image: Image.Image, byte_ratio: float) -> Image.Image:
    # File size grows roughly with the pixel count, so the side scales with
    # the square root of the byte ratio, with a margin and bounded steps.
    scale = min(0.9, max(0.5, 0.95 * math.sqrt(byte_ratio)))
    width, height = image.size
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if image.mode == "P":
        # Resampling a palette image would fall back to nearest neighbour.
        return _quantize(image.convert("RGBA").resize(size, Image.Resampling.LANCZOS))
    return image.resize(size, Image.Resampling.LANCZOS)


def _exceeds_max_bytes_error(max_bytes: int, smallest: int, reason: str) -> InputError:
    return InputError(
        "image_exceeds_max_bytes",
        f"smallest encoding was {smallest} bytes, {reason}",
        max_bytes=max_bytes,
        smallest_bytes=smallest,
    )


def _encode(image: Image.Image, output_format: _OutputFormat, quality: int) -> _Encoded:
    if output_format.pillow_format == "WEBP" and image.mode in ("L", "LA"):
        image = image.convert("RGBA" if image.mode == "LA" else "RGB")
    options = dict(output_format.save_options)
    if output_format.lossy:
        options["quality"] = quality
    buffer = io.BytesIO()
    image.save(buffer, output_format.pillow_format, **options)
    return _Encoded(buffer.getvalue(), output_format, image.width, image.height)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write data to path so that a crash leaves either no file or all of it."""
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=".", suffix=".part"
    )
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
