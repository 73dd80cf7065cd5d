"""The single place the package version lives (read by hatchling and by ``peacetalks.__version__``)."""

__version__ = "0.1.0.dev0"
