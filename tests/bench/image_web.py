"""Benchmark prepare_image on a 12 MP phone-like photo against a plain re-save.

Run from the repository root as `python tests/bench/image_web.py`. The work is
pinned to one CPU where the OS allows it. The last line printed is the result
as key=value pairs. The target is a prepare_s_median below 0.5 s.
"""

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import PIL  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from desktop.images import prepare_image  # noqa: E402

PHOTO_SIZE = (4000, 3000)
WEB_MAX_BYTES = 400_000
# A tighter limit, as after a server responded with 413, which makes
# prepare_image step the quality and size down.
SMALL_MAX_BYTES = 150_000
TARGET_SECONDS = 0.5


def make_photo(path: Path) -> None:
    """Write a 12 MP JPEG that compresses like a phone photo (about 4-6 MB).

    Smooth gradients and blurred shapes model the scene, and per-channel
    Gaussian noise models sensor noise, which is what keeps phone JPEGs large.
    """
    width, height = PHOTO_SIZE
    horizontal = Image.linear_gradient("L").rotate(90).resize(PHOTO_SIZE)
    vertical = Image.linear_gradient("L").resize(PHOTO_SIZE)
    scene = Image.merge("RGB", (horizontal, vertical, Image.new("L", PHOTO_SIZE, 90)))

    draw = ImageDraw.Draw(scene)
    for index in range(40):
        left = (index * 397) % width
        top = (index * 211) % height
        colour = ((index * 53) % 256, (index * 97) % 256, (index * 31) % 256)
        box = (left, top, left + 150 + index * 17, top + 100 + index * 11)
        if index % 2:
            draw.ellipse(box, fill=colour)
        else:
            draw.rectangle(box, fill=colour)
    scene = scene.filter(ImageFilter.GaussianBlur(3))

    # Fine noise models sensor grain, and coarse noise models texture such as
    # foliage or gravel, which survives the downscale to web size.
    fine = Image.merge("RGB", [Image.effect_noise(PHOTO_SIZE, 40) for _ in range(3)])
    coarse = Image.effect_noise((width // 2, height // 2), 50).resize(
        PHOTO_SIZE, Image.Resampling.BICUBIC
    )
    photo = Image.blend(scene, fine, 0.22)
    photo = Image.blend(photo, coarse.convert("RGB"), 0.3)
    photo.save(path, "JPEG", quality=92)


def time_runs(function, runs: int) -> list[float]:
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=7, help="timed runs of each step (default 7)"
    )
    arguments = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    with tempfile.TemporaryDirectory(prefix="tinxa-bench-") as work:
        work_dir = Path(work)
        source = work_dir / "photo.jpg"
        make_photo(source)

        def resave_baseline() -> None:
            with Image.open(source) as image:
                image.save(io.BytesIO(), "JPEG", quality=82)

        run_numbers = iter(range(3 * arguments.runs + 3))
        results = {}

        def prepare(max_bytes: int) -> None:
            # A fresh folder for each run, because prepare_image reuses the
            # file that an earlier run with the same settings wrote.
            dest_dir = work_dir / f"out{next(run_numbers)}"
            results[max_bytes] = prepare_image(source, dest_dir, max_bytes=max_bytes)

        prepare(WEB_MAX_BYTES)  # warm-up, which also loads the Pillow plugins
        baseline = time_runs(resave_baseline, arguments.runs)
        prepared = time_runs(lambda: prepare(WEB_MAX_BYTES), arguments.runs)
        prepared_small = time_runs(lambda: prepare(SMALL_MAX_BYTES), arguments.runs)

    result = results[WEB_MAX_BYTES]
    small_result = results[SMALL_MAX_BYTES]
    prepare_median = statistics.median(prepared)
    baseline_median = statistics.median(baseline)
    print(
        f"python={platform.python_version()} pillow={PIL.__version__} "
        f"cpu={platform.processor() or platform.machine()} runs={arguments.runs}"
    )
    print(
        f"source_bytes={result.original_size_bytes} "
        f"source_size={PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} "
        f"output_bytes={result.size_bytes} "
        f"output_size={result.width}x{result.height} "
        f"output_mime={result.mime_type} "
        f"prepare_s_median={prepare_median:.3f} "
        f"prepare_s_max={max(prepared):.3f} "
        f"baseline_s_median={baseline_median:.3f} "
        f"ratio={prepare_median / baseline_median:.2f} "
        f"small_max_bytes={SMALL_MAX_BYTES} "
        f"small_output_bytes={small_result.size_bytes} "
        f"small_output_size={small_result.width}x{small_result.height} "
        f"prepare_small_s_median={statistics.median(prepared_small):.3f} "
        f"target_s={TARGET_SECONDS} "
        f"met={prepare_median < TARGET_SECONDS and result.size_bytes <= WEB_MAX_BYTES}"
    )


if __name__ == "__main__":
    main()
