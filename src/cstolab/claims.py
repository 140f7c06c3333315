"""Summaries of competing numeric claims (e.g. CSTO contingent sizes).

The ``contingents`` dataset keeps one row per published claim. This module condenses those
rows per group (by default per country) into the range of claimed values and the single most
authoritative claim.
"""

from __future__ import annotations

import pandas as pd

#: Authority ranking of claimant types, most authoritative first.
CLAIMANT_RANK: dict[str, int] = {
    "csto_official": 0,
    "national_official": 1,
    "analyst": 2,
    "media": 3,
}

REQUIRED_COLUMNS: tuple[str, ...] = (
    "measure",
    "value",
    "source_id",
    "claimant_type",
    "claim_date",
    "claimed_by",
)

OUTPUT_COLUMNS: tuple[str, ...] = (
    "min",
    "max",
    "n_claims",
    "n_sources",
    "spread",
    "best_value",
    "best_claimed_by",
    "best_claimant_type",
    "best_claim_date",
)


def summarise_claims(
    df: pd.DataFrame | None = None,
    by: str = "country",
    measure: str = "troops",
) -> pd.DataFrame:
    """Summarise competing claims per group.

    For every value of ``by`` the rows whose ``measure`` equals ``measure`` and whose
    ``value`` is not missing are condensed into:

    * ``min``, ``max``: smallest and largest claimed value;
    * ``n_claims``: number of claims (rows with a value);
    * ``n_sources``: number of distinct ``source_id`` values among them;
    * ``spread``: ``max - min``;
    * ``best_value``, ``best_claimed_by``, ``best_claimant_type``, ``best_claim_date``: the
      most authoritative claim, ranking ``claimant_type`` as
      ``csto_official > national_official > analyst > media`` (unknown types rank last);
      among equally ranked claims the latest ``claim_date`` wins, and if that still ties the
      claim that comes first in ``df`` wins.

    Args:
        df: Claims table with at least the columns ``measure``, ``value``, ``source_id``,
            ``claimant_type``, ``claim_date``, ``claimed_by`` and the ``by`` column. If
            ``None``, the ``contingents`` dataset is loaded with :func:`cstolab.data.load`.
        by: Column to group by (e.g. ``"country"`` or ``"scope"``).
        measure: Which measure to summarise (e.g. ``"troops"`` or ``"vehicles"``).

    Returns:
        One row per group, indexed by a column named ``by`` and sorted by it, with the
        columns listed above.

    Raises:
        ValueError: if ``by`` or a required column is not in ``df``, or if ``measure`` does
            not occur in ``df["measure"]``.

    Example:
        >>> import pandas as pd
        >>> claims = pd.DataFrame({
        ...     "country": ["Armenia", "Armenia"],
        ...     "measure": ["troops", "troops"],
        ...     "value": [100, 70],
        ...     "source_id": ["panorama2022armenia", "apostrophe2022csto"],
        ...     "claimant_type": ["national_official", "media"],
        ...     "claim_date": ["2022-01-07", "2022-01-06"],
        ...     "claimed_by": ["Armenian MoD", "Apostrophe.ua"],
        ... })
        >>> out = summarise_claims(claims)
        >>> out.loc["Armenia", ["min", "max", "spread", "best_value"]].tolist()
        [70, 100, 30, 100]
    """
    if df is None:
        from cstolab.data import load

        df = load("contingents")
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame or None, got {type(df).__name__}")

    columns = [str(c) for c in df.columns]
    if not isinstance(by, str) or by not in df.columns:
        raise ValueError(f"by={by!r} is not a column of df; accepted: {sorted(columns)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(
            f"df lacks required column(s) {missing}; required: {list(REQUIRED_COLUMNS)}"
        )
    measures = sorted({str(m) for m in df["measure"].dropna().unique()})
    if measure not in measures:
        raise ValueError(f"measure={measure!r} is not present in df; accepted: {measures}")

    sub = df.loc[df["measure"].astype("string") == measure].copy()
    sub["_value"] = pd.to_numeric(sub["value"], errors="coerce")
    sub = sub.loc[sub["_value"].notna()]
    sub["_group"] = sub[by].astype("string")
    sub["_rank"] = (
        sub["claimant_type"].astype("string").map(CLAIMANT_RANK).fillna(len(CLAIMANT_RANK))
    )
    sub["_date"] = pd.to_datetime(sub["claim_date"], errors="coerce")
    sub["_order"] = range(len(sub))

    rows = []
    for group, g in sub.groupby("_group", sort=True):
        best = g.sort_values(
            ["_rank", "_date", "_order"], ascending=[True, False, True], na_position="last"
        ).iloc[0]
        vmin, vmax = g["_value"].min(), g["_value"].max()
        rows.append(
            {
                by: group,
                "min": _num(vmin),
                "max": _num(vmax),
                "n_claims": int(len(g)),
                "n_sources": int(g["source_id"].astype("string").nunique()),
                "spread": _num(vmax - vmin),
                "best_value": _num(best["_value"]),
                "best_claimed_by": best["claimed_by"],
                "best_claimant_type": best["claimant_type"],
                "best_claim_date": best["_date"].date() if pd.notna(best["_date"]) else None,
            }
        )
    out = pd.DataFrame(rows, columns=[by, *OUTPUT_COLUMNS])
    return out.set_index(by)


def _num(x: float) -> int | float:
    """Return ``x`` as ``int`` when it is integral, else as ``float``."""
    x = float(x)
    return int(x) if x.is_integer() else x
