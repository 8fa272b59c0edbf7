"""workbench: a parallel-text translation workbench for Russian historical non-fiction."""

__version__ = "0.1.0"
