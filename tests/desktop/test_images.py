"""Tests for preparing photos and screenshots for upload."""

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw, ImageStat
from PIL.PngImagePlugin import PngInfo

from desktop import images
from desktop.errors import ErrorKind, InputError
from desktop.images import prepare_image

ORIENTATION_TAG = 0x0112
MAKE_TAG = 0x010F
GPS_IFD_TAG = 0x8825
RED = (255, 0, 0)


def make_photo(size: tuple[int, int]) -> Image.Image:
    """Return an RGB image with gradients and noise, which compresses like a photo."""
    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 60)
    mirrored = gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return Image.merge("RGB", (gradient, noise, mirrored))


def make_screenshot(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Return flat-coloured boxes and lines, like a screenshot or a diagram."""
    background = (0, 0, 0, 0) if mode == "RGBA" else (240, 240, 240)
    image = Image.new(mode, size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    box = (width // 8, height // 8, width // 2, height // 2)
    draw.rectangle(box, fill=(30, 90, 200))
    draw.ellipse((width // 2, height // 3, width - 10, height - 10), fill=(200, 40, 40))
    for y in range(0, height, 12):
        draw.line((10, y, width // 3, y), fill=(20, 20, 20), width=2)
    return image


def save(image: Image.Image, path: Path, image_format: str, **options) -> Path:
    image.save(path, image_format, **options)
    return path


def png_chunk(chunk_type: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(chunk_type + data)
    length = struct.pack(">I", len(data))
    return length + chunk_type + data + struct.pack(">I", checksum)


def write_png(
    path: Path,
    width: int,
    height: int,
    bit_depth: int,
    colour_type: int,
    rows: list[bytes],
) -> Path:
    """Write a PNG by hand, for bit depths and sizes that Pillow cannot save."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    scanlines = b"".join(b"\x00" + row for row in rows)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(scanlines))
        + png_chunk(b"IEND", b"")
    )
    return path


def reopen(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image


def is_close(
    actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 40
) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected))


# Sizes, formats and orientation


def test_jpeg_resized_to_max_side(tmp_path):
    source = save(make_photo((2000, 1000)), tmp_path / "photo.jpg", "JPEG", quality=95)

    result = prepare_image(source, tmp_path / "out")

    assert (result.width, result.height) == (1600, 800)
    assert result.mime_type == "image/jpeg"
    assert result.path.parent == tmp_path / "out"
    assert result.path.suffix == ".jpg"
    assert result.size_bytes == result.path.stat().st_size
    assert result.original_size_bytes == source.stat().st_size
    assert reopen(result.path).size == (1600, 800)


def test_portrait_resized_on_longest_side(tmp_path):
    source = save(make_photo((600, 1800)), tmp_path / "photo.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out", max_side=900)

    assert (result.width, result.height) == (300, 900)


def test_small_image_not_upscaled(tmp_path):
    source = save(make_photo((300, 200)), tmp_path / "photo.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out")

    assert (result.width, result.height) == (300, 200)


