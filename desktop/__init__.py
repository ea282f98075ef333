"""TinXa's core: local store, sync engine and server backends, with no widgets."""

__version__ = "0.1.0"
APP_NAME = "TinXa"
