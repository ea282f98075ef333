"""The Vietnamese catalogue covers every UI string and its compiled form is current."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = resource_path("translations", "tinxa_vi.ts")
COMPILED = resource_path("translations", "tinxa_vi.qm")


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).parent / name
    return str(tool) if tool.exists() else shutil.which(name)


def test_every_ui_string_is_translated(tmp_path):
    updated = tmp_path / "tinxa_vi.ts"
    shutil.copy(CATALOGUE, updated)
    sources = sorted(str(path) for path in (ROOT / "ui").glob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), "-no-obsolete", *sources,
                    "-ts", str(updated)], check=True, capture_output=True)
    untranslated = [
        message.findtext("source")
        for message in ET.parse(updated).iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_compiled_catalogue_is_current(tmp_path):
    compiled = tmp_path / "tinxa_vi.qm"
    subprocess.run([qt_tool("pyside6-lrelease"), str(CATALOGUE), "-qm",
                    str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == COMPILED.read_bytes()


@pytest.mark.parametrize("context, source, expected", [
    ("Messages", "Draft", "Bản nháp"),
    ("MainWindow", "Send for &review", "&Gửi duyệt"),
])
def test_vietnamese_is_loaded(qapp, context, source, expected):
    translator = QTranslator()
    assert translator.load(str(COMPILED))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(context, source) == expected
    finally:
        QCoreApplication.removeTranslator(translator)