def test_output_jpeg_progressive(tmp_path):
    source = save(make_photo((400, 300)), tmp_path / "photo.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert output.format == "JPEG"
    assert output.info.get("progressive") == 1


def test_exif_orientation_applied(tmp_path):
    # Stored as 400x300 landscape pixels. Orientation 6 means "rotate 90
    # degrees clockwise to display", so the stored top-left corner ends up
    # at the top right of a 300x400 portrait.
    stored = Image.new("RGB", (400, 300), (255, 255, 255))
    ImageDraw.Draw(stored).rectangle((0, 0, 99, 99), fill=RED)
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = 6
    source = save(stored, tmp_path / "portrait.jpg", "JPEG", exif=exif, quality=95)

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert (result.width, result.height) == (300, 400)
    assert output.size == (300, 400)
    assert is_close(output.getpixel((250, 50)), RED)
    assert is_close(output.getpixel((50, 50)), (255, 255, 255))
    assert len(output.getexif()) == 0
    assert "exif" not in output.info


def test_metadata_and_gps_removed(tmp_path):
    exif = Image.Exif()
    exif[MAKE_TAG] = "TinXaTestCamera"
    gps = exif.get_ifd(GPS_IFD_TAG)
    gps[1] = "N"
    gps[2] = (21.0, 1.0, 30.0)
    gps[3] = "E"
    gps[4] = (105.0, 51.0, 10.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = save(
        make_photo((400, 300)),
        tmp_path / "gps.jpg",
        "JPEG",
        exif=exif,
        icc_profile=srgb,
        comment=b"TinXaComment",
        xmp=b"<x:xmpmeta>TinXaXmp</x:xmpmeta>",
    )
    assert reopen(source).getexif().get_ifd(GPS_IFD_TAG), "source must carry GPS"

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    data = result.path.read_bytes()
    assert len(output.getexif()) == 0
    assert not output.getexif().get_ifd(GPS_IFD_TAG)
    for key in ("exif", "icc_profile", "xmp", "comment"):
        assert key not in output.info
    assert b"Exif" not in data
    assert b"TinXa" not in data


def test_png_text_chunks_removed(tmp_path):
    text = PngInfo()
    text.add_text("Comment", "TinXaSecret")
    screenshot = make_screenshot((300, 200))
    source = save(screenshot, tmp_path / "shot.png", "PNG", pnginfo=text)

    result = prepare_image(source, tmp_path / "out")

    assert b"TinXaSecret" not in result.path.read_bytes()


def test_source_not_modified(tmp_path):
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = 6
    source = save(make_photo((2000, 1500)), tmp_path / "photo.jpg", "JPEG", exif=exif)
    before = source.read_bytes()
    modified_before = source.stat().st_mtime_ns

    prepare_image(source, tmp_path / "out")

    assert source.read_bytes() == before
    assert source.stat().st_mtime_ns == modified_before


def test_png_with_alpha_stays_png(tmp_path):
    source = save(make_screenshot((800, 600), "RGBA"), tmp_path / "logo.png", "PNG")

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert result.mime_type == "image/png"
    assert output.mode == "RGBA"
    assert output.getpixel((0, 0))[3] == 0
    assert output.getpixel((200, 150))[3] == 255


def test_palette_png_transparency_kept(tmp_path):
    palette_image = make_screenshot((200, 100)).quantize(16)
    corner_index = palette_image.getpixel((0, 0))
    source = save(
        palette_image, tmp_path / "icon.png", "PNG", transparency=corner_index
    )

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path).convert("RGBA")
    assert result.mime_type == "image/png"
    assert output.getpixel((0, 0))[3] == 0


def test_opaque_screenshot_stays_png(tmp_path):
    source = save(make_screenshot((1200, 800)), tmp_path / "shot.png", "PNG")

    result = prepare_image(source, tmp_path / "out")

    assert result.mime_type == "image/png"
    assert reopen(result.path).mode == "RGB"


def test_png_photo_becomes_jpeg(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.png", "PNG")

    result = prepare_image(source, tmp_path / "out")

    assert result.mime_type == "image/jpeg"


def test_png_with_unused_alpha_becomes_jpeg(tmp_path):
    photo = make_photo((800, 600)).convert("RGBA")
    source = save(photo, tmp_path / "photo.png", "PNG")

    result = prepare_image(source, tmp_path / "out")

    assert result.mime_type == "image/jpeg"


def test_webp_when_allowed(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out", allow_webp=True)

    data = result.path.read_bytes()
    assert result.mime_type == "image/webp"
    assert result.path.suffix == ".webp"
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WEBP"


def test_webp_keeps_alpha(tmp_path):
    source = save(make_screenshot((400, 300), "RGBA"), tmp_path / "logo.png", "PNG")

    result = prepare_image(source, tmp_path / "out", allow_webp=True)

    output = reopen(result.path)
    assert result.mime_type == "image/webp"
    assert output.mode == "RGBA"
    assert output.getpixel((0, 0))[3] == 0


def test_grayscale_jpeg_stays_grayscale(tmp_path):
    source = save(make_photo((400, 300)).convert("L"), tmp_path / "gray.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out")

    assert reopen(result.path).mode == "L"


@pytest.mark.parametrize(
    ("image_format", "suffix"),
    [("BMP", ".bmp"), ("TIFF", ".tif"), ("WEBP", ".webp"), ("AVIF", ".avif")],
)
def test_other_formats_accepted(tmp_path, image_format, suffix):
    source = save(make_photo((800, 400)), tmp_path / f"photo{suffix}", image_format)

    result = prepare_image(source, tmp_path / "out", max_side=400)

    assert (result.width, result.height) == (400, 200)
    assert result.mime_type in ("image/jpeg", "image/png")


def test_mpo_keeps_first_frame(tmp_path):
    # Some cameras and phones write MPO: a JPEG with further pictures after it.
    first = Image.new("RGB", (2000, 1000), RED)
    second = Image.new("RGB", (2000, 1000), (0, 0, 255))
    source = tmp_path / "camera.jpg"
    first.save(source, "MPO", save_all=True, append_images=[second])
    with Image.open(source) as opened:
        assert opened.format == "MPO", "source must be an MPO file"

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert result.mime_type == "image/jpeg"
    assert (result.width, result.height) == (1600, 800)
    assert is_close(output.getpixel((800, 400)), RED)


def test_invalid_icc_profile_ignored(tmp_path, caplog):
    green = Image.new("RGB", (200, 100), (0, 200, 0))
    source = save(green, tmp_path / "photo.jpg", "JPEG", icc_profile=b"not a profile")

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert "Ignoring unusable ICC profile" in caplog.text
    assert "icc_profile" not in output.info
    assert is_close(output.getpixel((100, 50)), (0, 200, 0))


@pytest.mark.parametrize(
    "settings",
    [{"max_side": 0}, {"jpeg_quality": 0}, {"jpeg_quality": 101}, {"max_bytes": 0}],
)
def test_invalid_settings_raise_value_error(tmp_path, settings):
    source = save(make_photo((100, 100)), tmp_path / "photo.jpg", "JPEG")

    with pytest.raises(ValueError):
        prepare_image(source, tmp_path / "out", **settings)


# Fitting max_bytes


def test_max_bytes_fits_jpeg(tmp_path):
    source = save(make_photo((1600, 1200)), tmp_path / "photo.jpg", "JPEG", quality=95)
    unlimited = prepare_image(source, tmp_path / "unlimited")
    max_bytes = unlimited.size_bytes // 4

    result = prepare_image(source, tmp_path / "out", max_bytes=max_bytes)

    assert result.size_bytes <= max_bytes
    assert result.path.stat().st_size == result.size_bytes
    assert result.mime_type == "image/jpeg"
    assert reopen(result.path).size == (result.width, result.height)


def test_max_bytes_already_met_keeps_size(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")
    unlimited = prepare_image(source, tmp_path / "unlimited")

    result = prepare_image(source, tmp_path / "out", max_bytes=unlimited.size_bytes)

    assert (result.width, result.height) == (800, 600)
    assert result.size_bytes == unlimited.size_bytes


def test_max_bytes_fits_transparent_png(tmp_path):
    photo = make_photo((800, 600)).convert("RGBA")
    photo.putalpha(Image.linear_gradient("L").resize((800, 600)))
    source = save(photo, tmp_path / "overlay.png", "PNG")
    max_bytes = 150_000

    result = prepare_image(source, tmp_path / "out", max_bytes=max_bytes)

    output = reopen(result.path).convert("RGBA")
    assert result.size_bytes <= max_bytes
    assert result.mime_type == "image/png"
    assert output.getpixel((0, 0))[3] < 50


def test_max_bytes_fits_transparent_webp(tmp_path):
    photo = make_photo((800, 600)).convert("RGBA")
    photo.putalpha(Image.linear_gradient("L").resize((800, 600)))
    source = save(photo, tmp_path / "overlay.png", "PNG")
    max_bytes = 60_000

    result = prepare_image(
        source, tmp_path / "out", allow_webp=True, max_bytes=max_bytes
    )

    output = reopen(result.path)
    assert result.size_bytes <= max_bytes
    assert result.mime_type == "image/webp"
    assert output.mode == "RGBA"


def test_max_bytes_unreachable_raises(tmp_path):
    source = save(make_photo((1600, 1200)), tmp_path / "photo.jpg", "JPEG")

    with pytest.raises(InputError) as raised:
        prepare_image(source, tmp_path / "out", max_bytes=1000)

    assert raised.value.code == "image_exceeds_max_bytes"
    assert raised.value.kind is ErrorKind.INVALID_INPUT
    assert raised.value.params["max_bytes"] == 1000
    assert raised.value.params["smallest_bytes"] > 1000
    assert not list((tmp_path / "out").iterdir())


# Output names


def test_output_name_stable(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")

    first = prepare_image(source, tmp_path / "first")
    second = prepare_image(source, tmp_path / "second")

    assert first.path.name == second.path.name
    assert first.path.read_bytes() == second.path.read_bytes()


def test_retry_reuses_prepared_file(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")
    first = prepare_image(source, tmp_path / "out")
    written_at = first.path.stat().st_mtime_ns

    second = prepare_image(source, tmp_path / "out")

    assert second == first
    assert second.path.stat().st_mtime_ns == written_at
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_damaged_prepared_file_replaced(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")
    first = prepare_image(source, tmp_path / "out")
    first.path.write_bytes(b"not an image")

    second = prepare_image(source, tmp_path / "out")

    assert second.path == first.path
    assert reopen(second.path).size == (800, 600)


def test_output_name_depends_on_settings(tmp_path):
    source = save(make_photo((800, 600)), tmp_path / "photo.jpg", "JPEG")

    default = prepare_image(source, tmp_path / "out")
    lower_quality = prepare_image(source, tmp_path / "out", jpeg_quality=60)
    smaller = prepare_image(source, tmp_path / "out", max_side=400)

    names = {default.path.name, lower_quality.path.name, smaller.path.name}
    assert len(names) == 3


def test_output_name_depends_on_content(tmp_path):
    first_source = save(make_photo((800, 600)), tmp_path / "a.jpg", "JPEG")
    second_source = save(make_screenshot((800, 600)), tmp_path / "b.jpg", "JPEG")

    first = prepare_image(first_source, tmp_path / "out")
    second = prepare_image(second_source, tmp_path / "out")

    assert first.path != second.path


# Bad and unusual input


def assert_input_error(source: Path, dest_dir: Path, code: str) -> InputError:
    with pytest.raises(InputError) as raised:
        prepare_image(source, dest_dir)
    assert raised.value.code == code
    return raised.value


def test_text_file_unreadable(tmp_path):
    source = tmp_path / "notes.jpg"
    source.write_text("Biên bản họp thôn\n", encoding="utf-8")

    error = assert_input_error(source, tmp_path / "out", "image_unreadable")

    assert error.params["path"] == str(source)


def test_empty_file_unreadable(tmp_path):
    source = tmp_path / "empty.jpg"
    source.write_bytes(b"")

    assert_input_error(source, tmp_path / "out", "image_unreadable")


def test_postscript_rejected(tmp_path):
    # Pillow can read EPS, but only by running Ghostscript, so it is not accepted.
    source = tmp_path / "poster.eps"
    source.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n")

    assert_input_error(source, tmp_path / "out", "image_unreadable")


def test_directory_unreadable(tmp_path):
    folder = tmp_path / "album"
    folder.mkdir()

    assert_input_error(folder, tmp_path / "out", "image_unreadable")


def test_missing_file_not_found(tmp_path):
    assert_input_error(tmp_path / "missing.jpg", tmp_path / "out", "image_not_found")


def test_truncated_jpeg_damaged(tmp_path):
    complete = save(make_photo((800, 600)), tmp_path / "complete.jpg", "JPEG")
    source = tmp_path / "truncated.jpg"
    source.write_bytes(complete.read_bytes()[: complete.stat().st_size // 2])

    assert_input_error(source, tmp_path / "out", "image_damaged")


def test_truncated_png_damaged(tmp_path):
    complete = save(make_photo((400, 300)), tmp_path / "complete.png", "PNG")
    source = tmp_path / "truncated.png"
    source.write_bytes(complete.read_bytes()[: complete.stat().st_size // 2])

    assert_input_error(source, tmp_path / "out", "image_damaged")


def test_large_jpeg_decoded_at_reduced_scale(tmp_path):
    size = (7300, 5480)  # 40 MP
    photo = Image.linear_gradient("L").resize(size).convert("RGB")
    source = save(photo, tmp_path / "large.jpg", "JPEG", quality=85)
    del photo

    with images._open(source) as opened:
        decoded = images._load_upright(opened, source, 1600)

    assert 1600 <= max(decoded.size) < 3200
    result = prepare_image(source, tmp_path / "out")
    assert (result.width, result.height) == (1600, 1201)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_pixel_limit_rejects_header(tmp_path):
    # Only the header is read, so the claimed 210 MP are never decoded.
    source = write_png(tmp_path / "bomb.png", 15000, 14000, 8, 0, [b"\x00" * 15000])

    error = assert_input_error(source, tmp_path / "out", "image_too_large")

    assert error.params["width"] == 15000
    assert error.params["height"] == 14000
    assert error.params["max_pixels"] == images.MAX_PIXELS


def test_pixel_limit_rejects_huge_header(tmp_path):
    # Above twice the limit, Pillow itself raises DecompressionBombError.
    source = write_png(tmp_path / "bomb.png", 30000, 30000, 8, 0, [b"\x00" * 30000])

    assert_input_error(source, tmp_path / "out", "image_too_large")


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    cmyk_red = Image.new("CMYK", (200, 100), (0, 255, 255, 0))
    source = save(cmyk_red, tmp_path / "print.jpg", "JPEG")

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert result.mime_type == "image/jpeg"
    assert output.mode == "RGB"
    assert is_close(output.getpixel((100, 50)), RED)


def test_16_bit_gray_png_scaled(tmp_path):
    gradient = Image.linear_gradient("L").convert("I").point(lambda value: value * 257)
    source = save(gradient.convert("I;16"), tmp_path / "scan.png", "PNG")
    assert source.read_bytes()[24] == 16, "source must be a 16-bit PNG"

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert output.mode == "L"
    assert abs(output.getpixel((0, 100)) - 100) <= 2
    assert abs(ImageStat.Stat(output).mean[0] - 127.5) <= 2


def test_16_bit_rgb_png_converted(tmp_path):
    orange_pixel = struct.pack(">HHH", 0xFFFF, 0x8000, 0x0000)
    rows = [orange_pixel * 64 for _ in range(32)]
    source = write_png(tmp_path / "orange.png", 64, 32, 16, 2, rows)

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path).convert("RGB")
    assert (result.width, result.height) == (64, 32)
    assert is_close(output.getpixel((10, 10)), (255, 128, 0), tolerance=3)


def test_animated_gif_keeps_first_frame(tmp_path):
    colours = (RED, (0, 255, 0), (0, 0, 255))
    frames = [Image.new("RGB", (64, 64), colour) for colour in colours]
    source = tmp_path / "banner.gif"
    frames[0].save(
        source, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0
    )
    with Image.open(source) as animated:
        assert animated.n_frames == 3, "source must be animated"

    result = prepare_image(source, tmp_path / "out")

    with Image.open(result.path) as output:
        assert getattr(output, "n_frames", 1) == 1
        assert is_close(output.convert("RGB").getpixel((32, 32)), RED, tolerance=3)


def test_heic_converted_to_jpeg(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    stored = Image.new("RGB", (400, 300), (255, 255, 255))
    ImageDraw.Draw(stored).rectangle((0, 0, 99, 99), fill=RED)
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = 6
    # Given as bytes, the orientation is also written as the HEIF rotation
    # property (irot), as iPhones do. pillow-heif 1.9 writes no irot for an
    # Exif object, and HEIF readers ignore the EXIF orientation.
    source = save(
        stored, tmp_path / "IMG_0001.HEIC", "HEIF", exif=exif.tobytes(), quality=90
    )

    result = prepare_image(source, tmp_path / "out")

    output = reopen(result.path)
    assert result.mime_type == "image/jpeg"
    assert (result.width, result.height) == (300, 400)
    assert is_close(output.getpixel((250, 50)), RED)
    assert len(output.getexif()) == 0


def test_heic_damaged(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    complete = save(make_photo((400, 300)), tmp_path / "complete.heic", "HEIF")
    source = tmp_path / "truncated.heic"
    source.write_bytes(complete.read_bytes()[: complete.stat().st_size // 2])

    assert_input_error(source, tmp_path / "out", "image_damaged")


def test_heic_without_pillow_heif_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "_register_heif", lambda: False)
    source = tmp_path / "IMG_0002.HEIC"
    source.write_bytes(struct.pack(">I", 24) + b"ftypheic" + b"\x00" * 4 + b"mif1heic")

    assert_input_error(source, tmp_path / "out", "image_heic_unsupported")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
