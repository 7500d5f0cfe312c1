"""nps-kit: Net Promoter Score reporting toolkit."""

__version__ = "0.1.0"
