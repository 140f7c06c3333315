"""Small helpers for sentences computed from data (chart descriptions, glued prose).

>>> listed(["Russia", "Belarus", "Armenia"])
'Russia, Belarus and Armenia'
"""

from __future__ import annotations

from collections.abc import Iterable


def listed(items: Iterable[object]) -> str:
    """Join items as English prose without a serial comma: 'a', 'a and b', 'a, b and c'.

    Our own three lines rather than ``inflect.engine().join``: the course writes British English
    (no serial comma) and the lessons need nothing else from that package.

    >>> listed([])
    ''
    >>> listed([1999])
    '1999'
    >>> listed(["Armenia", "Kyrgyzstan"])
    'Armenia and Kyrgyzstan'
    """
    words = [str(item) for item in items]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)
