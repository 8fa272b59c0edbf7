"""Quality checks on a whole translation, each a small pure function with a stable id.

``run_checks(source_sentences, target_segments, links, glossary, quotations)``
returns :class:`~workbench.core.model.Finding` objects whose ``src``/``tgt`` are
the link's sentence indices. Severities: ``error`` for what is wrong whatever
the style (a forbidden term, an untranslated segment, a number that differs),
``warning`` for what a reviser should look at (a missing approved term, a copy of
the source, an unusual length ratio, unbalanced marks, mixed-script words),
``info`` for the reminder on quotations taken from English.
"""

from workbench.core.qa.context import LinkText, QAContext
from workbench.core.qa.registry import CHECKS, Check, run_checks

__all__ = ["CHECKS", "Check", "LinkText", "QAContext", "run_checks"]
